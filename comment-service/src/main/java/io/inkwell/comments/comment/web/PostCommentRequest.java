package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentManagement.NewComment;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record PostCommentRequest(
    @NotBlank @Size(max = 100) String authorName,
    @NotBlank @Email @Size(max = 254) String authorEmail,
    @NotBlank @Size(max = 10_000) String body,
    @Size(max = 64) String parentId) {

  NewComment toNewComment() {
    return new NewComment(authorName, authorEmail, body, parentId);
  }
}
