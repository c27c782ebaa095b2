package io.inkwell.comments.comment;

public enum CommentStatus {
  APPROVED,
  PENDING
}
