package io.inkwell.posts.redirect;

import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostNotFound;
import io.inkwell.posts.post.PostSettings;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Old addresses of imported posts, and those an admin sends elsewhere ({@link RedirectRules}), keep
 * working: the reader site asks here, with {@code GET /api/redirects?path=}, about an address it
 * has no page for (Blogger's {@code /2009/03/some-post.html}, WordPress's {@code
 * /2019/05/14/hello/} or {@code /?p=12}), and answers a 301 to the post, or its friendly 404 page.
 */
@RestController
class LegacyPermalinks {

  private static final int LONGEST_PATH = 2000;

  private final PostManagement posts;
  private final PostSettings settings;
  private final RedirectRules rules;

  LegacyPermalinks(PostManagement posts, PostSettings settings, RedirectRules rules) {
    this.posts = posts;
    this.settings = settings;
    this.rules = rules;
  }

  /**
   * Where the post that once lived at this address is now, or where an admin sends readers who open
   * it.
   *
   * @param path the old address, decoded, with its query if it had one ({@code /?p=12})
   */
  @GetMapping("/api/redirects")
  ResponseEntity<Redirect> where(@RequestParam String path) {
    if (path.length() > LONGEST_PATH || !path.startsWith("/")) {
      throw new PostNotFound(path.substring(0, Math.min(path.length(), 100)));
    }
    try {
      Post post = posts.byLegacyPath(path);
      return ResponseEntity.ok()
          .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
          .body(new Redirect(path, post.slug(), post.page(), settings.urlOf(post), true));
    } catch (PostNotFound noPostLivedThere) {
      RedirectRule rule = rules.find(path).orElseThrow(() -> noPostLivedThere);
      rules.followed(rule);
      String to = rule.to().startsWith("/") ? settings.siteUrl() + rule.to() : rule.to();
      return ResponseEntity.ok()
          .cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
          .body(new Redirect(path, null, false, to, rule.permanent()));
    }
  }

  /**
   * @param slug the post's, when a post lived there; null for an admin's redirect
   * @param url where to go: the post's (or page's) address on this blog, or the redirect's
   * @param permanent a 301 (a post, or a redirect the admin made permanent), else a 302
   */
  record Redirect(String path, String slug, boolean page, String url, boolean permanent) {}
}
