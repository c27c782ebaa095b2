package io.inkwell.posts.post;

/**
 * Where a post is in its life: {@code DRAFT → SCHEDULED → PUBLISHED → DRAFT ...}, from any of them
 * to {@code TRASHED} (and back to {@code DRAFT}), and at last {@code DELETED}.
 */
public enum PostStatus {
  DRAFT,
  SCHEDULED,
  PUBLISHED,
  TRASHED,
  DELETED
}
