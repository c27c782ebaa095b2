package io.inkwell.comments.comment;

/** Only {@code APPROVED} comments are shown to readers. */
public enum CommentStatus {
  APPROVED,
  /** Held for moderation. */
  PENDING,
  SPAM,
  REJECTED,
  /** Removed by a moderator; the document stays until its event is relayed. */
  DELETED
}
