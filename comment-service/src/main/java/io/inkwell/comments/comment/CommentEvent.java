package io.inkwell.comments.comment;

import java.time.Instant;
import java.util.UUID;

/**
 * An event a comment raised, waiting in the comment's outbox until the relay has sent it to {@code
 * blog.comment-events} (keyed by post id). The records' components are the contracts.
 */
public sealed interface CommentEvent
    permits CommentEvent.CommentPosted, CommentEvent.CommentHeld, CommentEvent.CommentRemoved {

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
   * @param authorEmail the commenter's own address (none on an imported comment): those who follow
   *     the post's comments are not told of their own
   * @param notifyOnReply whether the commenter asked to hear of replies to this comment (the mail
   *     that asks them to confirm it goes to {@code authorEmail})
   * @param notifyOnComments whether the commenter asked to hear of every later comment on the post
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
      String notifyEmail,
      String authorStaffId,
      String authorEmail,
      boolean notifyOnReply,
      boolean notifyOnComments)
      implements CommentEvent {

    static CommentPosted of(Comment comment, PostContext post, String notifyEmail, Instant now) {
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
          excerptOf(comment),
          comment.createdAt(),
          notifyEmail,
          comment.staffId(),
          comment.authorEmail(),
          comment.notifyOnReply(),
          comment.notifyOnComments());
    }
  }

  /**
   * A new comment waits for a moderator (the policy holds it, or it has too many links); not raised
   * for spam. notification-service asks the blog's moderators to look at it, as WordPress's "Please
   * moderate" mail does.
   */
  record CommentHeld(
      String eventId,
      String type,
      Instant occurredAt,
      String postId,
      String postSlug,
      String postTitle,
      String postAuthorId,
      String commentId,
      String authorName,
      String excerpt,
      Instant postedAt)
      implements CommentEvent {

    static CommentHeld of(Comment comment, PostContext post, Instant now) {
      return new CommentHeld(
          UUID.randomUUID().toString(),
          "CommentHeld",
          now,
          comment.postId(),
          post.slug(),
          post.title(),
          post.authorId(),
          comment.id(),
          comment.authorName(),
          excerptOf(comment),
          comment.createdAt());
    }
  }

  /** The start of a comment's text, on one line, for a mail. */
  private static String excerptOf(Comment comment) {
    String text = comment.body().replaceAll("\\s+", " ").strip();
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
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

  /** What a {@code CommentPosted} or {@code CommentHeld} says about the post. */
  record PostContext(String slug, String title, String authorId) {}
}
