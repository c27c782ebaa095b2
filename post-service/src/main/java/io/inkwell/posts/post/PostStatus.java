package io.inkwell.posts.post;

/** Where a post is in its life: {@code DRAFT → SCHEDULED → PUBLISHED → DRAFT ... → DELETED}. */
public enum PostStatus {
  DRAFT,
  SCHEDULED,
  PUBLISHED,
  DELETED
}
