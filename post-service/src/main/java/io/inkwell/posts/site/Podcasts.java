package io.inkwell.posts.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.NotAllowed;
import io.inkwell.posts.post.PictureSizes;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.UnknownPicture;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The blog as a podcast: admins choose its category among Apple Podcasts', say whether it is for
 * adults, give it artwork as the directories want it and, if they like, an address the directories
 * write to, to confirm the podcast is theirs (Spotify does). Its RSS feeds then carry the iTunes
 * tags Apple Podcasts and Spotify read, and its posts' episodes are their entries' enclosures; a
 * tag's feed is the podcast of a blog that also writes other posts. No event: only the feeds show
 * it, and they read it.
 */
@Service
public class Podcasts {

  /**
   * Apple Podcasts' categories (its list of 2019 and later) with their subcategories, as its
   * directory spells them, in its order.
   */
  public static final Map<String, List<String>> CATEGORIES =
      inOrder(
          List.of(
              Map.entry(
                  "Arts",
                  List.of(
                      "Books",
                      "Design",
                      "Fashion & Beauty",
                      "Food",
                      "Performing Arts",
                      "Visual Arts")),
              Map.entry(
                  "Business",
                  List.of(
                      "Careers",
                      "Entrepreneurship",
                      "Investing",
                      "Management",
                      "Marketing",
                      "Non-Profit")),
              Map.entry("Comedy", List.of("Comedy Interviews", "Improv", "Stand-Up")),
              Map.entry(
                  "Education",
                  List.of("Courses", "How To", "Language Learning", "Self-Improvement")),
              Map.entry("Fiction", List.of("Comedy Fiction", "Drama", "Science Fiction")),
              Map.entry("Government", List.of()),
              Map.entry(
                  "Health & Fitness",
                  List.of(
                      "Alternative Health",
                      "Fitness",
                      "Medicine",
                      "Mental Health",
                      "Nutrition",
                      "Sexuality")),
              Map.entry("History", List.of()),
              Map.entry(
                  "Kids & Family",
                  List.of("Education for Kids", "Parenting", "Pets & Animals", "Stories for Kids")),
              Map.entry(
                  "Leisure",
                  List.of(
                      "Animation & Manga",
                      "Automotive",
                      "Aviation",
                      "Crafts",
                      "Games",
                      "Hobbies",
                      "Home & Garden",
                      "Video Games")),
              Map.entry("Music", List.of("Music Commentary", "Music History", "Music Interviews")),
              Map.entry(
                  "News",
                  List.of(
                      "Business News",
                      "Daily News",
                      "Entertainment News",
                      "News Commentary",
                      "Politics",
                      "Sports News",
                      "Tech News")),
              Map.entry(
                  "Religion & Spirituality",
                  List.of(
                      "Buddhism",
                      "Christianity",
                      "Hinduism",
                      "Islam",
                      "Judaism",
                      "Religion",
                      "Spirituality")),
              Map.entry(
                  "Science",
                  List.of(
                      "Astronomy",
                      "Chemistry",
                      "Earth Sciences",
                      "Life Sciences",
                      "Mathematics",
                      "Natural Sciences",
                      "Nature",
                      "Physics",
                      "Social Sciences")),
              Map.entry(
                  "Society & Culture",
                  List.of(
                      "Documentary",
                      "Personal Journals",
                      "Philosophy",
                      "Places & Travel",
                      "Relationships")),
              Map.entry(
                  "Sports",
                  List.of(
                      "Baseball",
                      "Basketball",
                      "Cricket",
                      "Fantasy Sports",
                      "Football",
                      "Golf",
                      "Hockey",
                      "Rugby",
                      "Running",
                      "Soccer",
                      "Swimming",
                      "Tennis",
                      "Volleyball",
                      "Wilderness",
                      "Wrestling")),
              Map.entry("Technology", List.of()),
              Map.entry("True Crime", List.of()),
              Map.entry(
                  "TV & Film",
                  List.of(
                      "After Shows",
                      "Film History",
                      "Film Interviews",
                      "Film Reviews",
                      "TV Reviews"))));

  private static Map<String, List<String>> inOrder(List<Map.Entry<String, List<String>>> entries) {
    var ordered = new LinkedHashMap<String, List<String>>();
    entries.forEach(entry -> ordered.put(entry.getKey(), entry.getValue()));
    return Collections.unmodifiableMap(ordered);
  }

  /** Apple Podcasts' bounds for artwork. */
  static final int COVER_MIN = 1400;

  static final int COVER_MAX = 3000;

  /**
   * A directory's page of a podcast, as listeners' browsers and share buttons give it.
   *
   * @param page the page's address, perhaps with a query
   * @param canonical the page's address without the query, from {@code page}'s groups
   */
  private record Directory(String field, Pattern page, String canonical, String example) {}

  private static final Directory APPLE_PODCASTS =
      new Directory(
          "applePodcasts",
          Pattern.compile(
              "(https://podcasts\\.apple\\.com/(?:[a-z]{2}/)?podcast/(?:[^\\s/?#<>\"]{1,200}/)?"
                  + "id\\d{1,15})(?:[?#]\\S*)?"),
          "$1",
          "https://podcasts.apple.com/us/podcast/the-harbour-hour/id1234567890");

  private static final Directory SPOTIFY =
      new Directory(
          "spotify",
          Pattern.compile(
              "https://open\\.spotify\\.com/(?:intl-[a-z-]{2,8}/)?show/([A-Za-z0-9]{22})(?:[?#]\\S*)?"),
          "https://open.spotify.com/show/$1",
          "https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe");

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");

  private final MongoOperations mongo;
  private final PostSettings settings;
  private final PictureSizes pictures;
  private final Clock clock;

  Podcasts(MongoOperations mongo, PostSettings settings, PictureSizes pictures, Clock clock) {
    this.mongo = mongo;
    this.settings = settings;
    this.pictures = pictures;
    this.clock = clock;
  }

  /**
   * Makes the blog a podcast, or, with no category, no longer one (admins).
   *
   * @param subcategory one of the category's subcategories, or null or empty for none
   * @param cover the address Images gives the artwork ({@code /api/images/{id}})
   * @param listings where listeners find it in the directories, once they list it
   * @throws Invalid when the category, the artwork or the address is none the directories take
   * @throws UnknownPicture when the blog keeps no picture at the artwork's address
   */
  public void change(
      String category,
      String subcategory,
      boolean explicit,
      boolean serial,
      String cover,
      String email,
      Listings listings,
      Actor actor) {
    if (!actor.isAdmin()) {
      throw new NotAllowed("Only admins make the blog a podcast.");
    }
    SiteIdentity.Podcast podcast = null;
    if (category != null && !category.isBlank()) {
      String named = categoryNamed(category.strip());
      podcast =
          new SiteIdentity.Podcast(
              named,
              subcategoryOf(named, subcategory),
              explicit,
              serial,
              coverIn(cover),
              emailIn(email),
              listedAt(listings.applePodcasts(), APPLE_PODCASTS),
              listedAt(listings.spotify(), SPOTIFY));
    }
    mongo.upsert(
        Query.query(where("_id").is(SiteIdentity.ID)),
        new Update()
            .set("podcast", podcast)
            .set("updatedAt", Instant.now(clock))
            .set("updatedBy", actor.name()),
        SiteIdentity.class);
  }

  private static String categoryNamed(String given) {
    return CATEGORIES.keySet().stream()
        .filter(category -> category.equalsIgnoreCase(given))
        .findFirst()
        .orElseThrow(
            () ->
                new Invalid(
                    "category must be one of Apple Podcasts' categories: "
                        + String.join(", ", CATEGORIES.keySet())
                        + "."));
  }

  /** One of the category's subcategories as Apple spells it, or null for none. */
  private static String subcategoryOf(String category, String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    List<String> subcategories = CATEGORIES.get(category);
    return subcategories.stream()
        .filter(subcategory -> subcategory.equalsIgnoreCase(given.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new Invalid(
                    subcategories.isEmpty()
                        ? "subcategory: Apple Podcasts' " + category + " has none."
                        : "subcategory must be one of Apple Podcasts' "
                            + category
                            + ": "
                            + String.join(", ", subcategories)
                            + ", or empty."));
  }

  /** The id of the artwork, after checking the directories take it. */
  private String coverIn(String address) {
    String id = address == null ? "" : PictureSizes.idIn(address, settings.siteUrl());
    if (id.isEmpty()) {
      throw new Invalid(
          "A podcast needs its artwork: the address of a square picture of the blog's, "
              + COVER_MIN
              + " to "
              + COVER_MAX
              + " pixels wide.");
    }
    var size =
        pictures.of(PictureSizes.PATH + id).orElseThrow(() -> new UnknownPicture(address.strip()));
    if (!takenAsArtwork(id, size.width(), size.height())) {
      String format = id.substring(id.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      throw new Invalid(
          "A podcast's artwork must be a square JPEG or PNG between "
              + COVER_MIN
              + " and "
              + COVER_MAX
              + " pixels wide, as Apple Podcasts asks; this one is a "
              + format.toUpperCase(Locale.ROOT)
              + " of "
              + size.width()
              + " × "
              + size.height()
              + ".");
    }
    return id;
  }

  /**
   * Whether the directories take this picture of the blog's as artwork, the podcast's or an
   * episode's: a square JPEG or PNG of {@value #COVER_MIN} to {@value #COVER_MAX} pixels.
   *
   * @param id the picture's id, which ends in its format's extension
   */
  public static boolean takenAsArtwork(String id, int width, int height) {
    String format = id.substring(id.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return width == height
        && width >= COVER_MIN
        && width <= COVER_MAX
        && List.of("jpg", "jpeg", "png").contains(format);
  }

  /**
   * A directory's page of the podcast, without what its share button adds ({@code ?uo=4}, {@code
   * ?si=…}); null for none.
   */
  private static String listedAt(String given, Directory directory) {
    if (given == null || given.isBlank()) {
      return null;
    }
    Matcher listed = directory.page().matcher(given.strip());
    if (!listed.matches()) {
      throw new Invalid(
          directory.field()
              + " must be the podcast's page there, such as "
              + directory.example()
              + ", or empty.");
    }
    return listed.replaceFirst(directory.canonical());
  }

  private static String emailIn(String given) {
    if (given == null || given.isBlank()) {
      return null;
    }
    String email = given.strip();
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new Invalid("email must be an address such as podcast@example.org, or empty.");
    }
    return email;
  }

  /**
   * Where listeners find the podcast in the directories that list it, once they do (each left out
   * until then): its pages in Apple Podcasts and Spotify.
   */
  public record Listings(String applePodcasts, String spotify) {}

  /** Settings no podcast directory takes. */
  static class Invalid extends RuntimeException {

    Invalid(String message) {
      super(message);
    }
  }
}
