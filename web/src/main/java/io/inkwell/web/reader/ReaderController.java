package io.inkwell.web.reader;

import io.inkwell.web.WebSettings;
import io.inkwell.web.api.ApiCalls;
import io.inkwell.web.api.BlogApi;
import io.inkwell.web.api.Comment;
import io.inkwell.web.api.Page;
import io.inkwell.web.api.Post;
import jakarta.servlet.http.HttpServletRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.client.RestClientException;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages readers see: the newest posts, a post with its comments and its newer and older
 * neighbours, tags, authors, the archive by month, search.
 */
@Controller
class ReaderController {

  private static final Logger log = LoggerFactory.getLogger(ReaderController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The longest search post-service takes (its {@code q}), as the search field allows. */
  private static final int SEARCH_LENGTH = 100;

  private final BlogApi api;
  private final WebSettings settings;
  private final TagPaths tagPaths;
  private final Site site;
  private final OldAddresses oldAddresses;
  private final Dates dates;
  private final Words words;
  private final Footnotes footnotes;
  private final Sections sections;
  private final Callouts callouts;
  private final ApiCalls calls;

  /** The admin's session cookie, which readers never get. */
  private final String sessionCookie;

  ReaderController(
      BlogApi api,
      ApiCalls calls,
      WebSettings settings,
      Site site,
      TagPaths tagPaths,
      OldAddresses oldAddresses,
      Dates dates,
      Words words,
      Footnotes footnotes,
      Sections sections,
      Callouts callouts,
      @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
    this.sessionCookie = sessionCookie;
    this.footnotes = footnotes;
    this.sections = sections;
    this.callouts = callouts;
    this.calls = calls;
    this.oldAddresses = oldAddresses;
    this.dates = dates;
    this.words = words;
    this.tagPaths = tagPaths;
    this.site = site;
    this.api = api;
    this.settings = settings;
  }

  /**
   * The newest posts. WordPress's plain addresses, all of them queries of its home page ({@code
   * /?p=12}, {@code /?s=trams}, {@code /?feed=rss2}), lead to their pages here ({@link
   * OldAddresses#plainWordPress}).
   */
  @GetMapping("/")
  Object home(
      @RequestParam(required = false) String cursor,
      @RequestParam Map<String, String> query,
      Model model) {
    var moved = oldAddresses.plainWordPress(query);
    if (moved.isPresent()) {
      return moved.get();
    }
    var page = api.posts(Map.of(), settings.pageSize(), cursor);
    if (cursor == null) {
      page = withFeaturedFirst(page);
    }
    list(model, page, "/", cursor);
    model.addAttribute("heading", null);
    model.addAttribute(
        "meta", PageMeta.of(site.blogName(), site.blogDescription(), settings.siteUrl() + "/"));
    return "list";
  }

  /**
   * The newest featured posts (three at most) on top of the first page, as Ghost themes and
   * WordPress's sticky posts show them, each once: later pages list them in their place.
   */
  private Page<Post> withFeaturedFirst(Page<Post> newest) {
    List<Post> featured = api.posts(Map.of("featured", "true"), FEATURED_ON_TOP, null).items();
    if (featured.isEmpty()) {
      return newest;
    }
    var shown = featured.stream().map(Post::id).collect(java.util.stream.Collectors.toSet());
    var posts = new ArrayList<>(featured);
    newest.items().stream().filter(post -> !shown.contains(post.id())).forEach(posts::add);
    return new Page<>(posts, newest.nextCursor());
  }

  private static final int FEATURED_ON_TOP = 3;

  /** A post's or page's HTML as readers see it: footnotes and callouts named, sections linked. */
  private String shown(String bodyHtml) {
    return sections.linked(callouts.titled(footnotes.named(bodyHtml)));
  }

  /** A page's title as browsers and search engines show it: "Archive – Inkwell". */
  private String titled(String heading) {
    return heading + " – " + site.blogName();
  }

  @GetMapping("/tags/{slug}")
  Object tag(
      @PathVariable String slug, @RequestParam(required = false) String cursor, Model model) {
    // "c-c++" is the page of "c/c++", and "cafe" (as a reader types it, and WordPress and Ghost
    // slugged it) of "café": the API knows which tag a slug stands for
    var found = api.tag(slug).filter(named -> named.count() > 0).orElseThrow(NotFound::new);
    String tag = found.tag();
    if (!tagPaths.of(tag).equals(tagPaths.of(slug))) {
      // one address for each tag's page, as it is written ("Travel" and "cafe" lead there)
      return OldAddresses.movedTo(
          tagPaths.of(tag) + (cursor == null ? "" : "?cursor=" + UriUtils.encode(cursor, "UTF-8")));
    }
    var page = api.posts(Map.of("tag", tag), settings.pageSize(), cursor);
    if (page.items().isEmpty() && cursor == null) {
      throw new NotFound();
    }
    String path = tagPaths.of(tag);
    list(model, page, path, cursor);
    String heading = words.of("page.tag", found.name());
    model.addAttribute("heading", heading);
    // Ghost's and WordPress's tag pages open with what the tag is about
    var description = cursor == null ? found.description() : Optional.<String>empty();
    model.addAttribute("introduction", description.orElse(null));
    model.addAttribute("feed", path + "/feed");
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(heading),
            description.orElse(words.of("page.tagDescription", found.name(), site.blogName())),
            settings.siteUrl() + path));
    return "list";
  }

  @GetMapping("/authors/{id}")
  String author(
      @PathVariable String id, @RequestParam(required = false) String cursor, Model model) {
    var page = api.posts(Map.of("author", id), settings.pageSize(), cursor);
    if (page.items().isEmpty() && cursor == null) {
      throw new NotFound();
    }
    // Ghost's author pages open with who they are: name, bio, website
    var profile = api.author(id);
    if (page.items().isEmpty() && profile.isEmpty()) {
      // a page past the last one, of nobody the blog knows: no name to give it
      throw new NotFound();
    }
    String name =
        profile.map(BlogApi.Author::name).orElseGet(() -> page.items().get(0).author().name());
    String path = "/authors/" + UriUtils.encodePathSegment(id, "UTF-8");
    list(model, page, path, cursor);
    String heading = words.of("page.author", name);
    model.addAttribute("heading", heading);
    if (cursor == null) {
      model.addAttribute("introduction", profile.map(BlogApi.Author::bio).orElse(null));
      model.addAttribute("website", profile.flatMap(BlogApi.Author::safeWebsite).orElse(null));
      model.addAttribute("websiteLabel", profile.map(BlogApi.Author::websiteLabel).orElse(null));
      model.addAttribute("avatar", profile.map(BlogApi.Author::avatarUrl).orElse(null));
    }
    model.addAttribute("feed", path + "/feed");
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(heading),
            profile
                .map(BlogApi.Author::bio)
                .orElse(words.of("page.authorDescription", name, site.blogName())),
            settings.siteUrl() + path));
    return "list";
  }

  @GetMapping("/search")
  Object search(
      @RequestParam(required = false, defaultValue = "") String q,
      @RequestParam(required = false) String cursor,
      @RequestParam(name = "updated-max", required = false) String bloggerOlderPosts,
      Model model) {
    String query = searchWords(q);
    if (query.isEmpty() && bloggerOlderPosts != null) {
      var month = olderPostsMonth(bloggerOlderPosts);
      if (month.isPresent()) {
        return OldAddresses.movedTo("/archive/" + month.get());
      }
    }
    var page =
        query.isEmpty()
            ? new Page<PostCard>(List.of(), null)
            : cards(api.posts(Map.of("q", query), settings.pageSize(), cursor));
    model.addAttribute("cards", page.items());
    model.addAttribute(
        "older",
        page.nextCursor() == null
            ? null
            : "/search?q=" + UriUtils.encode(query, "UTF-8") + "&cursor=" + page.nextCursor());
    model.addAttribute(
        "newest", cursor == null ? null : "/search?q=" + UriUtils.encode(query, "UTF-8"));
    model.addAttribute("q", query);
    model.addAttribute(
        "heading", query.isEmpty() ? words.of("page.search") : words.of("page.searchFor", query));
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(words.of("page.search")),
            words.of("page.searchDescription", site.blogName()),
            settings.siteUrl() + "/search"));
    return "list";
  }

  /**
   * The month of the archive a Blogger blog's "Older posts" link leads to here ({@code
   * /search?updated-max=2009-03-12T16:41:00-07:00&max-results=7}, the time of the last post its
   * page showed): that post's month, as the blog's readers count it ({@code 2009/03}); none for a
   * time that cannot be read. A {@code +} of the offset may come as a space, as a query reads it.
   */
  private Optional<String> olderPostsMonth(String updatedMax) {
    try {
      var shown = OffsetDateTime.parse(updatedMax.strip().replace(' ', '+'));
      var month = YearMonth.from(shown.atZoneSameInstant(site.timeZone()));
      return month.getYear() < 1 || month.getYear() > 9999
          ? Optional.empty()
          : Optional.of("%04d/%02d".formatted(month.getYear(), month.getMonthValue()));
    } catch (DateTimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * What a reader searches for, as the API takes it: control characters (which no page or address
   * can show) as spaces, runs of spaces as one, at most {@value #SEARCH_LENGTH} characters without
   * cutting one in half. Nothing left is no search.
   */
  static String searchWords(String q) {
    String words = q.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    if (words.length() <= SEARCH_LENGTH) {
      return words;
    }
    int end =
        Character.isHighSurrogate(words.charAt(SEARCH_LENGTH - 1))
            ? SEARCH_LENGTH - 1
            : SEARCH_LENGTH;
    return words.substring(0, end).strip();
  }

  /** Every tag with its count and what it is about, most used first (a tag cloud, in words). */
  @GetMapping("/tags")
  String tags(Model model) {
    model.addAttribute("tags", api.tagCounts());
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(words.of("page.tags")),
            words.of("page.tagsDescription", site.blogName()),
            settings.siteUrl() + "/tags"));
    return "tags";
  }

  /**
   * A page of its own for subscribing (Ghost's and Substack's "Subscribe" in the header), with
   * every tag to choose from; the form posts as the one under each post does, and comes back here.
   */
  @GetMapping("/subscribe")
  String subscribe(Model model) {
    model.addAttribute("allTags", api.tagCounts());
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(words.of("page.subscribe")),
            words.of("page.subscribeDescription", site.blogName()),
            settings.siteUrl() + "/subscribe"));
    return "subscribe";
  }

  /** Blogger's "Blog Archive": every month with posts, by year. */
  @GetMapping("/archive")
  String archive(Model model) {
    Map<Integer, List<BlogApi.ArchiveMonth>> years = new LinkedHashMap<>();
    for (var month : api.archive(site.timeZone())) {
      years.computeIfAbsent(month.year(), year -> new ArrayList<>()).add(month);
    }
    model.addAttribute("years", years);
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(words.of("page.archive")),
            words.of("page.archiveDescription", site.blogName()),
            settings.siteUrl() + "/archive"));
    return "archive";
  }

  /** One month's posts, newest first; the month as the blog's readers count it. */
  @GetMapping("/archive/{year:\\d{4}}/{month:\\d{2}}")
  String month(
      @PathVariable int year,
      @PathVariable int month,
      @RequestParam(required = false) String cursor,
      Model model) {
    if (month < 1 || month > 12) {
      throw new NotFound();
    }
    YearMonth yearMonth = YearMonth.of(year, month);
    ZoneId zone = site.timeZone();
    var page =
        api.posts(
            Map.of(
                "from", yearMonth.atDay(1).atStartOfDay(zone).toInstant().toString(),
                "before",
                    yearMonth.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toString()),
            settings.pageSize(),
            cursor);
    if (page.items().isEmpty() && cursor == null) {
      throw new NotFound();
    }
    String path = "/archive/%04d/%02d".formatted(year, month);
    String name = dates.month(yearMonth);
    list(model, page, path, cursor);
    model.addAttribute("heading", words.of("page.month", name));
    model.addAttribute(
        "meta",
        PageMeta.of(
            titled(name),
            words.of("page.monthDescription", site.blogName(), name),
            settings.siteUrl() + path));
    return "list";
  }

  @GetMapping("/posts/{slug}")
  String post(
      @PathVariable String slug,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String subscribed,
      @RequestParam(required = false) String subscription,
      @RequestParam(required = false) String follow,
      @RequestParam(name = "comments", required = false) String commentsFrom,
      @RequestParam(required = false) String replyTo,
      HttpServletRequest request,
      Model model) {
    var lookup = api.post(slug);
    if (lookup.movedTo() != null) {
      return "redirect:/posts/" + UriUtils.encodePathSegment(lookup.movedTo(), "UTF-8");
    }
    if (lookup.post() == null) {
      throw new NotFound();
    }
    Post post = lookup.post();
    if (post.page()) {
      return "redirect:/pages/" + UriUtils.encodePathSegment(post.slug(), "UTF-8");
    }
    // what the page shows beside the post, asked side by side
    var threadAsked = calls.start(() -> thread(post, commentsFrom));
    var neighboursAsked = calls.start(() -> api.neighbours(post.id()));
    var relatedAsked = calls.start(() -> related(post));
    var authorAsked = calls.start(() -> api.author(post.author().id()));
    var shown = ApiCalls.answer(threadAsked);
    var thread = shown.page();
    long total = shown.total();
    var comments = thread.items();
    var replyChoices = Comment.inReadingOrder(comments);
    model.addAttribute("commentsUnavailable", total < 0);
    model.addAttribute("post", post);
    model.addAttribute("countView", !signedInStaff(request));
    model.addAttribute("bodyHtml", shown(post.bodyHtml()));
    model.addAttribute("neighbours", ApiCalls.answer(neighboursAsked));
    model.addAttribute("related", ApiCalls.answer(relatedAsked));
    // WordPress themes end a post with its author's bio, when they wrote one
    var author = ApiCalls.answer(authorAsked);
    model.addAttribute("authorBio", author.filter(profile -> profile.bio() != null).orElse(null));
    model.addAttribute("comments", comments);
    model.addAttribute("staffPictures", staffPictures(replyChoices));
    model.addAttribute("replyChoices", replyChoices);
    model.addAttribute(
        "commentFeed", "/posts/" + UriUtils.encodePathSegment(post.slug(), "UTF-8") + "/comments");
    model.addAttribute(
        "moreComments",
        thread.nextCursor() == null
            ? null
            : "/posts/"
                + UriUtils.encodePathSegment(post.slug(), "UTF-8")
                + "?comments="
                + UriUtils.encode(thread.nextCursor(), "UTF-8")
                + "#comments");
    model.addAttribute("commentCount", total);
    model.addAttribute("renderedAt", Instant.now().toString());
    model.addAttribute("commentOutcome", comment);
    model.addAttribute("subscriptionAsked", "asked".equals(subscription));
    model.addAttribute("followAsked", "asked".equals(follow));
    model.addAttribute("repliesAsked", "replies".equals(follow));
    // a comment's "Reply" link without JavaScript: the form comes with it chosen
    model.addAttribute("replyTo", replyTo);
    model.addAttribute("subscribed", subscribed != null);
    String address = settings.siteUrl() + "/posts/" + post.slug();
    String image = post.sharedImage() == null ? null : absolute(address, post.sharedImage());
    model.addAttribute(
        "meta",
        new PageMeta(
            post.searchTitle(site.blogName()),
            post.searchDescription(),
            post.canonicalUrl(address),
            "article",
            image,
            post.cover() == null || post.cover().alt().isBlank() ? null : post.cover().alt(),
            jsonLd(post, address, image, author)));
    return "post";
  }

  /**
   * A draft or scheduled post as its author's secret link shows it, marked as a preview and kept
   * from search engines; once published, the link leads to the post itself.
   */
  @GetMapping("/p/{key}")
  String preview(@PathVariable String key, Model model) {
    Post post = api.preview(key).orElseThrow(NotFound::new);
    if (post.published()) {
      return "redirect:/"
          + (post.page() ? "pages/" : "posts/")
          + UriUtils.encodePathSegment(post.slug(), "UTF-8");
    }
    model.addAttribute("post", post);
    model.addAttribute("bodyHtml", shown(post.bodyHtml()));
    return "preview";
  }

  /** Other posts of a post's first tag, newest first: Casper's "You might also like". */
  public record Related(Post.ShownTag tag, List<Post> posts) {}

  private static final int RELATED = 3;

  /**
   * @param total how many comments readers see on the post; -1 while it cannot be known
   */
  private record ThreadPage(Page<Comment> page, long total) {}

  /**
   * Blogger's way with long threads: a page of comments at a time, "More comments" after it. While
   * comment-service is away, none and an unknown total: the post is read without its thread, which
   * is not "No comments".
   */
  private ThreadPage thread(Post post, String from) {
    try {
      var page = api.comments(post.id(), from);
      return new ThreadPage(
          page,
          from == null && page.nextCursor() == null
              ? Comment.inReadingOrder(page.items()).size()
              : api.commentCount(post.id()));
    } catch (RestClientException unavailable) {
      log.warn("The comments of {} could not be read: {}", post.id(), unavailable.getMessage());
      return new ThreadPage(new Page<>(List.of(), null), -1);
    }
  }

  private Related related(Post post) {
    if (post.tags().isEmpty()) {
      return null;
    }
    Post.ShownTag tag = post.shownTags().get(0);
    List<Post> others =
        api.posts(Map.of("tag", tag.tag()), RELATED + 1, null).items().stream()
            .filter(other -> !other.id().equals(post.id()))
            .limit(RELATED)
            .toList();
    return others.isEmpty() ? null : new Related(tag, others);
  }

  /** The most staff members of one page of a thread whose pictures are looked up. */
  private static final int MOST_STAFF_PICTURES = 10;

  /**
   * The pictures of the staff who answered in a thread, by their account's id, as their profiles
   * have them (WordPress shows its people's pictures by their comments): a reader's comment shows
   * their initials, and so does a staff member's without a picture. Profiles are kept a while by
   * the API's client, so a thread asks again for few of them.
   */
  private Map<String, String> staffPictures(List<Comment.Placed> thread) {
    var pictures = new HashMap<String, String>();
    var asked = new HashSet<String>();
    for (var placed : thread) {
      String id = placed.comment().staffId();
      if (id != null && asked.size() < MOST_STAFF_PICTURES && asked.add(id)) {
        api.author(id).map(BlogApi.Author::avatarUrl).ifPresent(url -> pictures.put(id, url));
      }
    }
    return pictures;
  }

  /** A page (About, Contact): its text, without date, byline, comments or neighbours. */
  @GetMapping("/pages/{slug}")
  String page(@PathVariable String slug, HttpServletRequest request, Model model) {
    var lookup = api.post(slug);
    if (lookup.movedTo() != null) {
      return "redirect:/pages/" + UriUtils.encodePathSegment(lookup.movedTo(), "UTF-8");
    }
    if (lookup.post() == null) {
      throw new NotFound();
    }
    Post page = lookup.post();
    if (!page.page()) {
      return "redirect:/posts/" + UriUtils.encodePathSegment(page.slug(), "UTF-8");
    }
    model.addAttribute("page", page);
    model.addAttribute("countView", !signedInStaff(request));
    model.addAttribute("bodyHtml", shown(page.bodyHtml()));
    model.addAttribute(
        "meta",
        PageMeta.of(
            page.searchTitle(site.blogName()),
            page.searchDescription(),
            page.canonicalUrl(settings.siteUrl() + "/pages/" + page.slug())));
    return "page";
  }

  /**
   * Whether the browser is signed in to the admin (readers get no session): its readings are not
   * counted as readers' views, as Blogger's Stats leave out one's own.
   */
  private boolean signedInStaff(HttpServletRequest request) {
    var cookies = request.getCookies();
    return cookies != null
        && java.util.Arrays.stream(cookies)
            .anyMatch(cookie -> cookie.getName().equals(sessionCookie));
  }

  private void list(Model model, Page<Post> posts, String path, String cursor) {
    var page = cards(posts);
    model.addAttribute("cards", page.items());
    model.addAttribute(
        "older", page.nextCursor() == null ? null : path + "?cursor=" + page.nextCursor());
    model.addAttribute("newest", cursor == null ? null : path);
  }

  private Page<PostCard> cards(Page<Post> posts) {
    var counts = api.commentCounts(posts.items().stream().map(Post::id).toList());
    return new Page<>(
        posts.items().stream()
            .map(
                post ->
                    new PostCard(
                        post, counts.map(known -> known.getOrDefault(post.id(), 0L)).orElse(null)))
            .toList(),
        posts.nextCursor());
  }

  /** A picture's address as a crawler needs it: whole, resolved against the page's. */
  private static String absolute(String page, String address) {
    try {
      return java.net.URI.create(page).resolve(address.strip()).toString();
    } catch (IllegalArgumentException unusable) {
      return null;
    }
  }

  /**
   * schema.org BlogPosting for search engines. Written with a JSON library and with "</" escaped,
   * so that no title can end the script element it sits in.
   */
  private String jsonLd(Post post, String url, String image, Optional<BlogApi.Author> profile) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("@context", "https://schema.org");
    data.put("@type", "BlogPosting");
    data.put("headline", post.title());
    data.put("description", post.searchDescription());
    data.put("datePublished", String.valueOf(post.publishedAt()));
    data.put("dateModified", String.valueOf(post.updatedAt()));
    Map<String, Object> author = new LinkedHashMap<>();
    author.put("@type", "Person");
    author.put("name", post.author().name());
    author.put(
        "url",
        settings.siteUrl() + "/authors/" + UriUtils.encodePathSegment(post.author().id(), "UTF-8"));
    profile.flatMap(BlogApi.Author::safeWebsite).ifPresent(site -> author.put("sameAs", site));
    profile
        .map(BlogApi.Author::avatarUrl)
        .ifPresent(
            picture ->
                author.put(
                    "image", picture.startsWith("/") ? settings.siteUrl() + picture : picture));
    data.put("author", author);
    data.put("mainEntityOfPage", url);
    data.put("url", url);
    data.put(
        "keywords", String.join(", ", post.shownTags().stream().map(Post.ShownTag::name).toList()));
    if (image != null) {
      data.put("image", image);
    }
    Map<String, Object> publisher = new LinkedHashMap<>();
    publisher.put("@type", "Organization");
    publisher.put("name", site.blogName());
    // the logo where the blog has one (what search engines ask for), else its icon
    String logo = site.logo() != null ? site.logo().url() : site.icon();
    if (logo != null) {
      publisher.put("logo", Map.of("@type", "ImageObject", "url", settings.siteUrl() + logo));
    }
    data.put("publisher", publisher);
    data.put("inLanguage", site.language());
    // inside <script> no markup may start, not even "<!--<script>", which would keep the element
    // open past its end: every < (and > and &) is written as JSON's escape of it
    return JSON.writeValueAsString(data)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026");
  }
}
