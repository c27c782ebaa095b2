package io.inkwell.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A published post as the public API gives it (other fields are ignored); {@code page} for a page
 * (About, Contact), read at {@code /pages/{slug}}; {@code featured} for a post shown first on the
 * home page; {@code status} PUBLISHED but for a preview link's draft or scheduled post; {@code
 * cover} the picture at its head, or null; {@code metaTitle}, {@code metaDescription} and {@code
 * canonicalUrl} what its author chose for search engines and shared links, or null; {@code
 * seasonNumber}, {@code episodeNumber} and {@code episodeType} ({@code trailer}, {@code bonus})
 * what its author said of its podcast episode, or null; {@code match} and {@code titleMatch} in a
 * search's results, where the reader's words stand in its text and in its title, or null; {@code
 * tagNames} its {@code tags} as readers are shown them ("WPC" for "wpc"), in their order.
 */
public record Post(
    String id,
    String slug,
    String title,
    String excerpt,
    String bodyHtml,
    List<String> tags,
    List<String> tagNames,
    boolean commentsOpen,
    Boolean page,
    Author author,
    Instant publishedAt,
    Instant updatedAt,
    Boolean featured,
    String status,
    Cover cover,
    String metaTitle,
    String metaDescription,
    String canonicalUrl,
    Integer seasonNumber,
    Integer episodeNumber,
    String episodeType,
    Match match,
    Match titleMatch) {

  public record Author(String id, String name) {}

  /** A tag of the post: the tag, which its page's address is made of, and its name. */
  public record ShownTag(String tag, String name) {}

  /** Its tags with their names; a tag the API gave no name for is shown as it is. */
  public List<ShownTag> shownTags() {
    boolean named = tagNames != null && tagNames.size() == tags.size();
    return java.util.stream.IntStream.range(0, tags.size())
        .mapToObj(i -> new ShownTag(tags.get(i), named ? tagNames.get(i) : tags.get(i)))
        .toList();
  }

  /** The words a search found in a post's text, with those before and after them. */
  public record Match(String before, String words, String after) {}

  /** The picture at the head of a post, as the API gives it. */
  public record Cover(String url, String alt, int width, int height, String srcset, String sizes) {

    public Cover {
      alt = alt == null ? "" : alt;
    }
  }

  /** The title search engines and shared links show: the author's choice, else the post's own. */
  public String searchTitle(String blogName) {
    return metaTitle != null ? metaTitle : title + " – " + blogName;
  }

  /** The description they show: the author's choice, else the excerpt. */
  public String searchDescription() {
    return metaDescription != null ? metaDescription : excerpt;
  }

  /** The address search engines credit: where it first appeared, else its own here. */
  public String canonicalUrl(String own) {
    return canonicalUrl != null ? canonicalUrl : own;
  }

  /** Words a reader reads in a minute, the figure Ghost uses. */
  private static final int WORDS_PER_MINUTE = 275;

  /**
   * The minutes of "4 min read", from the words of the sanitised body, a started minute counting
   * whole. Markup is no words; a character of the scripts written without spaces between words is
   * one word, as Ghost counts them (Chinese, Japanese's kana, Korean's syllables); anything else
   * between spaces of any kind (a no-break space too) is one. One pass over the text: a page of
   * posts asks it of each, and a regular expression of Unicode scripts spent most of such a page's
   * time (bench/README.md).
   */
  public long readingMinutes() {
    String html = bodyHtml == null ? "" : bodyHtml;
    long words = 0;
    boolean inWord = false;
    for (int i = 0; i < html.length(); ) {
      int c = html.codePointAt(i);
      int tagEnd = c == '<' ? html.indexOf('>', i) : -1;
      if (tagEnd >= 0) {
        inWord = false;
        i = tagEnd + 1;
        continue;
      }
      if (unspaced(c)) {
        words++;
        inWord = false;
      } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        inWord = false;
      } else if (!inWord) {
        words++;
        inWord = true;
      }
      i += Character.charCount(c);
    }
    return Math.max(1, (words + WORDS_PER_MINUTE - 1) / WORDS_PER_MINUTE);
  }

  /** No character of these scripts comes before Hangul's jamo, U+1100. */
  private static boolean unspaced(int c) {
    if (c < 0x1100) {
      return false;
    }
    var script = Character.UnicodeScript.of(c);
    return script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA
        || script == Character.UnicodeScript.HANGUL;
  }

  /**
   * The picture a shared link's card shows (og:image): the cover, else the first picture of the
   * body; as written (often relative), or null.
   */
  public String sharedImage() {
    return cover != null ? widestCopy(cover.url(), cover.srcset()) : firstImage();
  }

  /**
   * The address of the first picture the post's body shows, as {@link #sharedImage()}: a picture,
   * or a YouTube video's own picture (its thumbnail, at an address YouTube gives every video).
   */
  public String firstImage() {
    if (bodyHtml == null || !(bodyHtml.contains("<img") || bodyHtml.contains(YOUTUBE_PLAYER))) {
      return null;
    }
    for (var shown : org.jsoup.Jsoup.parseBodyFragment(bodyHtml).select("img[src], iframe[src]")) {
      if (shown.is("img")) {
        return widestCopy(shown.attr("src"), shown.attr("srcset"));
      }
      String player = shown.attr("src");
      if (player.startsWith(YOUTUBE_PLAYER)) {
        String video = player.substring(YOUTUBE_PLAYER.length()).split("[?#]", 2)[0];
        return "https://i.ytimg.com/vi/" + video + "/hqdefault.jpg";
      }
    }
    return null;
  }

  /** YouTube's player as post-service writes it into a post, before the video's id. */
  private static final String YOUTUBE_PLAYER = "https://www.youtube-nocookie.com/embed/";

  /**
   * Of a picture with narrower copies, the widest up to {@value #SHARED_WIDTH} pixels: what a
   * shared link's card needs, not the camera's megabytes.
   */
  private static String widestCopy(String src, String srcset) {
    String chosen = src;
    int chosenWidth = 0;
    // "a.jpg?w=600 600w, a.jpg?w=1000 1000w, a.jpg 2400w"
    for (String candidate : (srcset == null ? "" : srcset).split(",")) {
      String[] parts = candidate.strip().split("\\s+");
      if (parts.length == 2 && parts[1].matches("\\d{1,5}w")) {
        int width = Integer.parseInt(parts[1].substring(0, parts[1].length() - 1));
        if (width <= SHARED_WIDTH && width > chosenWidth) {
          chosen = parts[0];
          chosenWidth = width;
        }
      }
    }
    return chosen;
  }

  private static final int SHARED_WIDTH = 1600;

  public Post {
    tags = tags == null ? List.of() : tags;
    // an API from before pages says nothing: a post
    page = page != null && page;
    featured = featured != null && featured;
  }

  public boolean published() {
    return status == null || status.equals("PUBLISHED");
  }
}
