package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What the blog says about its tags, one document per tag (by its normalised name). A description
 * kept under a tag written as tags were before they were composed ("cafe" and an accent as a mark
 * of its own) moves, when the service starts, to the tag as it is written now, which the posts' own
 * tags become ({@link Rerendering}).
 */
@Component
public class TagDescriptions implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(TagDescriptions.class);

  @Document("tag-descriptions")
  record TagDescription(@Id String tag, String description, Instant updatedAt) {}

  private final MongoOperations mongo;

  TagDescriptions(MongoOperations mongo) {
    this.mongo = mongo;
  }

  Optional<String> of(String tag) {
    return Optional.ofNullable(mongo.findById(tag, TagDescription.class))
        .map(TagDescription::description);
  }

  public Map<String, String> all() {
    return mongo.findAll(TagDescription.class).stream()
        .collect(Collectors.toMap(TagDescription::tag, TagDescription::description));
  }

  @Override
  public void afterSingletonsInstantiated() {
    int moved = compose();
    if (moved > 0) {
      log.info("{} tag descriptions moved to their tags as tags are written now", moved);
    }
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
              .setOnInsert("description", stored.description())
              .setOnInsert("updatedAt", stored.updatedAt()),
          TagDescription.class);
      mongo.remove(Query.query(where("_id").is(stored.tag())), TagDescription.class);
      moved++;
    }
    return moved;
  }

  /** Keeps the text; an empty one removes the description. */
  void describe(String tag, String description, Instant now) {
    if (description.isEmpty()) {
      mongo.remove(new TagDescription(tag, null, null));
    } else {
      mongo.save(new TagDescription(tag, description, now));
    }
  }
}
