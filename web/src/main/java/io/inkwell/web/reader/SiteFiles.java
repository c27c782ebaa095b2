package io.inkwell.web.reader;

import io.inkwell.web.WebSettings;
import io.inkwell.web.api.BlogApi;
import io.inkwell.web.api.Post;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/** {@code robots.txt} and {@code sitemap.xml}, for search engines. */
@RestController
class SiteFiles {

  /** A sitemap lists at most this many posts; a blog beyond that wants a sitemap index. */
  private static final int MAX_POSTS = 5_000;

  private final BlogApi api;
  private final WebSettings settings;
  private final TagPaths tagPaths;

  SiteFiles(BlogApi api, WebSettings settings, TagPaths tagPaths) {
    this.tagPaths = tagPaths;
    this.api = api;
    this.settings = settings;
  }

  /** Answered whatever the client says it accepts: crawlers' Accept headers vary. */
  @GetMapping("/robots.txt")
  ResponseEntity<String> robots() {
    String robots =
        """
        User-agent: *
        Disallow: /admin
        Disallow: /subscriptions/
        Sitemap: %s/sitemap.xml
        """
            .formatted(settings.siteUrl());
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(robots);
  }

  @GetMapping("/sitemap.xml")
  ResponseEntity<String> sitemap() {
    var xml = new StringBuilder();
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    url(xml, settings.siteUrl() + "/", null);
    String cursor = null;
    int listed = 0;
    // each author's page once, after the posts (as Yoast's author sitemap lists them)
    Set<String> authors = new LinkedHashSet<>();
    do {
      var page = api.posts(Map.of(), 100, cursor);
      for (Post post : page.items()) {
        if (post.author() != null) {
          authors.add(post.author().id());
        }
        if (post.canonicalUrl() != null) {
          // first published elsewhere: that address is the one search engines should list
          listed++;
          continue;
        }
        url(
            xml,
            settings.siteUrl() + "/posts/" + UriUtils.encodePathSegment(post.slug(), "UTF-8"),
            post.updatedAt() == null ? null : post.updatedAt().toString());
        listed++;
      }
      cursor = page.nextCursor();
    } while (cursor != null && listed < MAX_POSTS);
    for (var page : api.pages()) {
      url(
          xml,
          settings.siteUrl() + "/pages/" + UriUtils.encodePathSegment(page.slug(), "UTF-8"),
          null);
    }
    for (String author : authors) {
      url(
          xml,
          settings.siteUrl() + "/authors/" + UriUtils.encodePathSegment(author, "UTF-8"),
          null);
    }
    url(xml, settings.siteUrl() + "/tags", null);
    for (String tag : api.tags()) {
      url(xml, settings.siteUrl() + tagPaths.of(tag), null);
    }
    xml.append("</urlset>\n");
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(xml.toString());
  }

  private static void url(StringBuilder xml, String location, String modified) {
    xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(location)).append("</loc>");
    if (modified != null) {
      xml.append("<lastmod>").append(modified).append("</lastmod>");
    }
    xml.append("</url>\n");
  }
}
