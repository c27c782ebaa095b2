package io.inkwell.web.reader;

import io.inkwell.web.WebSettings;
import io.inkwell.web.api.BlogApi;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The blog's name, description and pages menu for the layout of every page, error pages included
 * (they are rendered outside the controllers), as {@code ${@site.blogName()}}. Each is asked of the
 * API at most every 30 seconds, not for every page view; the footer's popular posts every 5
 * minutes.
 */
@Component("site")
public class Site {

  private static final Duration MENU_LIFETIME = Duration.ofSeconds(30);

  private final WebSettings settings;
  private final BlogApi api;
  private final AtomicReference<Menu> menu =
      new AtomicReference<>(new Menu(List.of(), Instant.MIN));

  public Site(WebSettings settings, BlogApi api) {
    this.settings = settings;
    this.api = api;
  }

  private record Menu(List<BlogApi.Neighbour> pages, Instant fetched) {}

  /** The published pages, for the header's menu; the last known ones while the API is away. */
  public List<BlogApi.Neighbour> pages() {
    Menu known = menu.get();
    Instant now = Instant.now();
    if (known.fetched().isBefore(now.minus(MENU_LIFETIME))) {
      try {
        known = new Menu(api.pages(), now);
        menu.set(known);
      } catch (RuntimeException unavailable) {
        // the API is away: the menu as it was
      }
    }
    return known.pages();
  }

  /** Which posts are read most changes slowly: asked every few minutes. */
  private static final Duration POPULAR_LIFETIME = Duration.ofMinutes(5);

  private static final int POPULAR_SHOWN = 5;

  private record Read(List<BlogApi.Neighbour> posts, Instant fetched) {}

  private final AtomicReference<Read> popular =
      new AtomicReference<>(new Read(List.of(), Instant.MIN));

  /**
   * The posts read most in the last 30 days, for every page's footer (Blogger's "Popular Posts"
   * gadget); none on a blog whose readers' views were not counted yet, the last known ones while
   * the API is away.
   */
  public List<BlogApi.Neighbour> popularPosts() {
    Read known = popular.get();
    Instant now = Instant.now();
    if (known.fetched().isBefore(now.minus(POPULAR_LIFETIME))) {
      try {
        known = new Read(api.popularPosts(POPULAR_SHOWN), now);
      } catch (RuntimeException unavailable) {
        // asked again after the same while, not at every page while the API is away
        known = new Read(known.posts(), now);
      }
      popular.set(known);
    }
    return known.posts();
  }

  private record Identity(BlogApi.SiteIdentity set, Instant fetched) {}

  private final AtomicReference<Identity> identity =
      new AtomicReference<>(new Identity(null, Instant.MIN));

  /** The title the blog's admins set, or the configured one while the API has none to give. */
  public String blogName() {
    BlogApi.SiteIdentity set = identity();
    return set == null || set.title() == null || set.title().isBlank()
        ? settings.blogName()
        : set.title();
  }

  public String blogDescription() {
    BlogApi.SiteIdentity set = identity();
    return set == null || set.description() == null
        ? settings.blogDescription()
        : set.description();
  }

  /** The links an admin put in the header, in their order (only those a browser may follow). */
  public List<BlogApi.Link> navigation() {
    BlogApi.SiteIdentity set = identity();
    return set == null ? List.of() : set.navigation().stream().filter(BlogApi.Link::safe).toList();
  }

  /**
   * The language the blog is written in, for {@code <html lang>}, feeds and search engines (a BCP
   * 47 tag, {@code pt-BR}); English while the API does not say.
   */
  public String language() {
    BlogApi.SiteIdentity set = identity();
    return set == null || set.language() == null || !LANGUAGE_TAG.matcher(set.language()).matches()
        ? "en"
        : set.language();
  }

  /** What a language tag may be made of (defence in depth: the API checked it). */
  private static final Pattern LANGUAGE_TAG = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  /**
   * Which way its text runs, for {@code <html dir>}: {@code rtl} when the API says so (Arabic,
   * Persian, Hebrew, Urdu…), {@code ltr} otherwise.
   */
  public String direction() {
    BlogApi.SiteIdentity set = identity();
    return set != null && "rtl".equals(set.direction()) && language().equals(set.language())
        ? "rtl"
        : "ltr";
  }

  /**
   * The zone the blog's dates are shown in and its archive's months counted in: the one an admin
   * chose in Settings, or the configured {@code inkwell.web.time-zone} while the API names none (or
   * one this Java does not know).
   */
  public ZoneId timeZone() {
    BlogApi.SiteIdentity set = identity();
    if (set == null || set.timeZone() == null) {
      return settings.timeZone();
    }
    try {
      return ZoneId.of(set.timeZone());
    } catch (DateTimeException unknown) {
      return settings.timeZone();
    }
  }

  /** The colour an admin gave the blog's links and buttons; null for the theme's own. */
  public Accent accent() {
    BlogApi.SiteIdentity set = identity();
    return set == null ? null : Accent.of(set.accentColor());
  }

  /**
   * Where browsers fetch the icon an admin gave the blog ({@code /api/images/…}), for tabs,
   * bookmarks and home screens; null for the platform's own.
   */
  public String icon() {
    BlogApi.SiteIdentity set = identity();
    return set != null && set.icon() != null && PICTURE.matcher(set.icon()).matches()
        ? set.icon()
        : null;
  }

  /**
   * The logo an admin gave the blog, which the header shows instead of its name in letters; null
   * for the name.
   */
  public BlogApi.Logo logo() {
    BlogApi.SiteIdentity set = identity();
    return set != null
            && set.logo() != null
            && set.logo().url() != null
            && PICTURE.matcher(set.logo().url()).matches()
            && set.logo().width() > 0
            && set.logo().height() > 0
        ? set.logo()
        : null;
  }

  /**
   * The blog as a podcast, for the header's "Listen on" line; null while it is none. Its pages in
   * the directories are linked only as the API checked them: theirs, over https.
   */
  public BlogApi.Podcast podcast() {
    BlogApi.SiteIdentity set = identity();
    if (set == null || set.podcast() == null) {
      return null;
    }
    BlogApi.Podcast podcast = set.podcast();
    return new BlogApi.Podcast(
        podcast.category(),
        listedAt(podcast.applePodcasts(), "https://podcasts.apple.com/"),
        listedAt(podcast.spotify(), "https://open.spotify.com/show/"));
  }

  private static String listedAt(String page, String directory) {
    return page != null && page.startsWith(directory) ? page : null;
  }

  /**
   * The icon's absolute address, for what a shared link shows of a page without a picture of its
   * own; null without an icon.
   */
  public String iconAddress() {
    String icon = icon();
    return icon == null ? null : settings.siteUrl() + icon;
  }

  /** One of the blog's pictures (defence in depth: the API checked it). */
  private static final Pattern PICTURE = Pattern.compile("/api/images/[A-Za-z0-9._-]+");

  /** The blog's language as Java formats dates in it. */
  public Locale locale() {
    return Locale.forLanguageTag(language());
  }

  /**
   * OpenGraph's {@code og:locale} ({@code pt_BR}): a language with its country, so none for a
   * language alone.
   */
  public String ogLocale() {
    Locale locale = locale();
    return locale.getCountry().isEmpty() ? null : locale.getLanguage() + "_" + locale.getCountry();
  }

  /** After an admin changed them here: the next page shows the new title, not the cached one. */
  public void forgetIdentity() {
    identity.set(new Identity(null, Instant.MIN));
  }

  private BlogApi.SiteIdentity identity() {
    Identity known = identity.get();
    Instant now = Instant.now();
    if (known.fetched().isBefore(now.minus(MENU_LIFETIME))) {
      try {
        known = new Identity(api.site().orElse(known.set()), now);
        identity.set(known);
      } catch (RuntimeException unavailable) {
        // the API is away: the title as it was
      }
    }
    return known.set();
  }
}
