package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/posts")
class PostController {

  private static final CacheControl READER_CACHE =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

  private final PostManagement posts;

  PostController(PostManagement posts) {
    this.posts = posts;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PostResponse> create(@Valid @RequestBody CreatePostRequest request) {
    var post = PostResponse.of(posts.create(request.toNewPost()));
    return ResponseEntity.created(URI.create("/api/posts/" + post.id()))
        .eTag(post.etag())
        .body(post);
  }

  @GetMapping
  ResponseEntity<PostListResponse> list(
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) String cursor) {
    return ResponseEntity.ok()
        .cacheControl(READER_CACHE)
        .body(PostListResponse.of(posts.published(limit, cursor)));
  }

  @GetMapping("/{idOrSlug}")
  ResponseEntity<PostResponse> read(@PathVariable String idOrSlug) {
    // A matching If-None-Match turns this into 304 Not Modified (HttpEntityMethodProcessor).
    var post = PostResponse.of(posts.published(idOrSlug));
    return ResponseEntity.ok().eTag(post.etag()).cacheControl(READER_CACHE).body(post);
  }

  @PostMapping("/{id}/publish")
  ResponseEntity<PostResponse> publish(@PathVariable String id) {
    var post = PostResponse.of(posts.publish(id));
    return ResponseEntity.ok().eTag(post.etag()).body(post);
  }
}
