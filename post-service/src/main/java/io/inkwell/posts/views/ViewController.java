package io.inkwell.posts.views;

import io.inkwell.posts.post.web.Actors;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Readers' browsers count a view of a post; its author and editors read how often it was read, and
 * which posts were read most; readers see the most read, without their counts.
 */
@RestController
class ViewController {

  private final PostViews views;

  ViewController(PostViews views) {
    this.views = views;
  }

  /** One view, from the reader's browser: no body, nothing about the reader is kept. */
  @PostMapping("/api/posts/{id}/views")
  ResponseEntity<Void> count(@PathVariable String id) {
    views.count(id);
    return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
  }

  record DayViews(LocalDate day, long views) {}

  record SeriesResponse(String postId, long total, long inPeriod, List<DayViews> days) {}

  @GetMapping("/api/posts/{id}/views")
  ResponseEntity<SeriesResponse> series(
      @PathVariable String id,
      @RequestParam(defaultValue = "30") @Min(1) @Max(PostViews.LONGEST_PERIOD) int days,
      @AuthenticationPrincipal Jwt token) {
    var series = views.of(id, days, Actors.of(token));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(
            new SeriesResponse(
                series.postId(),
                series.total(),
                series.inPeriod(),
                series.days().stream().map(day -> new DayViews(day.day(), day.views())).toList()));
  }

  record RankedPost(
      String id, String title, String slug, String status, boolean page, long views) {}

  record RankedList(int days, List<RankedPost> items) {}

  record PopularPost(String id, String slug, String title) {}

  record PopularList(int days, List<PopularPost> items) {}

  /** Blogger's "Popular Posts" for the reader site: the most read, without their counts. */
  @GetMapping("/api/popular-posts")
  ResponseEntity<PopularList> popular(
      @RequestParam(defaultValue = "30") @Min(1) @Max(PostViews.LONGEST_PERIOD) int days,
      @RequestParam(defaultValue = "5") @Min(1) @Max(20) int limit) {
    var popular =
        views.popular(days, limit).stream()
            .map(post -> new PopularPost(post.postId(), post.slug(), post.title()))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
        .body(new PopularList(days, popular));
  }

  record Counts(int days, Map<String, Long> counts) {}

  /** The views of a page of posts (the admin's list), one question instead of one per post. */
  @GetMapping("/api/views/counts")
  ResponseEntity<Counts> counts(
      @RequestParam("postId") @Size(min = 1, max = 100) List<String> postIds,
      @RequestParam(defaultValue = "30") @Min(1) @Max(PostViews.LONGEST_PERIOD) int days,
      @AuthenticationPrincipal Jwt token) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new Counts(days, views.counts(postIds, days, Actors.of(token))));
  }

  @GetMapping("/api/views")
  ResponseEntity<RankedList> mostViewed(
      @RequestParam(defaultValue = "30") @Min(1) @Max(PostViews.LONGEST_PERIOD) int days,
      @RequestParam(defaultValue = "10") @Min(1) @Max(100) int limit,
      @AuthenticationPrincipal Jwt token) {
    var ranked =
        views.mostViewed(days, limit, Actors.of(token)).stream()
            .map(
                post ->
                    new RankedPost(
                        post.postId(),
                        post.title(),
                        post.slug(),
                        post.status().name(),
                        post.page(),
                        post.views()))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new RankedList(days, ranked));
  }
}
