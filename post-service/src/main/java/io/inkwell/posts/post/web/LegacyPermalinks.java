package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostNotFound;
import io.inkwell.posts.post.PostSettings;
import java.net.URI;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Old addresses of imported posts keep working. Blogger's ({@code /2009/03/some-post.html}) are
 * answered here with a 301; any other ({@code /2019/05/14/hello/}, {@code /?p=12} from WordPress)
 * the reader site asks about with {@code GET /api/redirects?path=} when it has no page there.
 */
@RestController
class LegacyPermalinks {

  private static final int LONGEST_PATH = 2000;

  private final PostManagement posts;
  private final PostSettings settings;

  LegacyPermalinks(PostManagement posts, PostSettings settings) {
    this.posts = posts;
    this.settings = settings;
  }

  @GetMapping("/{year:\\d{4}}/{month:\\d{2}}/{name:[A-Za-z0-9_.\\-]+\\.html}")
  ResponseEntity<Void> redirect(
      @PathVariable String year, @PathVariable String month, @PathVariable String name) {
    var post = posts.byLegacyPath("/" + year + "/" + month + "/" + name);
    return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
        .location(URI.create(settings.urlOf(post)))
        .build();
  }

  /**
   * Where the post that once lived at this address is now.
   *
   * @param path the old address, decoded, with its query if it had one ({@code /?p=12})
   */
  @GetMapping("/api/redirects")
  ResponseEntity<Redirect> where(@RequestParam String path) {
    if (path.length() > LONGEST_PATH || !path.startsWith("/")) {
      throw new PostNotFound(path.substring(0, Math.min(path.length(), 100)));
    }
    Post post = posts.byLegacyPath(path);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)).cachePublic())
        .body(new Redirect(path, post.slug(), post.page(), settings.urlOf(post)));
  }

  /**
   * @param url the post's (or page's) address on this blog
   */
  record Redirect(String path, String slug, boolean page, String url) {}
}
