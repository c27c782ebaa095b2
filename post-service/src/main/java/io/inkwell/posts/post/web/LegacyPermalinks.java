package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostNotFound;
import io.inkwell.posts.post.PostSettings;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Old addresses of imported posts keep working: the reader site asks here, with {@code GET
 * /api/redirects?path=}, about an address it has no page for (Blogger's {@code
 * /2009/03/some-post.html}, WordPress's {@code /2019/05/14/hello/} or {@code /?p=12}), and answers
 * a 301 to the post, or its friendly 404 page.
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
