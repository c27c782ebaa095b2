package io.inkwell.web.reader;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.UriUtils;

/**
 * Where the old platform's own addresses lead here, after a Blogger, WordPress or Ghost blog moved
 * in: feed readers keep the feed they subscribed to ({@code /feeds/posts/default}, Blogger's older
 * {@code /atom.xml}, {@code /feed/}, Ghost's {@code /rss/}, and the comment feeds {@code
 * /feeds/comments/default} and {@code /comments/feed/}), links to a label, category or tag page
 * reach the tag's page, links to an author's page ({@code /author/jane-doe/}) and their feed reach
 * theirs, a search ({@code /search/trams/}) is one here, a month's archive is this blog's, and a
 * later page of any of these lists ({@code /page/2/}) is the list's first page here. A tag or an
 * author is only led to when this blog has them.
 */
final class OldPlatformPaths {

  private static final Pattern BLOGGER_FEED =
      Pattern.compile("/feeds/posts/(?:default|summary|full)/?");

  /** Blogger's feeds before {@code /feeds/}, which its blogs still answer: Atom's and RSS's. */
  private static final Pattern BLOGGER_CLASSIC_FEED = Pattern.compile("/(atom|rss)\\.xml");

  private static final Pattern BLOGGER_COMMENT_FEED =
      Pattern.compile("/feeds/(?:[^/]+/)?comments/(?:default|summary)/?");
  private static final Pattern WORDPRESS_COMMENT_FEED =
      Pattern.compile("/comments/feed(?:/(rss2?|rdf|atom))?/?");
  private static final Pattern BLOGGER_LABEL_FEED =
      Pattern.compile("/feeds/posts/(?:default|summary)/-/([^/]+)(?:/.*)?");
  private static final Pattern BLOGGER_LABEL = Pattern.compile("/search/label/([^/]+)/?");
  private static final Pattern WORDPRESS_FEED = Pattern.compile("/feed(?:/(rss2?|rdf|atom))?/?");
  private static final Pattern WORDPRESS_TAG =
      Pattern.compile("/(?:tag|category)/(?:[^/]+/)*?([^/]+)/?");
  private static final Pattern WORDPRESS_TAG_FEED =
      Pattern.compile("/(?:tag|category)/(?:[^/]+/)*?([^/]+)/feed(?:/(rss2?|rdf|atom))?/?");
  private static final Pattern GHOST_FEED = Pattern.compile("/rss/?");
  private static final Pattern GHOST_TAG_FEED = Pattern.compile("/tag/([^/]+)/rss/?");

  /** WordPress's {@code /author/jane/} and {@code …/feed/}, Ghost's and its {@code …/rss/}. */
  private static final Pattern AUTHOR =
      Pattern.compile("/author/([^/]+)(?:/(rss|feed)(?:/(rss2?|rdf|atom))?)?/?");

  /** WordPress's search address, {@code /search/trams/} (Blogger's is this blog's own). */
  private static final Pattern WORDPRESS_SEARCH = Pattern.compile("/search/(?!label/)([^/]+)/?");

  /**
   * A later page of a list there, {@code /page/2/} or {@code /tag/travel/page/3/} (WordPress,
   * Ghost).
   */
  private static final Pattern PAGED = Pattern.compile("(.*?)/page/\\d+/?");

  /** A month's archive, or a day's (WordPress's calendar links {@code /2009/03/12/}). */
  private static final Pattern MONTH = Pattern.compile("/(\\d{4})/(\\d{2})(?:/\\d{2})?/?");

  /** Blogger's archive pages of before its {@code /2009/03/}: {@code /2009_03_01_archive.html}. */
  private static final Pattern BLOGGER_ARCHIVE =
      Pattern.compile("/(\\d{4})_(\\d{2})_\\d{2}_archive\\.html");

  private static final Pattern YEAR = Pattern.compile("/(\\d{4})/?");

  private OldPlatformPaths() {}

  /**
   * @param path decoded, without the query
   * @param query decoded, or null
   * @param tagPage the page of the tag a label, category name or slug stands for, if there is one
   * @param authorPage the page of the author an author's slug there stands for, if there is one
   * @return the path here, when the old address is one of the platform's own
   */
  static Optional<String> of(
      String path,
      String query,
      Function<String, Optional<String>> tagPage,
      Function<String, Optional<String>> authorPage) {
    boolean rss = query != null && query.contains("alt=rss");
    Matcher m;
    // lists are paged by a cursor here, not by number: the list's first page
    if ((m = PAGED.matcher(path)).matches()) {
      return m.group(1).isEmpty()
          ? Optional.of("/")
          : of(m.group(1) + "/", query, tagPage, authorPage);
    }
    if (BLOGGER_FEED.matcher(path).matches()) {
      return Optional.of(rss ? "/feed.rss" : "/feed.atom");
    }
    if ((m = BLOGGER_CLASSIC_FEED.matcher(path)).matches()) {
      return Optional.of("rss".equals(m.group(1)) ? "/feed.rss" : "/feed.atom");
    }
    // a post's own comment feed there is named by Blogger's post id, which no address here has
    if (BLOGGER_COMMENT_FEED.matcher(path).matches()) {
      return Optional.of(rss ? "/comments/feed.rss" : "/comments/feed.atom");
    }
    if ((m = WORDPRESS_COMMENT_FEED.matcher(path)).matches()) {
      return Optional.of("atom".equals(m.group(1)) ? "/comments/feed.atom" : "/comments/feed.rss");
    }
    if ((m = BLOGGER_LABEL_FEED.matcher(path)).matches()) {
      return tagPage.apply(m.group(1)).map(page -> page + (rss ? "/feed.rss" : "/feed.atom"));
    }
    if ((m = BLOGGER_LABEL.matcher(path)).matches()) {
      return tagPage.apply(m.group(1));
    }
    if ((m = WORDPRESS_FEED.matcher(path)).matches()) {
      return Optional.of("atom".equals(m.group(1)) ? "/feed.atom" : "/feed.rss");
    }
    if ((m = WORDPRESS_TAG_FEED.matcher(path)).matches()) {
      String format = "atom".equals(m.group(2)) ? "/feed.atom" : "/feed.rss";
      return tagPage.apply(m.group(1)).map(page -> page + format);
    }
    if (GHOST_FEED.matcher(path).matches()) {
      return Optional.of("/feed.rss");
    }
    if ((m = GHOST_TAG_FEED.matcher(path)).matches()) {
      return tagPage.apply(m.group(1)).map(page -> page + "/feed.rss");
    }
    if ((m = AUTHOR.matcher(path)).matches()) {
      String feed =
          m.group(2) == null ? "" : "atom".equals(m.group(3)) ? "/feed.atom" : "/feed.rss";
      return authorPage.apply(m.group(1)).map(page -> page + feed);
    }
    if ((m = WORDPRESS_TAG.matcher(path)).matches()) {
      return tagPage.apply(m.group(1));
    }
    if ((m = WORDPRESS_SEARCH.matcher(path)).matches()) {
      return Optional.of("/search?q=" + UriUtils.encode(m.group(1), StandardCharsets.UTF_8));
    }
    if ((m = MONTH.matcher(path)).matches() || (m = BLOGGER_ARCHIVE.matcher(path)).matches()) {
      int month = Integer.parseInt(m.group(2));
      return month >= 1 && month <= 12
          ? Optional.of("/archive/" + m.group(1) + "/" + m.group(2))
          : Optional.empty();
    }
    if (YEAR.matcher(path).matches()) {
      return Optional.of("/archive");
    }
    return Optional.empty();
  }
}
