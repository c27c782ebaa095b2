package io.inkwell.notifications.reply;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One "someone replied to your comment" mail, recorded under the id of the {@code CommentPosted}
 * event that caused it, so that a redelivered event sends nothing twice.
 *
 * @param to the address the parent comment's author gave, with {@code notifyOnReply}
 */
@Document("reply_notices")
record ReplyNotice(
    @Id String eventId,
    String to,
    String postTitle,
    String postUrl,
    String replierName,
    String excerpt,
    Status status,
    int attempts,
    Instant createdAt) {

  enum Status {
    PENDING,
    SENT,
    FAILED
  }
}
