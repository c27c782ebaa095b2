package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The names readers are shown for tags (post-service's ADR 44: "WPC" for the tag {@code wpc}), as
 * post-service tells them ({@code TagNamed}, see {@code contracts/tag-named.schema.json}), so that
 * mails name a subscriber's chosen tags, which are the tags themselves, as the blog shows them. A
 * tag without a name of its own is its own name. Its own consumer group reads {@code
 * blog.post-events}; one tag's names share its key, so they come in order.
 */
@Component
class TagNames {

  @Document("tag-names")
  record TagName(@Id String tag, String name) {}

  /** What is read of the event; other post events have no {@code name}. */
  record TagNamed(String type, String tag, String name) {}

  private final MongoTemplate mongo;
  private final JsonMapper json;

  TagNames(MongoTemplate mongo, JsonMapper json) {
    this.mongo = mongo;
    this.json = json;
  }

  /** Keeps the name, or forgets it for the tag's own; a redelivered event changes nothing. */
  @KafkaListener(
      topics = "${inkwell.notifications.post-events-topic}",
      groupId = "${spring.kafka.consumer.group-id:notification-service}-tag-names")
  void on(String message) {
    TagNamed event = json.readValue(message, TagNamed.class);
    if (!"TagNamed".equals(event.type()) || event.tag() == null || event.name() == null) {
      return;
    }
    var tag = Query.query(where("_id").is(event.tag()));
    if (event.name().equals(event.tag())) {
      mongo.remove(tag, TagName.class);
    } else {
      mongo.upsert(tag, Update.update("name", event.name()), TagName.class);
    }
  }

  /** The tags as readers are shown them, in their order. */
  List<String> of(List<String> tags) {
    if (tags.isEmpty()) {
      return tags;
    }
    Map<String, String> named =
        mongo.find(Query.query(where("_id").in(tags)), TagName.class).stream()
            .collect(Collectors.toMap(TagName::tag, TagName::name));
    return tags.stream().map(tag -> named.getOrDefault(tag, tag)).toList();
  }
}
