package io.inkwell.notifications.notice;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail about a new comment, recorded under the id of the {@code CommentPosted} event that
 * caused it and its reason, so that a redelivered event sends nothing twice.
 *
 * @param to the post author's address, or the one the parent comment's author gave with {@code
 *     notifyOnReply}
 */
@Document("comment_notices")
record CommentNotice(
    @Id String id,
    String eventId,
    Reason reason,
    String to,
    String postTitle,
    String postUrl,
    String commenterName,
    String excerpt,
    Status status,
    int attempts,
    Instant createdAt) {

  enum Reason {
    /** Someone replied to a comment whose author asked to hear of replies. */
    REPLY,
    /** Someone commented on a post: its author (or the owner) is told, as in WordPress. */
    NEW_COMMENT
  }

  enum Status {
    PENDING,
    SENT,
    FAILED
  }

  static CommentNotice of(
      CommentEventMessage event, Reason reason, String to, String postUrl, Instant now) {
    return new CommentNotice(
        event.eventId() + "/" + reason,
        event.eventId(),
        reason,
        to,
        event.postTitle(),
        postUrl,
        event.authorName(),
        event.excerpt(),
        Status.PENDING,
        0,
        now);
  }
}
