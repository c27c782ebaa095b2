package io.inkwell.notifications.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationSettings;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name mails are signed with: the blog's title as its admins last set it in Settings (from
 * {@code blog.site-events}), or until then the configured {@code inkwell.notifications.blog-name};
 * the language its posts are written in, which a mail of a post says of the post's part; and its
 * time zone, in which digests go out at their hour (until an admin sets one, the configured {@code
 * inkwell.notifications.time-zone}); its icon or logo, which head readers' mails, and its accent
 * colour, in which their buttons are drawn. Read from the database at most every {@link #FRESH} (a
 * fan-out composes thousands of mails), so every instance signs with a new name within that.
 */
@Configuration(proxyBeanMethods = false)
public class SiteName {

  private static final String ID = "site";
  static final Duration FRESH = Duration.ofSeconds(10);

  /**
   * The site as last read (name, language, zone, pictures, colour), and when ({@link
   * System#nanoTime()}).
   */
  private record Read(
      String title, Writing writing, ZoneId zone, String icon, String accent, Logo logo, long at) {}

  /**
   * The blog's logo, which heads readers' mails in place of its name in letters.
   *
   * @param url where mail clients fetch it (an address on the site)
   */
  public record Logo(String url, int width, int height) {}

  /**
   * The language the posts are written in and which way it runs, as HTML's {@code lang} and {@code
   * dir} say them.
   *
   * @param language a BCP 47 tag
   * @param direction {@code ltr} or {@code rtl}
   */
  public record Writing(String language, String direction) {

    /** Until an admin chose another: English, left to right. */
    static final Writing ENGLISH = new Writing("en", "ltr");

    /** As an event says it, if it says it in the contract's terms; else English. */
    static Writing of(String language, String direction) {
      boolean told =
          language != null
              && TAG.matcher(language).matches()
              && ("ltr".equals(direction) || "rtl".equals(direction));
      return told ? new Writing(language, direction) : ENGLISH;
    }

    private static final java.util.regex.Pattern TAG =
        java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");
  }

  private volatile Read lastRead;

  private final MongoTemplate mongo;
  private final JsonMapper json;
  private final NotificationSettings settings;
  private final ApplicationEventPublisher events;

  SiteName(
      MongoTemplate mongo,
      JsonMapper json,
      NotificationSettings settings,
      ApplicationEventPublisher events) {
    this.mongo = mongo;
    this.json = json;
    this.settings = settings;
    this.events = events;
  }

  /**
   * The blog moved to another time zone: told (within this instance) once, by the instance whose
   * {@code SiteChanged} made the change, so that digests already waiting move with it.
   */
  public record ZoneChanged(ZoneId from, ZoneId to) {}

  /** post-service creates the topic too, alike; whoever starts first does. */
  @Bean
  NewTopic siteEventsTopic(
      @Value("${inkwell.notifications.site-events-topic:blog.site-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(1).replicas(replicas).compact().build();
  }

  /** The blog's title, for the subject, body and sender of a mail. */
  public String current() {
    return read().title();
  }

  /** The language of the blog's posts, for the part of a mail that is a post. */
  public Writing writing() {
    return read().writing();
  }

  /**
   * Where mail clients fetch the icon an admin gave the blog (an address on the site); null for
   * none.
   */
  public String icon() {
    return read().icon();
  }

  /** The blog's logo; null for none. */
  public Logo logo() {
    return read().logo();
  }

  /** The blog's accent colour, {@code #rrggbb}; null for none. */
  public String accent() {
    return read().accent();
  }

  private static final java.util.regex.Pattern COLOUR =
      java.util.regex.Pattern.compile("#\\p{XDigit}{6}");

  /** Where post-service keeps its pictures: what an event's icon must be. */
  private static final java.util.regex.Pattern PICTURE =
      java.util.regex.Pattern.compile("/api/images/[A-Za-z0-9._-]+");

  /** The blog's time zone, in which digests go out at the digest hour. */
  public ZoneId zone() {
    return read().zone();
  }

  private Read read() {
    Read read = lastRead;
    if (read == null || System.nanoTime() - read.at() > FRESH.toNanos()) {
      KnownSite known = mongo.findById(ID, KnownSite.class);
      read =
          known == null
              ? new Read(
                  settings.blogName(),
                  Writing.ENGLISH,
                  settings.timeZone(),
                  null,
                  null,
                  null,
                  System.nanoTime())
              : new Read(
                  known.title(),
                  Writing.of(known.language(), known.direction()),
                  zoneOf(known.timeZone()),
                  known.icon() != null && PICTURE.matcher(known.icon()).matches()
                      ? settings.siteUrl() + known.icon()
                      : null,
                  known.accentColor() != null && COLOUR.matcher(known.accentColor()).matches()
                      ? known.accentColor()
                      : null,
                  logoOf(known.logo()),
                  System.nanoTime());
      lastRead = read;
    }
    return read;
  }

  /** The logo an event named, if it is one of the blog's pictures of a known size. */
  private Logo logoOf(Logo named) {
    return named != null
            && named.url() != null
            && PICTURE.matcher(named.url()).matches()
            && named.width() > 0
            && named.height() > 0
        ? new Logo(settings.siteUrl() + named.url(), named.width(), named.height())
        : null;
  }

  /** The zone an event named, if it names one this Java knows; else the configured one. */
  private ZoneId zoneOf(String name) {
    try {
      return name == null ? settings.timeZone() : ZoneId.of(name);
    } catch (DateTimeException unknown) {
      return settings.timeZone();
    }
  }

  /** The next mail reads the name again (this instance heard of a change). */
  void forget() {
    lastRead = null;
  }

  /** The projection: one document. */
  @Document("site")
  record KnownSite(
      @Id String id,
      String title,
      long version,
      String language,
      String direction,
      String timeZone,
      String icon,
      String accentColor,
      Logo logo) {}

  /** What is read of {@code contracts/site-changed.schema.json}; unknown fields are ignored. */
  record SiteChanged(
      String eventId,
      String type,
      long version,
      String title,
      String language,
      String direction,
      String timeZone,
      String icon,
      String accentColor,
      Logo logo) {}

  @KafkaListener(topics = "${inkwell.notifications.site-events-topic:blog.site-events}")
  void on(String message) {
    SiteChanged event = json.readValue(message, SiteChanged.class);
    if (!"SiteChanged".equals(event.type()) || event.title() == null || event.title().isBlank()) {
      return;
    }
    var olderOrUnknown = Query.query(where("_id").is(ID).and("version").lt(event.version()));
    Writing writing = Writing.of(event.language(), event.direction());
    var update =
        new Update()
            .set("title", event.title())
            .set("version", event.version())
            .set("language", writing.language())
            .set("direction", writing.direction())
            .set("timeZone", event.timeZone())
            .set("icon", event.icon())
            .set("accentColor", event.accentColor())
            .set("logo", event.logo());
    KnownSite before;
    try {
      // the site as it was: whose zone, if this event changes it, waiting digests leave
      before =
          mongo.findAndModify(
              olderOrUnknown,
              update,
              FindAndModifyOptions.options().upsert(true).returnNew(false),
              KnownSite.class);
    } catch (DuplicateKeyException newerKept) {
      // a later change is already known: this event is old news
      forget();
      return;
    }
    forget();
    ZoneId from = zoneOf(before == null ? null : before.timeZone());
    ZoneId to = zoneOf(event.timeZone());
    if (!from.equals(to)) {
      events.publishEvent(new ZoneChanged(from, to));
    }
  }
}
