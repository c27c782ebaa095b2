package io.inkwell.comments.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a comment raised, waiting in the comment's outbox until the relay has sent it to {@code
 * blog.comment-events} (keyed by post id). The records' components are the contracts.
 */
public sealed interface CommentEvent
    permits CommentEvent.CommentPosted, CommentEvent.CommentRemoved {

  String eventId();

  String type();

  Instant occurredAt();

  String postId();

  /**
   * A comment became visible to readers. It carries what notification-service needs to tell the
   * post's author and, when the parent's author asked for it, that person; the addresses travel
   * only inside the platform.
   *
   * @param notifyEmail the parent comment author's address if they asked to hear of replies
   */
  record CommentPosted(
      String eventId,
      String type,
      Instant occurredAt,
      String postId,
      String postSlug,
      String postTitle,
      String postAuthorId,
      String commentId,
      String parentId,
      String authorName,
      String excerpt,
      Instant postedAt,
      String notifyEmail)
      implements CommentEvent {

    static CommentPosted of(Comment comment, PostContext post, String notifyEmail, Instant now) {
      String text = comment.body().replaceAll("\\s+", " ").strip();
      return new CommentPosted(
          UUID.randomUUID().toString(),
          "CommentPosted",
          now,
          comment.postId(),
          post.slug(),
          post.title(),
          post.authorId(),
          comment.id(),
          comment.parentId(),
          comment.authorName(),
          text.length() > 200 ? text.substring(0, 200) + "…" : text,
          comment.createdAt(),
          notifyEmail);
    }
  }

  /** A visible comment was taken away (rejected, marked spam or deleted). */
  record CommentRemoved(
      String eventId, String type, Instant occurredAt, String postId, String commentId)
      implements CommentEvent {

    static CommentRemoved of(Comment comment, Instant now) {
      return new CommentRemoved(
          UUID.randomUUID().toString(), "CommentRemoved", now, comment.postId(), comment.id());
    }
  }

  /** What a {@code CommentPosted} says about the post. */
  record PostContext(String slug, String title, String authorId) {}
}
