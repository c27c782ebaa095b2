package io.inkwell.posts.feed;

import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndImageImpl;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import io.inkwell.posts.TextCleaning;
import io.inkwell.posts.author.AuthorProfiles;
import io.inkwell.posts.post.AbsoluteAddresses;
import io.inkwell.posts.post.Callouts;
import io.inkwell.posts.post.Embeds;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostQuery;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.TagCount;
import io.inkwell.posts.post.TagEditing;
import io.inkwell.posts.post.TagNotFound;
import io.inkwell.posts.post.TaskLists;
import io.inkwell.posts.site.SiteIdentity;
import io.inkwell.posts.site.Sites;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdom2.Document;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.jsoup.nodes.Element;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

/**
 * Atom and RSS 2.0 feeds of the newest published posts, for the blog, per tag and per author
 * (ROME); the feed of a tag or author the blog does not know is a 404, as their pages are. The few
 * words of ours a post's entry carries (a callout's name) are in the blog's language ({@code
 * i18n/feeds_<language>.properties}, ADR 17).
 */
@RestController
class FeedController {

  private static final int ENTRIES = 20;

  /**
   * How many older episodes a podcast's RSS feeds carry beyond the newest posts: as many as Apple
   * Podcasts lists, since an episode no longer in the feed is gone from the directories and apps.
   */
  private static final int OLDER_EPISODES = 300;

  private static final MediaType ATOM =
      MediaType.parseMediaType("application/atom+xml;charset=UTF-8");
  private static final MediaType RSS =
      MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
  private static final CacheControl CACHE =
      CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

  private final PostManagement posts;
  private final PostSettings settings;
  private final Sites sites;
  private final AuthorProfiles authors;
  private final TagEditing tagEditing;
  private final MessageSource words;
  private final Enclosures enclosures;

  FeedController(
      PostManagement posts,
      PostSettings settings,
      Sites sites,
      AuthorProfiles authors,
      TagEditing tagEditing,
      MessageSource words,
      Enclosures enclosures) {
    this.enclosures = enclosures;
    this.tagEditing = tagEditing;
    this.words = words;
    this.sites = sites;
    this.authors = authors;
    this.posts = posts;
    this.settings = settings;
  }

  @GetMapping("/feed.atom")
  ResponseEntity<String> atom() throws FeedException {
    return answer(blogFeed("atom_1.0", "/feed.atom"), ATOM);
  }

  @GetMapping("/feed.rss")
  ResponseEntity<String> rss() throws FeedException {
    return answer(blogFeed("rss_2.0", "/feed.rss"), RSS);
  }

  @GetMapping("/tags/{tag}/feed.atom")
  ResponseEntity<String> tagAtom(@PathVariable String tag) throws FeedException {
    return tagAnswer("atom_1.0", tag, "/feed.atom", ATOM);
  }

  @GetMapping("/tags/{tag}/feed.rss")
  ResponseEntity<String> tagRss(@PathVariable String tag) throws FeedException {
    return tagAnswer("rss_2.0", tag, "/feed.rss", RSS);
  }

  /**
   * A tag's feed; the feed of a name the tag had before a rename answers 301 with the feed it has
   * now, which feed readers follow.
   */
  private ResponseEntity<String> tagAnswer(
      String type, String nameOrSlug, String file, MediaType mediaType) throws FeedException {
    try {
      return answer(tagFeed(type, nameOrSlug, file), mediaType);
    } catch (TagNotFound unknown) {
      String now = tagEditing.renamedTo(nameOrSlug).orElseThrow(() -> unknown);
      return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
          .cacheControl(CACHE)
          .location(URI.create("/tags/" + encode(TagCount.slugOf(now)) + file))
          .build();
    }
  }

  /** One author's posts, as WordPress gives each author a feed. */
  @GetMapping("/authors/{id}/feed.atom")
  ResponseEntity<String> authorAtom(@PathVariable String id) throws FeedException {
    return answer(authorFeed("atom_1.0", id, "/feed.atom"), ATOM);
  }

  @GetMapping("/authors/{id}/feed.rss")
  ResponseEntity<String> authorRss(@PathVariable String id) throws FeedException {
    return answer(authorFeed("rss_2.0", id, "/feed.rss"), RSS);
  }

  private SyndFeed blogFeed(String type, String file) {
    return feed(type, PostQuery.ALL, newest(PostQuery.ALL), null, "/", file);
  }

  /** A tag with no published post is there while it has a description, as its page is. */
  private SyndFeed tagFeed(String type, String nameOrSlug, String file) {
    String tag = posts.tagNamed(nameOrSlug);
    String page = "/tags/" + encode(TagCount.slugOf(tag));
    PostQuery query = PostQuery.tagged(tag);
    List<Post> newest = newest(query);
    if (newest.isEmpty()) {
      posts.tag(nameOrSlug); // a 404 for a tag nobody uses or describes
    }
    // titled by the tag's name, as readers are shown it ("Inkwell — WPC")
    return feed(type, query, newest, posts.tagName(tag), page, page + file);
  }

  /** An author with no published post is there while they have a profile, as their page is. */
  private SyndFeed authorFeed(String type, String authorId, String file) {
    String page = "/authors/" + encode(authorId);
    PostQuery query = PostQuery.by(authorId);
    List<Post> newest = newest(query);
    String author =
        newest.isEmpty()
            ? authors
                .author(authorId)
                .orElseThrow(
                    () ->
                        new ResponseStatusException(
                            HttpStatus.NOT_FOUND, "There is no such author."))
                .name()
            : newest.get(0).author().name();
    return feed(type, query, newest, author, page, page + file);
  }

  private List<Post> newest(PostQuery query) {
    return posts.published(query, ENTRIES, null).items();
  }

  /** One of the blog's pictures as a feed names it; null for none. */
  private SyndImageImpl picture(String path, SyndFeed feed) {
    if (path == null) {
      return null;
    }
    var picture = new SyndImageImpl();
    picture.setUrl(settings.siteUrl() + path);
    picture.setTitle(feed.getTitle());
    picture.setLink(feed.getLink());
    return picture;
  }

  /**
   * @param query the posts of the feed, of which {@code newest} are the newest
   * @param about what these posts share (a tag, an author), after the blog's title; null for all
   * @param page the site's page these posts are on
   * @param selfPath where this feed is
   */
  private SyndFeed feed(
      String type, PostQuery query, List<Post> newest, String about, String page, String selfPath) {
    SiteIdentity site = sites.current();
    boolean podcast = type.startsWith("rss") && site.podcast() != null;
    String blog = site.title();
    SyndFeed feed = new SyndFeedImpl();
    feed.setFeedType(type);
    feed.setLanguage(site.language());
    feed.setTitle(clean(about == null ? blog : blog + " — " + about));
    // the blog's own words about itself, as WordPress's tagline and Ghost's description are; RSS
    // requires some, so the title where there are none
    String description = site.description();
    feed.setDescription(clean(description == null || description.isBlank() ? blog : description));
    feed.setLink(settings.siteUrl() + page);
    feed.setUri(settings.siteUrl() + selfPath);
    var self = new SyndLinkImpl();
    self.setRel("self");
    self.setHref(settings.siteUrl() + selfPath);
    var alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setHref(feed.getLink());
    feed.setLinks(List.of(alternate, self));
    // feed readers show them beside or instead of the blog's name: Atom's icon (square, as the
    // blog's is) and logo (wide, as its logo is); RSS has one image, the logo or else the icon
    var icon = picture(site.iconUrl(), feed);
    var logo = picture(site.logo() == null ? null : site.logo().url(), feed);
    feed.setIcon(icon);
    feed.setImage(type.startsWith("rss") && logo == null ? icon : logo);
    feed.setPublishedDate(newest.isEmpty() ? new Date(0) : Date.from(newest.get(0).publishedAt()));
    Locale language = Locale.forLanguageTag(site.language());
    var episodes = new IdentityHashMap<SyndEntry, Enclosures.Episode>();
    List<Post> entries = podcast ? withOlderEpisodes(query, newest) : newest;
    Map<String, String> tagNames = posts.tagNames(entries);
    feed.setEntries(
        entries.stream()
            .map(
                post -> {
                  SyndEntry entry = entry(post, tagNames, language, site.feedContent());
                  if (post.commentsOpen()) {
                    withComments(entry, type, settings.postUrl(post.slug()));
                  }
                  enclosures
                      .of(post, settings.postUrl(post.slug()))
                      .ifPresent(
                          episode -> {
                            entry.setEnclosures(List.of(episode.enclosure()));
                            episodes.put(entry, episode);
                          });
                  return entry;
                })
            .toList());
    if (podcast) {
      asPodcast(feed, site, episodes);
    }
    return feed;
  }

  /**
   * The newest posts, then the older ones that play an episode: a podcast's feed carries its back
   * catalogue, which a serial podcast's listeners begin at, while the posts without one stay the
   * newest few a blog's feed has.
   */
  private List<Post> withOlderEpisodes(PostQuery query, List<Post> newest) {
    if (newest.size() < ENTRIES) {
      return newest; // there are no older posts
    }
    var shown = newest.stream().map(Post::id).collect(Collectors.toSet());
    // from the oldest one's time on, so that a post published at the same instant is not missed
    var older =
        posts
            .publishedEpisodes(
                query, newest.get(newest.size() - 1).publishedAt(), OLDER_EPISODES + ENTRIES)
            .stream()
            .filter(post -> !shown.contains(post.id()))
            .limit(OLDER_EPISODES);
    return Stream.concat(newest.stream(), older).toList();
  }

  /** The namespace of the tags Apple Podcasts and Spotify read. */
  private static final Namespace ITUNES =
      Namespace.getNamespace("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd");

  /**
   * The iTunes tags Apple Podcasts and Spotify read (RSS only, as they do): the podcast's author,
   * owner, artwork, category and whether it is for adults ({@code true} or {@code false}, as Apple
   * spells it today), whether its episodes are heard in order ({@code serial}) or each alone, and
   * on each entry with an episode its kind, season and number, artwork, its author and how many
   * seconds it plays (where the blog read that from the file); an entry without one is a post they
   * leave out. Written as the feed's own markup: ROME's module for them also reads the threading of
   * Blogger's exports, which the importer reads itself.
   */
  private void asPodcast(
      SyndFeed feed, SiteIdentity site, Map<SyndEntry, Enclosures.Episode> episodes) {
    var podcast = site.podcast();
    String name = clean(site.title());
    var channel = feed.getForeignMarkup();
    channel.add(itunes("author", name));
    var owner = itunes("owner", null);
    owner.addContent(itunes("name", name));
    if (podcast.email() != null) {
      owner.addContent(itunes("email", podcast.email()));
    }
    channel.add(owner);
    channel.add(
        itunes("image", null).setAttribute("href", settings.siteUrl() + podcast.coverUrl()));
    var category = itunes("category", null).setAttribute("text", podcast.category());
    if (podcast.subcategory() != null) {
      category.addContent(itunes("category", null).setAttribute("text", podcast.subcategory()));
    }
    channel.add(category);
    channel.add(itunes("explicit", String.valueOf(podcast.explicit())));
    channel.add(itunes("type", podcast.serial() ? "serial" : "episodic"));
    channel.add(itunes("summary", feed.getDescription()));
    episodes.forEach(
        (entry, episode) -> {
          var tags = episode.tags();
          entry.getForeignMarkup().add(itunes("episodeType", tags.typeOrFull()));
          if (tags.season() != null) {
            entry.getForeignMarkup().add(itunes("season", tags.season().toString()));
          }
          if (tags.number() != null) {
            entry.getForeignMarkup().add(itunes("episode", tags.number().toString()));
          }
          if (episode.artwork() != null) {
            entry
                .getForeignMarkup()
                .add(itunes("image", null).setAttribute("href", episode.artwork()));
          }
          entry.getForeignMarkup().add(itunes("author", entry.getAuthor()));
          if (episode.seconds() != null) {
            entry.getForeignMarkup().add(itunes("duration", episode.seconds().toString()));
          }
        });
  }

  private static org.jdom2.Element itunes(String name, String text) {
    var element = new org.jdom2.Element(name, ITUNES);
    return text == null ? element : element.setText(text);
  }

  /**
   * A post as a feed's entry: its excerpt as the summary, and the whole post as the content unless
   * the blog's feeds carry excerpts only. Its categories are its tags by their names ({@code
   * tagNames}, by tag, those with one of their own).
   */
  private SyndEntry entry(
      Post post, Map<String, String> tagNames, Locale language, SiteIdentity.FeedContent carried) {
    SyndEntry entry = new SyndEntryImpl();
    entry.setTitle(clean(post.title()));
    entry.setLink(settings.postUrl(post.slug()));
    entry.setUri(settings.postUrl(post.slug()));
    entry.setPublishedDate(Date.from(post.publishedAt()));
    entry.setUpdatedDate(Date.from(post.updatedAt()));
    entry.setAuthor(clean(post.author().name()));
    var summary = new SyndContentImpl();
    summary.setType("text/plain");
    summary.setValue(clean(post.excerpt()));
    entry.setDescription(summary);
    entry.setCategories(categories(post, tagNames));
    if (carried == SiteIdentity.FeedContent.EXCERPT) {
      return entry;
    }
    var content = new SyndContentImpl();
    content.setType("html");
    content.setValue(
        clean(
            AbsoluteAddresses.of(
                Callouts.asQuotes(
                    TaskLists.withBoxesAsCharacters(Embeds.withLinksToThePages(withCover(post))),
                    kind -> words.getMessage("callout." + kind, null, language)),
                settings.postUrl(post.slug()))));
    entry.setContents(List.of(content));
    return entry;
  }

  private static List<com.rometools.rome.feed.synd.SyndCategory> categories(
      Post post, Map<String, String> tagNames) {
    return post.tags().stream()
        .map(
            tag -> {
              var category = new SyndCategoryImpl();
              category.setName(clean(tagNames.getOrDefault(tag, tag)));
              return (com.rometools.rome.feed.synd.SyndCategory) category;
            })
        .toList();
  }

  /** The namespace of the comment feed of an RSS item, as WordPress's feeds carry it. */
  private static final Namespace WFW =
      Namespace.getNamespace("wfw", "http://wellformedweb.org/CommentAPI/");

  /**
   * Where readers comment on a post and follow its comments, as WordPress's feeds say it: RSS's own
   * {@code comments} and {@code wfw:commentRss}; in Atom, links to the same ({@code rel="replies"},
   * RFC 4685).
   */
  private static void withComments(SyndEntry entry, String type, String postUrl) {
    String thread = postUrl + "#comments";
    if (type.startsWith("rss")) {
      entry.setComments(thread);
      entry
          .getForeignMarkup()
          .add(new org.jdom2.Element("commentRss", WFW).setText(postUrl + "/comments.rss"));
      return;
    }
    var alternate = new SyndLinkImpl();
    alternate.setRel("alternate");
    alternate.setType("text/html");
    alternate.setHref(postUrl);
    var page = new SyndLinkImpl();
    page.setRel("replies");
    page.setType("text/html");
    page.setHref(thread);
    var feed = new SyndLinkImpl();
    feed.setRel("replies");
    feed.setType("application/atom+xml");
    feed.setHref(postUrl + "/comments.atom");
    entry.setLinks(List.of(alternate, page, feed));
  }

  /** The body, headed by the post's cover as the post's page shows it, as Ghost's feeds do. */
  private static String withCover(Post post) {
    if (post.cover() == null) {
      return post.bodyHtml();
    }
    var cover = new Element("img");
    cover
        .attr("src", post.cover().url())
        .attr("alt", post.cover().alt())
        .attr("width", String.valueOf(post.cover().width()))
        .attr("height", String.valueOf(post.cover().height()));
    return "<p>" + cover.outerHtml() + "</p>" + post.bodyHtml();
  }

  /**
   * Text as XML can carry it: what arrives is cleaned already (ADR 15), this keeps a post stored
   * before from breaking the feed for every reader.
   */
  private static String clean(String text) {
    return text == null ? null : TextCleaning.clean(text);
  }

  private static ResponseEntity<String> answer(SyndFeed feed, MediaType type) throws FeedException {
    Document document = new SyndFeedOutput().outputJDom(feed);
    if (feed.getForeignMarkup().stream().anyMatch(tag -> tag.getNamespace().equals(ITUNES))) {
      // declared once, where Apple's validator looks for it, not on each tag
      document.getRootElement().addNamespaceDeclaration(ITUNES);
    }
    if (feed.getEntries().stream().anyMatch(entry -> !entry.getForeignMarkup().isEmpty())) {
      document.getRootElement().addNamespaceDeclaration(WFW);
    }
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CACHE)
        .body(new XMLOutputter(Format.getPrettyFormat()).outputString(document));
  }

  private static String encode(String segment) {
    return UriUtils.encodePathSegment(segment, "UTF-8");
  }
}
