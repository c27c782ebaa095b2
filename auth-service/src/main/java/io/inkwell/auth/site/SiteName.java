package io.inkwell.auth.site;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.AuthSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The name the sign-in, invitation and password pages carry: the blog's title as its admins last
 * set it in Settings (post-service's {@code blog.site-events}), or until then the configured {@code
 * inkwell.auth.blog-name}.
 */
@Configuration(proxyBeanMethods = false)
public class SiteName {

  private static final Logger log = LoggerFactory.getLogger(SiteName.class);
  private static final String ID = "site";

  private final MongoTemplate mongo;
  private final JsonMapper json;
  private final AuthSettings settings;

  SiteName(MongoTemplate mongo, JsonMapper json, AuthSettings settings) {
    this.mongo = mongo;
    this.json = json;
    this.settings = settings;
  }

  /** post-service creates the topic too, alike; whoever starts first does. */
  @Bean
  NewTopic siteEventsTopic(
      @Value("${inkwell.auth.site-events-topic:blog.site-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(1).replicas(replicas).compact().build();
  }

  public String current() {
    KnownSite known = mongo.findById(ID, KnownSite.class);
    return known != null ? known.title() : settings.blogName();
  }

  /** The projection: one document. */
  @Document("site")
  record KnownSite(@Id String id, String title, long version) {}

  /** What is read of {@code contracts/site-changed.schema.json}; unknown fields are ignored. */
  record SiteChanged(String type, long version, String title) {}

  @KafkaListener(topics = "${inkwell.auth.site-events-topic:blog.site-events}")
  void on(String message) {
    SiteChanged event;
    try {
      event = json.readValue(message, SiteChanged.class);
    } catch (JacksonException unreadable) {
      log.warn("Ignored an unreadable site event: {}", unreadable.getOriginalMessage());
      return;
    }
    if (!"SiteChanged".equals(event.type()) || event.title() == null || event.title().isBlank()) {
      return;
    }
    var olderOrUnknown = Query.query(where("_id").is(ID).and("version").lt(event.version()));
    try {
      mongo.upsert(
          olderOrUnknown,
          new Update().set("title", event.title()).set("version", event.version()),
          KnownSite.class);
    } catch (DuplicateKeyException newerKept) {
      // a later change is already known: this event is old news
    }
  }
}
