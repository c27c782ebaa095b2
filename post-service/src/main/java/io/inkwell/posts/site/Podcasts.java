package io.inkwell.posts.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.NotAllowed;
import io.inkwell.posts.post.PictureSizes;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.UnknownPicture;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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

  /** Apple Podcasts' categories (its list of 2019 and later), as its directory spells them. */
  public static final List<String> CATEGORIES =
      List.of(
          "Arts",
          "Business",
          "Comedy",
          "Education",
          "Fiction",
          "Government",
          "Health & Fitness",
          "History",
          "Kids & Family",
          "Leisure",
          "Music",
          "News",
          "Religion & Spirituality",
          "Science",
          "Society & Culture",
          "Sports",
          "Technology",
          "True Crime",
          "TV & Film");

  /** Apple Podcasts' bounds for artwork. */
  static final int COVER_MIN = 1400;

  static final int COVER_MAX = 3000;

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
   * @param cover the address Images gives the artwork ({@code /api/images/{id}})
   * @throws Invalid when the category, the artwork or the address is none the directories take
   * @throws UnknownPicture when the blog keeps no picture at the artwork's address
   */
  public void change(
      String category, boolean explicit, boolean serial, String cover, String email, Actor actor) {
    if (!actor.isAdmin()) {
      throw new NotAllowed("Only admins make the blog a podcast.");
    }
    SiteIdentity.Podcast podcast =
        category == null || category.isBlank()
            ? null
            : new SiteIdentity.Podcast(
                categoryNamed(category.strip()), explicit, serial, coverIn(cover), emailIn(email));
    mongo.upsert(
        Query.query(where("_id").is(SiteIdentity.ID)),
        new Update()
            .set("podcast", podcast)
            .set("updatedAt", Instant.now(clock))
            .set("updatedBy", actor.name()),
        SiteIdentity.class);
  }

  private static String categoryNamed(String given) {
    return CATEGORIES.stream()
        .filter(category -> category.equalsIgnoreCase(given))
        .findFirst()
        .orElseThrow(
            () ->
                new Invalid(
                    "category must be one of Apple Podcasts' categories: "
                        + String.join(", ", CATEGORIES)
                        + "."));
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

  /** Settings no podcast directory takes. */
  static class Invalid extends RuntimeException {

    Invalid(String message) {
      super(message);
    }
  }
}
