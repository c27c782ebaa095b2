package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.Comment;
import io.inkwell.comments.comment.CommentManagement.Node;
import io.inkwell.comments.comment.CommentStatus;
import java.time.Instant;
import java.util.List;

/**
 * A comment as anyone may see it: never the email address or the client's address; {@code staff}
 * when a staff member wrote it signed in, with {@code staffId} their account's id (a post's author
 * id, by which {@code GET /api/authors/{id}} gives their picture), {@code erased} when its writer
 * was forgotten on request (its name is then "Anonymous", which a page may say in its own
 * language).
 */
record CommentResponse(
    String id,
    String postId,
    String parentId,
    String authorName,
    boolean staff,
    boolean erased,
    String body,
    String bodyHtml,
    CommentStatus status,
    Instant createdAt,
    Instant editedAt,
    List<CommentResponse> replies,
    String staffId) {

  static CommentResponse of(Comment comment) {
    return of(comment, null);
  }

  static CommentResponse of(Node node) {
    return of(node.comment(), node.replies().stream().map(CommentResponse::of).toList());
  }

  private static CommentResponse of(Comment comment, List<CommentResponse> replies) {
    return new CommentResponse(
        comment.id(),
        comment.postId(),
        comment.parentId(),
        comment.authorName(),
        comment.staff(),
        comment.erasedAt() != null,
        comment.body(),
        comment.bodyHtml(),
        comment.status(),
        comment.createdAt(),
        comment.editedAt(),
        replies,
        comment.staffId());
  }
}
