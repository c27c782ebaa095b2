package io.inkwell.web.reader;

import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.inkwell.web.WebSettings;
import io.inkwell.web.api.BlogApi;
import io.inkwell.web.api.RecentComment;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.jdom2.Verifier;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The comment feeds WordPress and Blogger give a blog: the newest comments of the whole blog
 * ({@code /comments/feed.atom}) and of one post ({@code /posts/{slug}/comments.atom}), Atom or RSS
 * 2.0, each entry linking to the comment on its post's page.
 */
@RestController
class CommentFeeds {

  private static final int ENTRIES = 20;
  private static final MediaType ATOM =
      MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
  private static final MediaType RSS =
      MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private final BlogApi api;
  private final Site site;
  private final WebSettings settings;
  private final Words words;

  CommentFeeds(BlogApi api, Site site, WebSettings settings, Words words) {
    this.api = api;
    this.site = site;
    this.settings = settings;
    this.words = words;
  }

  @GetMapping("/comments/feed.atom")
  ResponseEntity<String> atom() throws FeedException {
    return answer(blogFeed("atom_1.0", "/comments/feed.atom"), ATOM);
  }

  @GetMapping("/comments/feed.rss")
  ResponseEntity<String> rss() throws FeedException {
    return answer(blogFeed("rss_2.0", "/comments/feed.rss"), RSS);
  }

  @GetMapping("/posts/{slug}/comments.atom")
  ResponseEntity<String> postAtom(@PathVariable String slug) throws FeedException {
    return postFeed("atom_1.0", slug, "/comments.atom", ATOM);
  }

  @GetMapping("/posts/{slug}/comments.rss")
  ResponseEntity<String> postRss(@PathVariable String slug) throws FeedException {
    return postFeed("rss_2.0", slug, "/comments.rss", RSS);
  }

  private SyndFeed blogFeed(String type, String selfPath) {
    String blog = site.blogName();
    return feed(
        type, words.of("feed.comments", blog), api.recentComments(null, ENTRIES), "/", selfPath);
  }

  /**
   * A published post's comments; an old slug leads to the feed at the new one, and any other slug
   * is a 404, as the post's page is.
   */
  private ResponseEntity<String> postFeed(String type, String slug, String file, MediaType as)
      throws FeedException {
    var lookup = api.post(slug);
    if (lookup.movedTo() != null) {
      return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
          .location(
              URI.create("/posts/" + UriUtils.encodePathSegment(lookup.movedTo(), "UTF-8") + file))
          .build();
    }
    var post = lookup.post();
    if (post == null || post.page()) {
      throw new NotFound();
    }
    String page = "/posts/" + UriUtils.encodePathSegment(post.slug(), "UTF-8");
    var feed =
        feed(
            type,
            words.of("feed.postComments", post.title()),
            api.recentComments(post.id(), ENTRIES),
            page,
            page + file);
    return answer(feed, as);
  }

  private SyndFeed feed(
      String type, String title, List<RecentComment> newest, String page, String selfPath) {
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(type);
    feed.setLanguage(site.language());
    feed.setTitle(xml(title));
    feed.setDescription(xml(title));
    feed.setLink(settings.siteUrl() + page);
    feed.setUri(settings.siteUrl() + selfPath);
    var self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(settings.siteUrl() + selfPath);
    var alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setHref(feed.getLink());
    feed.setLinks(List.of(alternate, self));
    feed.setPublishedDate(newest.isEmpty() ? new Date(0) : Date.from(newest.get(0).createdAt()));
    feed.setEntries(newest.stream().map(this::entry).toList());
    return feed;
  }

  private SyndEntry entry(RecentComment comment) {
    String link =
        settings.siteUrl()
            + "/posts/"
            + UriUtils.encodePathSegment(comment.postSlug(), "UTF-8")
            + "#comment-"
            + comment.id();
    String name = comment.erased() ? words.of("comment.anonymous") : comment.authorName();
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(xml(words.of("feed.commentTitle", name, comment.postTitle())));
    entry.setLink(link);
    entry.setUri(link);
    entry.setAuthor(xml(name));
    entry.setPublishedDate(Date.from(comment.createdAt()));
    entry.setUpdatedDate(Date.from(comment.createdAt()));
    var content = new SyndContentImpl();
    content.setType("html");
    content.setValue(xml(comment.bodyHtml()));
    entry.setContents(List.of(content));
    entry.setDescription(content);
    return entry;
  }

  /**
   * Text as XML can carry it: the services clean what they read (ADR 15), but a comment or title
   * stored before would otherwise make the feed a 500 for every reader. A control character becomes
   * a space, anything else XML has no place for (half of a surrogate pair) U+FFFD.
   */
  static String xml(String text) {
    if (text == null || Verifier.checkCharacterData(text) == null) {
      return text;
    }
    var clean = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c ->
                clean.appendCodePoint(
                    Verifier.isXMLCharacter(c) ? c : Character.isISOControl(c) ? ' ' : 0xFFFD));
    return clean.toString();
  }

  private static ResponseEntity<String> answer(SyndFeed feed, MediaType type) throws FeedException {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CACHE)
        .body(new SyndFeedOutput().outputString(feed));
  }
}
