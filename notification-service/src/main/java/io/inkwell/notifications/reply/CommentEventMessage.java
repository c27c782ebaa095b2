package io.inkwell.notifications.reply;

/**
 * What notification-service reads of comment-service's events (a tolerant reader of {@code
 * contracts/comment-posted.schema.json}): unknown fields and types are ignored.
 */
record CommentEventMessage(
    String eventId,
    String type,
    String postSlug,
    String postTitle,
    String authorName,
    String excerpt,
    String notifyEmail) {

  boolean asksForReplyMail() {
    return "CommentPosted".equals(type) && notifyEmail != null && !notifyEmail.isBlank();
  }
}
