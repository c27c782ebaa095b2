package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentManagement;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/posts/{postId}/comments")
class CommentController {

  private final CommentManagement comments;

  CommentController(CommentManagement comments) {
    this.comments = comments;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CommentResponse> post(
      @PathVariable String postId, @Valid @RequestBody PostCommentRequest request) {
    var comment = CommentResponse.of(comments.post(postId, request.toNewComment()));
    return ResponseEntity.created(URI.create("/api/posts/" + postId + "/comments/" + comment.id()))
        .body(comment);
  }

  @GetMapping
  CommentListResponse list(@PathVariable String postId) {
    return new CommentListResponse(
        comments.approved(postId).stream().map(CommentResponse::of).toList());
  }

  @GetMapping("/count")
  CountResponse count(@PathVariable String postId) {
    return new CountResponse(comments.approved(postId).size());
  }

  record CommentListResponse(List<CommentResponse> items) {}

  record CountResponse(long count) {}
}
