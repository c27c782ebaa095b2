package io.inkwell.posts.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.outbox.Outbox;
import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.BlogTimeZone;
import io.inkwell.posts.post.NotAllowed;
import io.inkwell.posts.post.PictureSizes;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.TraceContexts;
import io.inkwell.posts.post.UnknownPicture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The blog's title and description: what admins set, or until then the configured name ({@code
 * inkwell.posts.blog-name}) and no description. A change and its {@link SiteChanged} event are one
 * single-document write, like a post's.
 */
@Service
public class Sites implements BlogTimeZone {

  private static final int ATTEMPTS = 5;

  private final MongoOperations mongo;
  private final PostSettings settings;
  private final Clock clock;
  private final TraceContexts traces;
  private final String configuredLanguage;
  private final String configuredTimeZone;
  private final PictureSizes pictures;

  Sites(
      MongoOperations mongo,
      PostSettings settings,
      Clock clock,
      TraceContexts traces,
      PictureSizes pictures) {
    this.mongo = mongo;
    this.pictures = pictures;
    this.settings = settings;
    this.clock = clock;
    this.traces = traces;
    try {
      this.configuredLanguage = LanguageTags.normalised(settings.language());
      this.configuredTimeZone = TimeZones.normalised(settings.timeZone());
    } catch (LanguageTags.Invalid | TimeZones.Invalid e) {
      throw new IllegalStateException("inkwell.posts." + e.getMessage(), e);
    }
  }

  /** As admins set it; what they never set, as configured. */
  @Override
  public ZoneId zone() {
    return current().zone();
  }

  public SiteIdentity current() {
    SiteIdentity stored = mongo.findById(SiteIdentity.ID, SiteIdentity.class);
    if (stored == null) {
      return new SiteIdentity(
          SiteIdentity.ID,
          settings.blogName(),
          null,
          null,
          null,
          0L,
          null,
          configuredLanguage,
          configuredTimeZone,
          null,
          null,
          null,
          null,
          null);
    }
    // links or a language set before any title: the configured name still
    return new SiteIdentity(
        stored.id(),
        stored.title() != null ? stored.title() : settings.blogName(),
        stored.description(),
        stored.updatedAt(),
        stored.updatedBy(),
        stored.version(),
        stored.navigation(),
        stored.language() != null ? stored.language() : configuredLanguage,
        stored.timeZone() != null ? stored.timeZone() : configuredTimeZone,
        stored.accentColor(),
        stored.icon(),
        stored.logo(),
        stored.podcast(),
        stored.feedContent());
  }

  /**
   * Sets the header's links, in order (admins). Labels are single lines of plain text; addresses
   * were checked by the caller (a path here, or http or https). No event: only the reader site
   * shows them, and it asks.
   */
  public SiteIdentity navigate(List<SiteIdentity.NavigationLink> links, Actor actor) {
    if (!actor.isAdmin()) {
      throw new NotAllowed("Only admins change the blog's navigation.");
    }
    var clean =
        links.stream()
            .map(link -> new SiteIdentity.NavigationLink(plain(link.label()), link.url().strip()))
            .toList();
    if (clean.stream().anyMatch(link -> link.label().isEmpty())) {
      throw new NoLabel();
    }
    mongo.upsert(
        Query.query(where("_id").is(SiteIdentity.ID)),
        new Update()
            .set("navigation", clean)
            .set("updatedAt", Instant.now(clock))
            .set("updatedBy", actor.name()),
        SiteIdentity.class);
    return current();
  }

  /** A link whose label is control characters and spaces only. */
  static class NoLabel extends RuntimeException {

    NoLabel() {
      super("Each link needs a label: letters, not only spaces or control characters.");
    }
  }

  /**
   * Admins only; title and description each a single line of plain text (control characters and
   * runs of space go).
   *
   * @throws LanguageTags.Invalid when the language is no such tag
   * @throws TimeZones.Invalid when the database has no such zone
   * @throws NoColor when the accent colour is none
   * @throws UnknownPicture when the blog keeps no picture at the icon's or the logo's address
   * @throws NotAnIcon when the icon is not square or of a size browsers show as an icon
   * @throws NotALogo when the logo is of a size no header shows well
   * @throws NoFeedContent when the feeds' content is neither {@code FULL} nor {@code EXCERPT}
   */
  public SiteIdentity change(SiteChange wanted, Actor actor) {
    if (!actor.isAdmin()) {
      throw new NotAllowed("Only admins change the blog's title and description.");
    }
    String cleanTitle = plain(wanted.title());
    if (cleanTitle.isEmpty()) {
      throw new NoTitle();
    }
    String cleanDescription = plain(wanted.description());
    String cleanLanguage =
        wanted.language() == null ? null : LanguageTags.normalised(wanted.language());
    String cleanTimeZone =
        wanted.timeZone() == null ? null : TimeZones.normalised(wanted.timeZone());
    String cleanAccent = wanted.accentColor() == null ? null : colour(wanted.accentColor());
    String iconId = wanted.icon() == null ? null : iconIn(wanted.icon());
    // empty: none
    Optional<SiteIdentity.Logo> logo =
        wanted.logo() == null ? null : Optional.ofNullable(logoIn(wanted.logo()));
    SiteIdentity.FeedContent feedContent =
        wanted.feedContent() == null ? null : feedContent(wanted.feedContent());
    // Last writer wins, as in Blogger's settings; the version only orders the events.
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      SiteIdentity before = current();
      long seen = before.version();
      Instant now = Instant.now(clock);
      var event =
          SiteChanged.of(
              seen + 1,
              now,
              cleanTitle,
              cleanDescription,
              cleanLanguage != null ? cleanLanguage : before.language(),
              cleanTimeZone != null ? cleanTimeZone : before.timeZone(),
              iconId == null
                  ? before.iconUrl()
                  : iconId.isEmpty() ? null : PictureSizes.PATH + iconId,
              cleanAccent == null
                  ? before.accentColor()
                  : cleanAccent.isEmpty() ? null : cleanAccent,
              logo == null ? before.logo() : logo.orElse(null));
      var update =
          new Update()
              .set("title", cleanTitle)
              .set("description", cleanDescription)
              .set("updatedAt", now)
              .set("updatedBy", actor.name())
              .set("version", event.version())
              .push(Outbox.FIELD, stored(event));
      if (cleanLanguage != null) {
        update.set("language", cleanLanguage);
      }
      if (cleanTimeZone != null) {
        update.set("timeZone", cleanTimeZone);
      }
      if (cleanAccent != null) {
        // empty: the theme's own again
        update.set("accentColor", cleanAccent.isEmpty() ? null : cleanAccent);
      }
      if (iconId != null) {
        // empty: the platform's own again
        update.set("icon", iconId.isEmpty() ? null : iconId);
      }
      if (logo != null) {
        update.set("logo", logo.orElse(null));
      }
      if (feedContent != null) {
        update.set("feedContent", feedContent);
      }
      // A stored identity from before versions has none: version 0.
      Object[] unchanged = seen == 0 ? new Object[] {0L, null} : new Object[] {seen};
      try {
        var written =
            mongo.upsert(
                Query.query(where("_id").is(SiteIdentity.ID).and("version").in(unchanged)),
                update,
                SiteIdentity.COLLECTION);
        if (written.getMatchedCount() > 0 || written.getUpsertedId() != null) {
          return current();
        }
      } catch (DuplicateKeyException changedMeanwhile) {
        // another admin saved between our read and write: read again and write over it
      }
    }
    throw new OptimisticLockingFailureException(
        "The site settings kept changing; tried " + ATTEMPTS + " times.");
  }

  private Document stored(SiteChanged event) {
    var stored =
        (Document)
            mongo.getConverter().convertToMongoType(event, TypeInformation.of(SiteChanged.class));
    String traceparent = traces.current();
    if (traceparent != null) {
      // kept beside the event, not in it: the relay sends within this trace
      stored.put(TraceContexts.FIELD, traceparent);
    }
    return stored;
  }

  private static final Pattern COLOUR = Pattern.compile("#(\\p{XDigit}{3}|\\p{XDigit}{6})");

  /** {@code #RGB} or {@code #rrggbb} as {@code #rrggbb}; empty as empty. */
  private static String colour(String given) {
    String colour = given.strip().toLowerCase(Locale.ROOT);
    if (colour.isEmpty()) {
      return colour;
    }
    if (!COLOUR.matcher(colour).matches()) {
      throw new NoColor();
    }
    if (colour.length() == 7) {
      return colour;
    }
    StringBuilder doubled = new StringBuilder("#");
    colour.chars().skip(1).forEach(digit -> doubled.append((char) digit).append((char) digit));
    return doubled.toString();
  }

  /** Ghost's bounds: smaller is a blur in a high-density tab, larger is a slow first page. */
  static final int ICON_MIN = 60;

  static final int ICON_MAX = 1000;

  /** The id of the picture an icon's address names, after checking it makes one; empty as empty. */
  private String iconIn(String address) {
    String id = PictureSizes.idIn(address, settings.siteUrl());
    if (id.isEmpty()) {
      return id;
    }
    var size = sizeOf(id, address);
    if (size.width() != size.height() || size.width() < ICON_MIN || size.width() > ICON_MAX) {
      throw new NotAnIcon(size);
    }
    return id;
  }

  /** A header shows a logo this high at most: a lower picture is a blur there. */
  static final int LOGO_MIN_HEIGHT = 40;

  /** The picture a logo's address names, after checking a header can show it; null as empty. */
  private SiteIdentity.Logo logoIn(String address) {
    String id = PictureSizes.idIn(address, settings.siteUrl());
    if (id.isEmpty()) {
      return null;
    }
    var size = sizeOf(id, address);
    // wider than tall, as a header's line is, and not a sliver
    if (size.height() < LOGO_MIN_HEIGHT
        || size.width() < size.height()
        || size.width() > 10 * size.height()) {
      throw new NotALogo(size);
    }
    return new SiteIdentity.Logo(id, size.width(), size.height());
  }

  private PictureSizes.Size sizeOf(String id, String address) {
    return pictures.of(PictureSizes.PATH + id).orElseThrow(() -> new UnknownPicture(address));
  }

  /** A picture a header would squeeze or blur as the blog's logo. */
  static class NotALogo extends RuntimeException {

    NotALogo(PictureSizes.Size size) {
      super(
          "The logo must be at least "
              + LOGO_MIN_HEIGHT
              + " pixels high and from one to ten times as wide as high (600 × 120 shows well);"
              + " this one is "
              + size.width()
              + " × "
              + size.height()
              + ".");
    }
  }

  /** A picture browsers would squeeze or blur as the blog's icon. */
  static class NotAnIcon extends RuntimeException {

    NotAnIcon(PictureSizes.Size size) {
      super(
          "The icon must be a square picture between "
              + ICON_MIN
              + " and "
              + ICON_MAX
              + " pixels wide; this one is "
              + size.width()
              + " × "
              + size.height()
              + ".");
    }
  }

  private static SiteIdentity.FeedContent feedContent(String given) {
    try {
      return SiteIdentity.FeedContent.valueOf(given.strip());
    } catch (IllegalArgumentException e) {
      throw new NoFeedContent();
    }
  }

  /** A feeds' content that is none of {@link SiteIdentity.FeedContent}. */
  static class NoFeedContent extends RuntimeException {

    NoFeedContent() {
      super("feedContent must be FULL (each post whole) or EXCERPT (its excerpt only).");
    }
  }

  /** An accent colour that is no {@code #rrggbb}. */
  static class NoColor extends RuntimeException {

    NoColor() {
      super("accentColor must be a colour as #rrggbb (#1a7f5a) or #rgb, or empty for the theme's.");
    }
  }

  /** A title of control characters and spaces only. */
  static class NoTitle extends RuntimeException {

    NoTitle() {
      super("A blog needs a title: letters, not only spaces or control characters.");
    }
  }

  private static String plain(String text) {
    return text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
  }
}
