package io.inkwell.posts.feed;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostQuery;
import io.inkwell.posts.post.PostSettings;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/** Atom and RSS 2.0 feeds of the newest published posts, for the blog and per tag (ROME). */
@RestController
class FeedController {

  private static final int ENTRIES = 20;
  private static final MediaType ATOM =
      MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
  private static final MediaType RSS =
      MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private final PostManagement posts;
  private final PostSettings settings;

  FeedController(PostManagement posts, PostSettings settings) {
    this.posts = posts;
    this.settings = settings;
  }

  @GetMapping("/feed.atom")
  ResponseEntity<String> atom() throws FeedException {
    return answer(feed("atom_1.0", null, "/feed.atom"), ATOM);
  }

  @GetMapping("/feed.rss")
  ResponseEntity<String> rss() throws FeedException {
    return answer(feed("rss_2.0", null, "/feed.rss"), RSS);
  }

  @GetMapping("/tags/{tag}/feed.atom")
  ResponseEntity<String> tagAtom(@PathVariable String tag) throws FeedException {
    return answer(feed("atom_1.0", tag, "/tags/" + encode(tag) + "/feed.atom"), ATOM);
  }

  @GetMapping("/tags/{tag}/feed.rss")
  ResponseEntity<String> tagRss(@PathVariable String tag) throws FeedException {
    return answer(feed("rss_2.0", tag, "/tags/" + encode(tag) + "/feed.rss"), RSS);
  }

  private SyndFeed feed(String type, String tag, String selfPath) {
    List<Post> newest = posts.published(new PostQuery(tag, null, null), ENTRIES, null).items();
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(type);
    feed.setTitle(tag == null ? settings.blogName() : settings.blogName() + " — " + tag);
    feed.setDescription("The newest posts of " + settings.blogName());
    feed.setLink(settings.siteUrl() + (tag == null ? "/" : "/tags/" + encode(tag)));
    feed.setUri(settings.siteUrl() + selfPath);
    var self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(settings.siteUrl() + selfPath);
    var alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setHref(feed.getLink());
    feed.setLinks(List.of(alternate, self));
    feed.setPublishedDate(newest.isEmpty() ? new Date(0) : Date.from(newest.get(0).publishedAt()));
    feed.setEntries(newest.stream().map(this::entry).toList());
    return feed;
  }

  private SyndEntry entry(Post post) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(post.title());
    entry.setLink(settings.postUrl(post.slug()));
    entry.setUri(settings.postUrl(post.slug()));
    entry.setPublishedDate(Date.from(post.publishedAt()));
    entry.setUpdatedDate(Date.from(post.updatedAt()));
    entry.setAuthor(post.author().name());
    var summary = new SyndContentImpl();
    summary.setType("text/plain");
    summary.setValue(post.excerpt());
    entry.setDescription(summary);
    var content = new SyndContentImpl();
    content.setType("html");
    content.setValue(post.bodyHtml());
    entry.setContents(List.of(content));
    entry.setCategories(
        post.tags().stream()
            .map(
                name -> {
                  var category = new SyndCategoryImpl();
                  category.setName(name);
                  return (com.rometools.rome.feed.synd.SyndCategory) category;
                })
            .toList());
    return entry;
  }

  private static ResponseEntity<String> answer(SyndFeed feed, MediaType type) throws FeedException {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CACHE)
        .body(new SyndFeedOutput().outputString(feed));
  }

  private static String encode(String tag) {
    return UriUtils.encodePathSegment(tag, "UTF-8");
  }
}
