package io.inkwell.posts.author;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.PostManagement;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Authors as readers see them, kept from auth-service's {@code blog.staff-events}: a staff member's
 * profile for their author page, and their new name on the bylines of the posts they wrote before
 * they changed it. An event older than what is kept (redelivered, or overtaken) changes nothing.
 */
@Configuration(proxyBeanMethods = false)
public class AuthorProfiles {

  private static final Logger log = LoggerFactory.getLogger(AuthorProfiles.class);

  private final MongoTemplate mongo;
  private final JsonMapper json;
  private final PostManagement posts;

  AuthorProfiles(MongoTemplate mongo, JsonMapper json, PostManagement posts) {
    this.mongo = mongo;
    this.json = json;
    this.posts = posts;
  }

  /** auth-service creates the topic too; whoever starts first does. */
  @Bean
  NewTopic staffEventsTopic(
      @Value("${inkwell.posts.staff-events-topic:blog.staff-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(3).replicas(replicas).build();
  }

  /**
   * What is read of {@code contracts/staff-changed.schema.json} and {@code
   * staff-removed.schema.json}; unknown fields (the address among them) are ignored.
   */
  record StaffEvent(
      String type,
      Instant occurredAt,
      String staffId,
      String name,
      String bio,
      String website,
      String avatar) {}

  @KafkaListener(topics = "${inkwell.posts.staff-events-topic:blog.staff-events}")
  void on(String message) {
    StaffEvent event;
    try {
      event = json.readValue(message, StaffEvent.class);
    } catch (JacksonException unreadable) {
      log.warn("Ignored an unreadable staff event: {}", unreadable.getOriginalMessage());
      return;
    }
    if (event.staffId() == null || event.occurredAt() == null) {
      return;
    }
    switch (String.valueOf(event.type())) {
      case "StaffChanged" -> changed(event);
      case "StaffRemoved" -> removed(event);
      default -> {
        // invitations and password resets are no business of the posts
      }
    }
  }

  private void changed(StaffEvent event) {
    if (event.name() == null || event.name().isBlank()) {
      return;
    }
    var update =
        new Update()
            .set("name", event.name())
            .set("bio", event.bio())
            .set("website", event.website())
            .set("avatar", event.avatar())
            .set("changedAt", event.occurredAt());
    if (keptIfNewer(event, update)) {
      posts.renameAuthor(event.staffId(), event.name());
    }
  }

  /** Their posts keep their byline; what they said about themselves goes. */
  private void removed(StaffEvent event) {
    keptIfNewer(
        event,
        new Update()
            .unset("bio")
            .unset("website")
            .unset("avatar")
            .set("removed", true)
            .set("changedAt", event.occurredAt()));
  }

  /**
   * Applies the change unless the profile is kept as of a later one; whether it applied. The same
   * event again applies again (changes nothing), so that a crash before the bylines were renamed is
   * made good when the event comes back.
   */
  private boolean keptIfNewer(StaffEvent event, Update update) {
    var notNewer =
        Query.query(
            where("_id")
                .is(event.staffId())
                .orOperator(
                    where("changedAt").exists(false), where("changedAt").lte(event.occurredAt())));
    try {
      mongo.upsert(notNewer, update, AuthorProfile.class);
      return true;
    } catch (DuplicateKeyException newerKept) {
      return false;
    }
  }

  /**
   * The author with this id as readers see them: their profile, and how many posts they have
   * published. Someone who is no staff member (an author of imported posts) is known by the byline
   * of their newest post; someone with neither a profile nor a published post is nobody.
   */
  public Optional<Author> author(String id) {
    var profile = Optional.ofNullable(mongo.findById(id, AuthorProfile.class));
    var published = posts.publishedBy(id);
    if (profile.isEmpty() && published.count() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        profile
            .map(
                p ->
                    new Author(
                        p.id(), p.name(), p.bio(), p.website(), p.avatar(), published.count()))
            .orElseGet(
                () -> new Author(id, published.latestName(), null, null, null, published.count())));
  }

  /**
   * Every author with a post readers can read, as {@link #author} describes each, by name: for the
   * sitemap's author pages (Ghost's {@code sitemap-authors.xml}, WordPress's users sitemap).
   */
  public List<Author> published() {
    var found = posts.publishedAuthors();
    Map<String, AuthorProfile> profiles = new HashMap<>();
    mongo
        .find(
            Query.query(
                where("_id").in(found.stream().map(PostManagement.PublishedAuthor::id).toList())),
            AuthorProfile.class)
        .forEach(profile -> profiles.put(profile.id(), profile));
    return found.stream()
        .map(
            author -> {
              var p = profiles.get(author.id());
              return p == null
                  ? new Author(author.id(), author.latestName(), null, null, null, author.count())
                  : new Author(p.id(), p.name(), p.bio(), p.website(), p.avatar(), author.count());
            })
        .sorted(
            Comparator.comparing(
                    (Author a) -> String.valueOf(a.name()), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(Author::id))
        .toList();
  }

  /**
   * @param avatar their picture: one of the blog's ({@code /api/images/…}) or an https address
   * @param postCount how many posts (not pages) of theirs readers can read
   */
  public record Author(
      String id, String name, String bio, String website, String avatar, long postCount) {}
}
