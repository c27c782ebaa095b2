package io.inkwell.notifications.notice;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One mail about a new comment, recorded under the id of the {@code CommentPosted} or {@code
 * CommentHeld} event that caused it and its reason (and, for a moderation request, its recipient),
 * so that a redelivered event sends nothing twice.
 *
 * @param to the post author's address, the one the parent comment's author gave with {@code
 *     notifyOnReply}, a follower's of the post's comments, or a moderator's
 * @param postId the post commented on (null in notices recorded before it was kept)
 */
@Document("comment_notices")
record CommentNotice(
    @Id String id,
    String eventId,
    Reason reason,
    String to,
    String postId,
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
    NEW_COMMENT,
    /** Someone commented on a post whose comments a reader follows (Blogger's "Notify me"). */
    FOLLOW_UP,
    /** A commenter who asked to follow a post's comments is asked to confirm it. */
    CONFIRM_FOLLOW,
    /** A commenter who asked to hear of replies to their comment is asked to confirm it. */
    CONFIRM_REPLIES,
    /** A comment waits for a moderator: those who may moderate it are asked to look. */
    MODERATE
  }

  enum Status {
    PENDING,
    SENT,
    FAILED
  }

  static CommentNotice of(
      CommentEventMessage event, Reason reason, String to, String postUrl, Instant now) {
    return new CommentNotice(
        // a moderation request goes to each moderator, a follow-up to each follower; the other
        // reasons to one person each
        event.eventId()
            + "/"
            + reason
            + (reason == Reason.MODERATE || reason == Reason.FOLLOW_UP ? "/" + to : ""),
        event.eventId(),
        reason,
        to,
        event.postId(),
        event.postTitle(),
        postUrl,
        event.authorName(),
        event.excerpt(),
        Status.PENDING,
        0,
        now);
  }
}
