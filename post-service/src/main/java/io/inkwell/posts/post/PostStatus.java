package io.inkwell.posts.post;

public enum PostStatus {
  DRAFT,
  PUBLISHED
}
