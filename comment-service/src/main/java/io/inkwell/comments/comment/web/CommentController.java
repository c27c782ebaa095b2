package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentManagement;
import io.inkwell.comments.comment.CommentManagement.StaffComment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/posts/{postId}/comments")
class CommentController {

  private final CommentManagement comments;

  CommentController(CommentManagement comments) {
    this.comments = comments;
  }

  /** 201 with status APPROVED (shown) or PENDING (held); spam is answered the same as held. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<CommentResponse> post(
      @PathVariable String postId,
      @Valid @RequestBody PostCommentRequest request,
      @AuthenticationPrincipal Jwt token,
      HttpServletRequest http) {
    if (!isPerson(token) && !request.mailable()) {
      throw new PostCommentRequest.Unmailable();
    }
    var comment =
        CommentResponse.of(
            isPerson(token)
                ? comments.postAsStaff(
                    postId,
                    new StaffComment(
                        token.getSubject(),
                        token.getClaimAsString("name"),
                        token.getClaimAsString("email"),
                        request.body(),
                        request.parentId()))
                : comments.post(postId, request.toNewComment(http.getRemoteAddr())));
    if (comment.status() == io.inkwell.comments.comment.CommentStatus.SPAM) {
      // A spammer learns nothing from the answer.
      comment =
          new CommentResponse(
              comment.id(),
              comment.postId(),
              comment.parentId(),
              comment.authorName(),
              false,
              false,
              comment.body(),
              comment.bodyHtml(),
              io.inkwell.comments.comment.CommentStatus.PENDING,
              comment.createdAt(),
              null,
              null,
              null);
    }
    return ResponseEntity.created(URI.create("/api/posts/" + postId + "/comments/" + comment.id()))
        .body(comment);
  }

  /**
   * A staff member signed in (a token with a person's role and name): their comment is theirs, not
   * the name and address in the form. Integrations comment as readers do.
   */
  private static boolean isPerson(Jwt token) {
    if (token == null || token.getClaimAsString("name") == null) {
      return false;
    }
    var roles = token.getClaimAsStringList("roles");
    return roles != null && roles.stream().anyMatch(STAFF_ROLES::contains);
  }

  private static final java.util.Set<String> STAFF_ROLES =
      java.util.Set.of("OWNER", "ADMIN", "EDITOR", "AUTHOR", "CONTRIBUTOR");

  @GetMapping
  ThreadResponse thread(
      @PathVariable String postId,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(required = false) String cursor) {
    var thread = comments.thread(postId, limit, cursor);
    return new ThreadResponse(
        thread.items().stream().map(CommentResponse::of).toList(), thread.nextCursor());
  }

  @GetMapping("/count")
  CountResponse count(@PathVariable String postId) {
    return new CountResponse(comments.count(postId));
  }

  record ThreadResponse(List<CommentResponse> items, String nextCursor) {}

  record CountResponse(long count) {}
}
