package io.inkwell.notifications.notice;

/**
 * What notification-service reads of comment-service's events (a tolerant reader of {@code
 * contracts/comment-posted.schema.json} and {@code comment-held.schema.json}): unknown fields and
 * types are ignored.
 */
record CommentEventMessage(
    String eventId,
    String type,
    String postId,
    String postSlug,
    String commentId,
    String postTitle,
    String postAuthorId,
    String authorName,
    String excerpt,
    String notifyEmail,
    String authorStaffId,
    String authorEmail,
    Boolean notifyOnReply,
    Boolean notifyOnComments) {

  boolean isCommentPosted() {
    return "CommentPosted".equals(type);
  }

  boolean isCommentHeld() {
    return "CommentHeld".equals(type);
  }

  /** The commenter asked to hear of every later comment on the post. */
  boolean follows() {
    return Boolean.TRUE.equals(notifyOnComments) && authorEmail != null && postId != null;
  }

  /** The commenter asked to hear of replies to this comment. */
  boolean wantsReplies() {
    return Boolean.TRUE.equals(notifyOnReply) && authorEmail != null && postId != null;
  }

  /** The comment replies to one whose author asked to hear of replies. */
  boolean asksForReplyMail() {
    return notifyEmail != null && !notifyEmail.isBlank();
  }
}
