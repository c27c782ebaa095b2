package io.inkwell.web.reader;

import io.inkwell.web.WebSettings;
import io.inkwell.web.api.BlogApi;
import io.inkwell.web.api.Post;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * {@code robots.txt} and the sitemaps, for search engines, and the blog's search described for
 * browsers ({@code opensearch.xml}). {@code sitemap.xml} is an index, as Ghost's and WordPress's
 * are: the pages, the tags, the authors, and the posts a month a sitemap (by the month they were
 * published in, in UTC), so that no blog is too large for it, a month's sitemap is read with a few
 * calls, and the sitemaps of months long past stay as they were.
 */
@RestController
class SiteFiles {

  /** What the sitemap protocol allows in one sitemap. */
  private static final int MOST_URLS = 50_000;

  /**
   * The months of the posts' sitemaps: the same for every reader, wherever the blog's clocks are.
   */
  private static final ZoneId MONTHS = ZoneId.of("UTC");

  private static final String POSTS_OF_A_MONTH = "/sitemap-posts-%04d-%02d.xml";

  /**
   * How long crawlers and browsers may keep these files: a new post is in the sitemaps within it, a
   * crawler reads them every few hours at most.
   */
  private static final CacheControl AN_HOUR =
      CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

  /** The longest short name OpenSearch 1.1 allows, in characters. */
  private static final int SHORT_NAME = 16;

  private final BlogApi api;
  private final WebSettings settings;
  private final TagPaths tagPaths;
  private final Site site;
  private final Words words;

  SiteFiles(BlogApi api, WebSettings settings, TagPaths tagPaths, Site site, Words words) {
    this.tagPaths = tagPaths;
    this.api = api;
    this.settings = settings;
    this.site = site;
    this.words = words;
  }

  /**
   * The blog's search as browsers add it to their own (Firefox's search engines, Chrome's "Tab to
   * search"), named by every page's {@code <link rel="search">}.
   */
  @GetMapping("/opensearch.xml")
  ResponseEntity<String> openSearch() {
    String name = site.blogName();
    String shortName =
        name.codePointCount(0, name.length()) <= SHORT_NAME
            ? name
            : name.substring(0, name.offsetByCodePoints(0, SHORT_NAME - 1)).strip() + "…";
    String icon = site.iconAddress();
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
          <ShortName>%s</ShortName>
          <Description>%s</Description>
          <InputEncoding>UTF-8</InputEncoding>
          %s
          <Url type="text/html" method="get" template="%s/search?q={searchTerms}"/>
        </OpenSearchDescription>
        """
            .formatted(
                xmlText(shortName),
                xmlText(words.of("page.searchDescription", name)),
                icon == null
                    ? "<Image width=\"32\" height=\"32\" type=\"image/x-icon\">"
                        + xmlText(settings.siteUrl())
                        + "/favicon.ico</Image>"
                    : "<Image>" + xmlText(icon) + "</Image>",
                xmlText(settings.siteUrl()));
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/opensearchdescription+xml"))
        .cacheControl(AN_HOUR)
        .body(xml);
  }

  /** Text as XML takes it: markup's five characters escaped, every other one as it is. */
  private static String xmlText(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
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
    return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).cacheControl(AN_HOUR).body(robots);
  }

  @GetMapping("/sitemap.xml")
  ResponseEntity<String> sitemapIndex() {
    var xml = new Xml("sitemapindex");
    xml.sitemap(settings.siteUrl() + "/sitemap-pages.xml");
    for (var month : api.archive(MONTHS)) {
      xml.sitemap(settings.siteUrl() + POSTS_OF_A_MONTH.formatted(month.year(), month.month()));
    }
    xml.sitemap(settings.siteUrl() + "/sitemap-tags.xml");
    xml.sitemap(settings.siteUrl() + "/sitemap-authors.xml");
    return xml.answer();
  }

  /** The home page, the pages (About, Contact) and the list of tags. */
  @GetMapping("/sitemap-pages.xml")
  ResponseEntity<String> pages() {
    var xml = new Xml("urlset");
    xml.url(settings.siteUrl() + "/", null);
    for (var page : api.pages()) {
      xml.url(settings.siteUrl() + "/pages/" + segment(page.slug()), null);
    }
    xml.url(settings.siteUrl() + "/tags", null);
    return xml.answer();
  }

  /**
   * The posts published in one month (UTC), with when each last changed; 404 for a month without
   * any. A post first published elsewhere is not listed: its canonical address is that one.
   */
  @GetMapping("/sitemap-posts-{year:\\d{4}}-{month:\\d{2}}.xml")
  ResponseEntity<String> postsOf(@PathVariable int year, @PathVariable int month) {
    if (year < 1 || month < 1 || month > 12) {
      throw new NotFound();
    }
    var from = YearMonth.of(year, month).atDay(1).atStartOfDay(ZoneOffset.UTC);
    var filter =
        Map.of(
            "from",
            from.toInstant().toString(),
            "before",
            from.plusMonths(1).toInstant().toString());
    var xml = new Xml("urlset");
    int seen = 0;
    String cursor = null;
    do {
      var page = api.posts(filter, 100, cursor);
      for (Post post : page.items()) {
        seen++;
        if (post.canonicalUrl() == null) {
          xml.url(
              settings.siteUrl() + "/posts/" + segment(post.slug()),
              post.updatedAt() == null ? null : post.updatedAt().toString());
        }
      }
      cursor = page.nextCursor();
    } while (cursor != null && !xml.full());
    if (seen == 0) {
      throw new NotFound();
    }
    return xml.answer();
  }

  @GetMapping("/sitemap-tags.xml")
  ResponseEntity<String> tags() {
    var xml = new Xml("urlset");
    api.tagCounts().forEach(tag -> xml.url(settings.siteUrl() + tagPaths.of(tag.tag()), null));
    return xml.answer();
  }

  @GetMapping("/sitemap-authors.xml")
  ResponseEntity<String> authors() {
    var xml = new Xml("urlset");
    api.authors()
        .forEach(author -> xml.url(settings.siteUrl() + "/authors/" + segment(author.id()), null));
    return xml.answer();
  }

  private static String segment(String value) {
    return UriUtils.encodePathSegment(value, "UTF-8");
  }

  /** A sitemap ({@code urlset}) or an index of them ({@code sitemapindex}), written as it grows. */
  private static final class Xml {

    private final StringBuilder xml = new StringBuilder();
    private final String root;
    private int urls;

    Xml(String root) {
      this.root = root;
      xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append('<')
          .append(root)
          .append(" xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    }

    /** Adds the address, unless the sitemap has as many as the protocol allows already. */
    void url(String location, String modified) {
      if (full()) {
        return;
      }
      xml.append("  <url><loc>").append(HtmlUtils.htmlEscape(location)).append("</loc>");
      if (modified != null) {
        xml.append("<lastmod>").append(modified).append("</lastmod>");
      }
      xml.append("</url>\n");
      urls++;
    }

    boolean full() {
      return urls == MOST_URLS;
    }

    void sitemap(String location) {
      xml.append("  <sitemap><loc>")
          .append(HtmlUtils.htmlEscape(location))
          .append("</loc></sitemap>\n");
    }

    ResponseEntity<String> answer() {
      xml.append("</").append(root).append(">\n");
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_XML)
          .cacheControl(AN_HOUR)
          .body(xml.toString());
    }
  }
}
