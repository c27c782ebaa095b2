package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the blog says about its tags, one document per tag (by its normalised name): its name as
 * readers are shown it ("WPC", "JavaScript", where the tag is "wpc", "javascript"), and its
 * description. A tag is named as it was first written with capitals, which an editor may change; a
 * tag only ever written in lower case has no name of its own. A description kept under a tag
 * written as tags were before they were composed ("cafe" and an accent as a mark of its own) moves,
 * when the service starts, to the tag as it is written now, which the posts' own tags become
 * ({@link Rerendering}). Each change of a name raises a {@link TagNamed} in the same update, which
 * tells notification-service how to name subscribers' chosen tags; names given before that event
 * existed are announced once when the service starts.
 */
@Component
public class TagDescriptions implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(TagDescriptions.class);

  /** The collection, whose documents keep their {@link TagNamed}s in an outbox until sent. */
  public static final String COLLECTION = "tag-descriptions";

  private static final String OUTBOX = "outbox";

  /** Set once the tag's name was announced by a {@link TagNamed}. */
  private static final String ANNOUNCED = "announced";

  @Document(COLLECTION)
  // only the few tags with events still to send
  @CompoundIndex(
      name = OUTBOX,
      def = "{'outbox.eventId': 1}",
      partialFilter = "{'outbox.eventId': {$exists: true}}")
  record TagDescription(@Id String tag, String name, String description, Instant updatedAt) {}

  /**
   * How long the names are read from memory: every post and list a reader asks for shows them, and
   * a query for each cost about a seventh of post-service's throughput (bench/README.md). This
   * instance's own changes show at once; another instance's after this.
   */
  private static final Duration NAMES_KEPT = Duration.ofSeconds(5);

  private final MongoOperations mongo;
  private final Clock clock;
  private final LoadingCache<Boolean, Map<String, String>> names;

  TagDescriptions(MongoOperations mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    this.names = Caffeine.newBuilder().expireAfterWrite(NAMES_KEPT).build(all -> storedNames());
  }

  Optional<String> of(String tag) {
    return Optional.ofNullable(mongo.findById(tag, TagDescription.class))
        .map(TagDescription::description);
  }

  /** Every description, by its tag. */
  public Map<String, String> all() {
    return mongo.find(Query.query(where("description").exists(true)), TagDescription.class).stream()
        .filter(described -> described.description() != null)
        .collect(Collectors.toMap(TagDescription::tag, TagDescription::description));
  }

  /** The names of those of the tags that have one of their own, by their tag. */
  public Map<String, String> namesOf(Collection<String> tags) {
    Map<String, String> all = allNames();
    Map<String, String> named = new HashMap<>();
    for (String tag : tags) {
      String name = all.get(tag);
      if (name != null) {
        named.put(tag, name);
      }
    }
    return named;
  }

  /** Every tag's name of its own, by its tag. */
  public Map<String, String> allNames() {
    return names.get(true);
  }

  private Map<String, String> storedNames() {
    return Map.copyOf(
        mongo.find(Query.query(where("name").exists(true)), TagDescription.class).stream()
            .filter(named -> named.name() != null)
            .collect(Collectors.toMap(TagDescription::tag, TagDescription::name)));
  }

  /**
   * Names each tag written with capitals ("WPC") as it is written, unless it has a name already:
   * the first spelling stays, whoever writes the tag otherwise later. Called once the post is
   * saved, so a database that stops answering meanwhile costs the names (said in the log), never an
   * error for a post that was saved, which a client would then send again.
   *
   * @param written the tags as an author or an imported export wrote them
   */
  void remember(Collection<String> written) {
    try {
      name(written);
    } catch (DataAccessException unavailable) {
      log.warn("The names of the tags {} were not kept: {}", written, unavailable.getMessage());
    }
  }

  private void name(Collection<String> written) {
    Map<String, String> named = allNames();
    for (String spelling : written) {
      String name = PostManagement.writtenTag(spelling);
      String tag = PostManagement.normalisedTag(name);
      if (name.equals(tag)
          || tag.isEmpty()
          || tag.length() > Post.LONGEST_TAG
          || named.containsKey(tag)) {
        continue; // most saves: the post's tags are named already
      }
      // a tag without a name (a description came first, or none) takes it; one named already is
      // no match, and the insert the upsert then tries is refused by the tag's own document
      boolean changed;
      try {
        var result =
            mongo.upsert(
                Query.query(where("_id").is(tag).and("name").exists(false)),
                named(tag, name, clock.instant()),
                TagDescription.class);
        changed = result.getModifiedCount() > 0 || result.getUpsertedId() != null;
      } catch (DuplicateKeyException namedMeanwhile) {
        changed = true; // by another post first, whose spelling stays
      }
      if (changed) {
        names.invalidateAll();
      }
    }
  }

  /**
   * The name readers are shown for the tag, whatever it had (an editor's choice); the tag itself
   * takes its name away.
   */
  void name(String tag, String name, Instant now) {
    if (name.equals(tag)) {
      unname(tag, now);
    } else {
      mongo.upsert(
          Query.query(where("_id").is(tag)),
          named(tag, name, now).set("updatedAt", now),
          TagDescription.class);
      names.invalidateAll();
    }
  }

  /** The tag has no name of its own any more (it is on no post now). */
  void unname(String tag) {
    unname(tag, clock.instant());
  }

  private void unname(String tag, Instant now) {
    forget(
        tag,
        where("name").exists(true),
        new Update().unset("name").push(OUTBOX, TagNamed.of(tag, tag, now)));
  }

  /** The name, and the event that tells it, in one update. */
  private static Update named(String tag, String name, Instant now) {
    return Update.update("name", name)
        .set(ANNOUNCED, true)
        .push(OUTBOX, TagNamed.of(tag, name, now));
  }

  @Override
  public void afterSingletonsInstantiated() {
    int moved = compose();
    if (moved > 0) {
      log.info("{} tag descriptions moved to their tags as tags are written now", moved);
    }
    int announced = announce();
    if (announced > 0) {
      log.info("{} tag names given before they were announced are announced now", announced);
    }
  }

  /**
   * Raises a {@link TagNamed} for each name given before names were announced, once.
   *
   * @return how many
   */
  int announce() {
    int announced = 0;
    Instant now = clock.instant();
    for (TagDescription stored :
        mongo.find(
            Query.query(where("name").exists(true).and(ANNOUNCED).exists(false)),
            TagDescription.class)) {
      announced +=
          (int)
              mongo
                  .updateFirst(
                      Query.query(
                          where("_id")
                              .is(stored.tag())
                              .and("name")
                              .is(stored.name())
                              .and(ANNOUNCED)
                              .exists(false)),
                      named(stored.tag(), stored.name(), now),
                      TagDescription.class)
                  .getModifiedCount();
    }
    return announced;
  }

  /**
   * Moves each description kept under a tag not written as tags are now to that tag, unless it has
   * one of its own; only a tag beyond ASCII can be written otherwise.
   *
   * @return how many descriptions were moved or, the tag having its own, dropped
   */
  int compose() {
    int moved = 0;
    for (TagDescription stored :
        mongo.find(Query.query(where("_id").regex("[^\\x00-\\x7F]")), TagDescription.class)) {
      String tag = PostManagement.normalisedTag(stored.tag());
      if (tag.equals(stored.tag())) {
        continue;
      }
      mongo.upsert(
          Query.query(where("_id").is(tag)),
          new Update()
              .setOnInsert("name", stored.name())
              .setOnInsert("description", stored.description())
              .setOnInsert("updatedAt", stored.updatedAt()),
          TagDescription.class);
      mongo.remove(Query.query(where("_id").is(stored.tag())), TagDescription.class);
      names.invalidateAll();
      moved++;
    }
    return moved;
  }

  /** Keeps the text; an empty one removes the description. */
  void describe(String tag, String description, Instant now) {
    if (description.isEmpty()) {
      forget(tag, where("description").exists(true), new Update().unset("description"));
    } else {
      mongo.upsert(
          Query.query(where("_id").is(tag)),
          Update.update("description", description).set("updatedAt", now),
          TagDescription.class);
    }
  }

  /**
   * Takes a field away where the tag's document has it, and the document once nothing is left in
   * it, no event to send either.
   */
  private void forget(String tag, Criteria having, Update unset) {
    mongo.updateFirst(
        Query.query(new Criteria().andOperator(where("_id").is(tag), having)),
        unset,
        TagDescription.class);
    mongo.remove(
        Query.query(
            where("_id")
                .is(tag)
                .and("name")
                .exists(false)
                .and("description")
                .exists(false)
                .and("outbox.eventId")
                .exists(false)),
        TagDescription.class);
    names.invalidateAll();
  }
}
