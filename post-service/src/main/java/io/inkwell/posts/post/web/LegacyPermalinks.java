package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostSettings;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Old Blogger addresses ({@code /2009/03/some-post.html}) keep working: 301 to the new one. */
@RestController
class LegacyPermalinks {

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
        .location(URI.create(settings.postUrl(post.slug())))
        .build();
  }
}
