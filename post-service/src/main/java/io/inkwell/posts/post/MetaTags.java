package io.inkwell.posts.post;

/**
 * How a post appears in search results and shared links when its author wants it otherwise than its
 * title and excerpt (Ghost's "Meta data", Blogger's "Search description"), and the address of its
 * original when it was first published elsewhere (Ghost's canonical URL). Plain text; each is null
 * when the post's own is used.
 *
 * @param title the title search engines and shared links show
 * @param description the description they show
 * @param canonicalUrl an absolute http(s) address that search engines should credit
 */
public record MetaTags(String title, String description, String canonicalUrl) {

  public static final MetaTags NONE = new MetaTags(null, null, null);

  /** Empty, or http(s)://host/… without spaces or control characters. */
  public static final String CANONICAL_URL = "|https?://[^\\s/?#]+(?:[/?#]\\S*)?";

  /**
   * The {@code wp:postmeta} keys WordPress's most used SEO plugin (Yoast SEO) keeps them under:
   * read from a WordPress export, written into one.
   */
  public static final String YOAST_TITLE = "_yoast_wpseo_title";

  public static final String YOAST_DESCRIPTION = "_yoast_wpseo_metadesc";

  public static final String YOAST_CANONICAL = "_yoast_wpseo_canonical";

  public static final int LONGEST_TITLE = 300;

  public static final int LONGEST_DESCRIPTION = 500;

  /**
   * As another platform kept them (Yoast SEO's fields in a WordPress export): what is longer than
   * an author may write here, or no web address, is left out, and so are Yoast's templates ({@code
   * %%title%% %%sep%% %%sitename%%}), which are no text of the post.
   */
  public static MetaTags imported(String title, String description, String canonicalUrl) {
    String address = text(canonicalUrl, 2_000);
    return new MetaTags(
        text(title, LONGEST_TITLE),
        text(description, LONGEST_DESCRIPTION),
        address != null && address.matches(CANONICAL_URL) ? address : null);
  }

  private static String text(String value, int longest) {
    if (value == null || value.contains("%%")) {
      return null;
    }
    String text = value.strip();
    return text.isEmpty() || text.length() > longest ? null : text;
  }

  /**
   * These, with each one the author left out ({@code null}) as it was and each one left empty
   * ({@code ""}) removed: an editor that knows nothing of them changes nothing.
   */
  MetaTags changedBy(String newTitle, String newDescription, String newCanonicalUrl) {
    return new MetaTags(
        chosen(newTitle, title),
        chosen(newDescription, description),
        chosen(newCanonicalUrl, canonicalUrl));
  }

  private static String chosen(String given, String was) {
    if (given == null) {
      return was;
    }
    String text = given.strip();
    return text.isEmpty() ? null : text;
  }
}
