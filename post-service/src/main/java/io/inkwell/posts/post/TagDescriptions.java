package io.inkwell.posts.post;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** What the blog says about its tags, one document per tag (by its normalised name). */
@Component
public class TagDescriptions {

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

  /** Keeps the text; an empty one removes the description. */
  void describe(String tag, String description, Instant now) {
    if (description.isEmpty()) {
      mongo.remove(new TagDescription(tag, null, null));
    } else {
      mongo.save(new TagDescription(tag, description, now));
    }
  }
}
