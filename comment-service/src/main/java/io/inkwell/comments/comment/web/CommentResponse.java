package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.Comment;
import io.inkwell.comments.comment.CommentStatus;
import java.time.Instant;

/** A comment as the public sees it: no email address. */
record CommentResponse(
    String id,
    String postId,
    String parentId,
    String authorName,
    String body,
    CommentStatus status,
    Instant createdAt) {

  static CommentResponse of(Comment comment) {
    return new CommentResponse(
        comment.id(),
        comment.postId(),
        comment.parentId(),
        comment.authorName(),
        comment.body(),
        comment.status(),
        comment.createdAt());
  }
}
