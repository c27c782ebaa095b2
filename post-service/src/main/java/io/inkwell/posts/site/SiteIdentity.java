package io.inkwell.posts.site;

import io.inkwell.posts.post.PictureSizes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The blog's title and description as its admins set them (Blogger's Settings → Basic, Ghost's
 * "Title and description"): one document, which also keeps the {@link SiteChanged} events not yet
 * relayed in its outbox.
 *
 * @param description one paragraph of plain text; empty for none, null while never set
 * @param version how many changes it has seen; 0 while never set
 * @param navigation the links every page's header shows beside the pages (Ghost's Navigation,
 *     WordPress's menus), in order; none while never set
 * @param language the language its posts are written in, a BCP 47 tag ({@link LanguageTags}); null
 *     while never set
 * @param timeZone the zone its dates are shown and its archive counted in, a name of the IANA
 *     database ({@link TimeZones}); null while never set
 * @param accentColor the colour of the reader site's links and buttons ({@code #1a7f5a}, Ghost's
 *     "Accent color"); null for the theme's own
 * @param icon the id of the picture browsers show beside the blog's name in tabs and bookmarks, a
 *     phone on its home screen and readers' mail at its top (Ghost's "Publication icon",
 *     WordPress's "Site Icon"); null for the platform's own
 * @param logo the picture every page's header and readers' mails show instead of the blog's name in
 *     letters (Ghost's "Publication logo", WordPress's "Custom Logo"); null for the name
 * @param podcast what podcast directories read in the blog's RSS feeds, where its posts' episodes
 *     are; null while the blog is not a podcast
 * @param feedContent what each entry of its feeds carries ({@link FeedContent}, WordPress's "For
 *     each post in a feed, include", Blogger's "Allow blog feed"); null while never set: the whole
 *     post
 */
@Document(SiteIdentity.COLLECTION)
public record SiteIdentity(
    @Id String id,
    String title,
    String description,
    Instant updatedAt,
    String updatedBy,
    Long version,
    List<NavigationLink> navigation,
    String language,
    String timeZone,
    String accentColor,
    String icon,
    Logo logo,
    Podcast podcast,
    FeedContent feedContent) {

  /** Boxed: an identity saved before versions were counted has none (0). */
  public SiteIdentity {
    version = version == null ? 0 : version;
    navigation = navigation == null ? List.of() : List.copyOf(navigation);
    feedContent = feedContent == null ? FeedContent.FULL : feedContent;
  }

  /**
   * What each entry of the blog's feeds carries: the whole post, which feed readers show in full,
   * or its excerpt only, which leads readers to the post's page to read on (a podcast's episodes
   * stay in the feed either way).
   */
  public enum FeedContent {
    FULL,
    EXCERPT
  }

  /** The {@link #timeZone()} for java.time. */
  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  /** Where browsers fetch the {@link #icon()}; null without one. */
  public String iconUrl() {
    return icon == null ? null : PictureSizes.PATH + icon;
  }

  /** Which way the language's text runs: {@code rtl} or {@code ltr}. */
  public String direction() {
    return LanguageTags.direction(language);
  }

  /**
   * The logo: one of the blog's pictures, with its size, so that pages keep its room while it
   * loads.
   *
   * @param image the picture's id
   */
  public record Logo(String image, int width, int height) {

    /** Where browsers fetch it. */
    public String url() {
      return PictureSizes.PATH + image;
    }
  }

  /**
   * The blog as a podcast (Apple Podcasts' and Spotify's tags in its RSS feeds).
   *
   * @param category one of Apple Podcasts' categories ({@link Podcasts#CATEGORIES})
   * @param subcategory one of the category's subcategories; null for none
   * @param explicit whether its episodes are for adults only
   * @param serial whether its episodes are heard in order, as a story's (Apple's {@code serial}
   *     type), rather than each alone ({@code episodic}); false in a podcast made before it was
   *     kept
   * @param cover the id of its square artwork, 1400 to 3000 pixels, JPEG or PNG
   * @param email where directories write to confirm the podcast is the owner's (shown in the feed);
   *     null for none
   */
  /**
   * @param applePodcasts the podcast's page in Apple Podcasts, once it is listed there; or null
   * @param spotify the show's page in Spotify, once it is listed there; or null
   */
  public record Podcast(
      String category,
      String subcategory,
      boolean explicit,
      boolean serial,
      String cover,
      String email,
      String applePodcasts,
      String spotify) {

    /** Where directories fetch the {@link #cover()}. */
    public String coverUrl() {
      return PictureSizes.PATH + cover;
    }
  }

  /**
   * A link of the navigation.
   *
   * @param url a path of this blog ({@code /tags/travel}) or an http or https address
   */
  public record NavigationLink(String label, String url) {}

  public static final String COLLECTION = "site";
  static final String ID = "site";
}
