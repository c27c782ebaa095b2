package io.inkwell.notifications.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationSettings;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name mails are signed with: the blog's title as its admins last set it in Settings (from
 * {@code blog.site-events}), or until then the configured {@code inkwell.notifications.blog-name}.
 * Read from the database at most every {@link #FRESH} (a fan-out composes thousands of mails), so
 * every instance signs with a new name within that.
 */
@Configuration(proxyBeanMethods = false)
public class SiteName {

  private static final String ID = "site";
  static final Duration FRESH = Duration.ofSeconds(10);

  /** The name as last read, and when ({@link System#nanoTime()}). */
  private record Read(String title, long at) {}

  private volatile Read lastRead;

  private final MongoTemplate mongo;
  private final JsonMapper json;
  private final NotificationSettings settings;

  SiteName(MongoTemplate mongo, JsonMapper json, NotificationSettings settings) {
    this.mongo = mongo;
    this.json = json;
    this.settings = settings;
  }

  /** post-service creates the topic too, alike; whoever starts first does. */
  @Bean
  NewTopic siteEventsTopic(
      @Value("${inkwell.notifications.site-events-topic:blog.site-events}") String topic) {
    return TopicBuilder.name(topic).partitions(1).compact().build();
  }

  /** The blog's title, for the subject, body and sender of a mail. */
  public String current() {
    Read read = lastRead;
    if (read == null || System.nanoTime() - read.at() > FRESH.toNanos()) {
      KnownSite known = mongo.findById(ID, KnownSite.class);
      read = new Read(known != null ? known.title() : settings.blogName(), System.nanoTime());
      lastRead = read;
    }
    return read.title();
  }

  /** The next mail reads the name again (this instance heard of a change). */
  void forget() {
    lastRead = null;
  }

  /** The projection: one document. */
  @Document("site")
  record KnownSite(@Id String id, String title, long version) {}

  /** What is read of {@code contracts/site-changed.schema.json}; unknown fields are ignored. */
  record SiteChanged(String eventId, String type, long version, String title) {}

  @KafkaListener(topics = "${inkwell.notifications.site-events-topic:blog.site-events}")
  void on(String message) {
    SiteChanged event = json.readValue(message, SiteChanged.class);
    if (!"SiteChanged".equals(event.type()) || event.title() == null || event.title().isBlank()) {
      return;
    }
    var olderOrUnknown = Query.query(where("_id").is(ID).and("version").lt(event.version()));
    var update = new Update().set("title", event.title()).set("version", event.version());
    try {
      mongo.upsert(olderOrUnknown, update, KnownSite.class);
    } catch (DuplicateKeyException newerKept) {
      // a later change is already known: this event is old news
    }
    forget();
  }
}
