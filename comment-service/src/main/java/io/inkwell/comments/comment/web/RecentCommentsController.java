package io.inkwell.comments.comment.web;

import io.inkwell.comments.comment.CommentManagement;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newest comments readers see, with the post each is on: for the reader site's comment feeds
 * (WordPress's {@code /comments/feed/}, Blogger's {@code /feeds/comments/default}). Public, like
 * the threads: no addresses, nothing held.
 */
@RestController
class RecentCommentsController {

  private static final CacheControl READERS =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

  private final CommentManagement comments;

  RecentCommentsController(CommentManagement comments) {
    this.comments = comments;
  }

  @GetMapping("/api/comments/recent")
  ResponseEntity<RecentComments> recent(
      @RequestParam(required = false) @Size(max = 100) String postId,
      @RequestParam(defaultValue = "20") @Min(1) @Max(50) int limit) {
    var items =
        comments.recent(postId, limit).stream()
            .map(
                recent ->
                    new RecentComment(
                        recent.comment().id(),
                        recent.post().id(),
                        recent.post().slug(),
                        recent.post().title(),
                        recent.comment().authorName(),
                        recent.comment().staff(),
                        recent.comment().erasedAt() != null,
                        recent.comment().bodyHtml(),
                        recent.comment().createdAt()))
            .toList();
    return ResponseEntity.ok().cacheControl(READERS).body(new RecentComments(items));
  }

  /**
   * How many comments readers see on each of these posts ({@code ?postId=a&postId=b}, up to 100),
   * for a page of posts at once; a post that is not published is left out.
   */
  @GetMapping("/api/comments/counts")
  Counts counts(
      @RequestParam("postId") @Size(min = 1, max = 100) List<@Size(max = 100) String> postIds) {
    return new Counts(comments.counts(postIds));
  }

  record Counts(Map<String, Long> counts) {}

  record RecentComments(List<RecentComment> items) {}

  record RecentComment(
      String id,
      String postId,
      String postSlug,
      String postTitle,
      String authorName,
      boolean staff,
      boolean erased,
      String bodyHtml,
      Instant createdAt) {}
}
