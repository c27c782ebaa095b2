package io.inkwell.web.reader;

import io.inkwell.web.api.BlogApi;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriUtils;

/**
 * Addresses an admin sends elsewhere (Settings › Redirects) lead there, and links into the blog's
 * old home keep working after an import: an address the reader site has no page for ({@code
 * /2019/05/14/hello-world/}, {@code /?p=12} on WordPress) is asked about at the API, and a post
 * that lived there is answered with a permanent redirect to where it is now, as is a link to its
 * AMP page. The old platform's feeds, label and category pages and month archives lead to this
 * blog's ({@link OldPlatformPaths}), and so do WordPress's plain addresses ({@link
 * #plainWordPress}); its admin, in the authors' bookmarks, to the admin here.
 */
@Component
class OldAddresses {

  private final BlogApi api;
  private final TagPaths tagPaths;

  OldAddresses(BlogApi api, TagPaths tagPaths) {
    this.api = api;
    this.tagPaths = tagPaths;
  }

  /** A 301 to the post that lived at the request's address, if one did. */
  Optional<RedirectView> redirect(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return Optional.empty();
    }
    String path;
    String query;
    try {
      path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
      query =
          request.getQueryString() == null
              ? null
              : UriUtils.decode(request.getQueryString(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException badEscape) {
      return Optional.empty();
    }
    var platformPage = OldPlatformPaths.of(path, query, this::tagPage, this::authorPage);
    if (platformPage.isPresent()) {
      return platformPage.map(OldAddresses::movedTo);
    }
    var renamedTag = renamedTag(path);
    if (renamedTag.isPresent()) {
      return renamedTag;
    }
    var moved = redirect(query == null ? path : path + "?" + query);
    if (moved.isEmpty() && query != null) {
      // the address without what was added to it on the way: Blogger's ?m=1 for phones, a shared
      // link's utm_source
      moved = redirect(path);
    }
    Matcher amp = AMP_PAGE.matcher(path);
    if (moved.isEmpty() && amp.matches()) {
      // the post's page for phones that search engines linked (Ghost's and WordPress's AMP)
      moved = redirect(amp.group(1));
    }
    if (moved.isEmpty() && OLD_ADMIN.matcher(path).matches()) {
      // where the authors wrote before, kept in their bookmarks
      moved = Optional.of(movedTo("/admin"));
    }
    return moved;
  }

  /** WordPress's admin and sign-in, and Ghost's admin, where the blog's authors wrote before. */
  private static final Pattern OLD_ADMIN =
      Pattern.compile("/wp-admin(?:/.*)?|/wp-login\\.php|/ghost(?:/.*)?");

  /** A post's AMP page, {@code /a-walk/amp/}, as Ghost and WordPress's AMP plugin made them. */
  private static final Pattern AMP_PAGE = Pattern.compile("(/.+/)amp/?");

  /**
   * WordPress's feeds at its plain addresses ({@code /?feed=rss2}), and the feed here each leads
   * to.
   */
  private static final Map<String, String> WORDPRESS_FEEDS =
      Map.of(
          "rss2", "/feed.rss",
          "rss", "/feed.rss",
          "rdf", "/feed.rss",
          "atom", "/feed.atom",
          "comments-rss2", "/comments/feed.rss",
          "comments-atom", "/comments/feed.atom");

  /**
   * WordPress's archive of a year, a month or a day: {@code ?m=2009}, {@code 200903}, {@code
   * 20090312}.
   */
  private static final Pattern WORDPRESS_ARCHIVE =
      Pattern.compile("(\\d{4})(?:(\\d{2})(\\d{2})?)?");

  /**
   * Where WordPress's plain addresses lead, those of a blog without pretty permalinks, all of them
   * queries of its home page: a post or page ({@code ?p=12}, {@code ?page_id=2}) to where it is
   * now, a search ({@code ?s=trams}) to the search here, a feed ({@code ?feed=rss2}) to the feed, a
   * tag or category ({@code ?tag=long-walks}, {@code ?category_name=walks}) to the tag's page, an
   * archive ({@code ?m=200903}) to the month's. Blogger's {@code ?m=1}, for phones, is none of
   * them.
   *
   * @param query the home page's, decoded
   */
  Optional<RedirectView> plainWordPress(Map<String, String> query) {
    String feed = query.get("feed");
    if (feed != null && WORDPRESS_FEEDS.containsKey(feed)) {
      return Optional.of(movedTo(WORDPRESS_FEEDS.get(feed)));
    }
    if (query.get("s") != null) {
      return Optional.of(
          movedTo("/search?q=" + UriUtils.encode(query.get("s"), StandardCharsets.UTF_8)));
    }
    if (query.get("p") != null || query.get("page_id") != null) {
      return redirect(
          query.get("p") != null ? "/?p=" + query.get("p") : "/?page_id=" + query.get("page_id"));
    }
    String tag = query.getOrDefault("tag", query.get("category_name"));
    if (tag != null) {
      return tagPage(tag.contains("/") ? tag.substring(tag.lastIndexOf('/') + 1) : tag)
          .map(OldAddresses::movedTo);
    }
    Matcher archive = WORDPRESS_ARCHIVE.matcher(query.getOrDefault("m", ""));
    if (archive.matches()) {
      int month = archive.group(2) == null ? 0 : Integer.parseInt(archive.group(2));
      return Optional.of(
          movedTo(
              month >= 1 && month <= 12
                  ? "/archive/" + archive.group(1) + "/" + archive.group(2)
                  : "/archive"));
    }
    return Optional.empty();
  }

  /**
   * The page of the tag a Blogger label or WordPress category or tag stands for: by its name, or by
   * WordPress's slug of it ("long-walks" for "Long walks").
   */
  private Optional<String> tagPage(String nameOrSlug) {
    return api.tag(nameOrSlug)
        .or(
            () ->
                nameOrSlug.contains("-") ? api.tag(nameOrSlug.replace('-', ' ')) : Optional.empty())
        .filter(tag -> tag.count() > 0)
        .map(tag -> tagPaths.of(tag.tag()))
        // a slug of the old platform's own ("js" for "JavaScript"), kept by the import as a name
        // the
        // tag had, or a name it had before an editor renamed it
        .or(
            () ->
                api.tagMovedTo(nameOrSlug)
                    .map(
                        slug ->
                            "/tags/" + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8)));
  }

  /**
   * The page of the author an old platform's author address names: by their id here, or by the slug
   * WordPress and Ghost make of a name ("jane-doe" for "Jane Doé"), among those with a published
   * post.
   */
  private Optional<String> authorPage(String slug) {
    String wanted = slug.toLowerCase(Locale.ROOT);
    return api.authors().stream()
        .filter(
            author ->
                author.id().equals(slug)
                    || author.name() != null && slugOf(author.name()).equals(wanted))
        .findFirst()
        .map(
            author ->
                "/authors/" + UriUtils.encodePathSegment(author.id(), StandardCharsets.UTF_8));
  }

  /** Latin letters that Unicode does not decompose into a base letter and a mark. */
  private static final String[][] LETTERS_WITHOUT_DECOMPOSITION = {
    {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"đ", "d"}, {"ł", "l"}, {"þ", "th"}
  };

  /**
   * A name as WordPress and Ghost slug it: lower case, accents and apostrophes dropped, letters
   * such as ø and ß spelled in ASCII, the rest joined by -.
   */
  static String slugOf(String name) {
    String spelled = name.toLowerCase(Locale.ROOT);
    for (String[] letter : LETTERS_WITHOUT_DECOMPOSITION) {
      spelled = spelled.replace(letter[0], letter[1]);
    }
    String folded =
        Normalizer.normalize(spelled, Normalizer.Form.NFKD).replaceAll("[\\p{M}'’]+", "");
    return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }

  /** The page of a tag at a name it had before an editor renamed it: 301 to its page now. */
  private Optional<RedirectView> renamedTag(String path) {
    String prefix = "/tags/";
    if (!path.startsWith(prefix) || path.indexOf('/', prefix.length()) >= 0) {
      return Optional.empty();
    }
    return api.tagMovedTo(path.substring(prefix.length()))
        .map(slug -> movedTo(prefix + UriUtils.encodePathSegment(slug, StandardCharsets.UTF_8)));
  }

  /** A 301 to a path here. */
  static RedirectView movedTo(String path) {
    var view = new RedirectView(path);
    view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
    view.setExposeModelAttributes(false);
    return view;
  }

  /**
   * @param oldPath decoded, with its query
   */
  Optional<RedirectView> redirect(String oldPath) {
    return api.redirect(oldPath)
        .flatMap(
            moved ->
                moved.isRule()
                    ? sentOn(moved)
                    : Optional.of(
                        movedTo(
                            (moved.page() ? "/pages/" : "/posts/")
                                + UriUtils.encodePathSegment(
                                    moved.slug(), StandardCharsets.UTF_8))));
  }

  /**
   * Where an admin's redirect sends the reader: 301 or 302 as they chose; an address a browser
   * should not be sent to is not followed (defence in depth: the API checked it).
   */
  private static Optional<RedirectView> sentOn(BlogApi.Redirect rule) {
    String url = rule.url();
    if (url == null
        || !(url.regionMatches(true, 0, "https://", 0, 8)
            || url.regionMatches(true, 0, "http://", 0, 7))) {
      return Optional.empty();
    }
    var view = new RedirectView(url);
    view.setStatusCode(
        Boolean.FALSE.equals(rule.permanent()) ? HttpStatus.FOUND : HttpStatus.MOVED_PERMANENTLY);
    view.setExposeModelAttributes(false);
    return Optional.of(view);
  }
}
