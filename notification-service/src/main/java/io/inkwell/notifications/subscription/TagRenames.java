package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribers who chose a tag an editor renamed, or merged into another, follow it to its new name
 * ({@code TagRenamed}, see {@code contracts/tag-renamed.schema.json}), so that they keep getting
 * the posts they chose. A deleted tag raises nothing: whoever chose it keeps the choice, which no
 * post matches, rather than getting every post. Its own consumer group reads {@code
 * blog.post-events} beside the fan-out; tag changes share one key, so they come in order.
 */
@Component
class TagRenames {

  private static final Logger log = LoggerFactory.getLogger(TagRenames.class);

  /** What is read of the event; other post events have no {@code from}. */
  record TagRenamed(String type, String from, String to) {}

  private final MongoTemplate mongo;
  private final JsonMapper json;

  TagRenames(MongoTemplate mongo, JsonMapper json) {
    this.mongo = mongo;
    this.json = json;
  }

  /** Two updates that change nothing when repeated, so a redelivered event is harmless. */
  @KafkaListener(
      topics = "${inkwell.notifications.post-events-topic}",
      groupId = "${spring.kafka.consumer.group-id:notification-service}-tags")
  void on(String message) {
    TagRenamed event = json.readValue(message, TagRenamed.class);
    if (!"TagRenamed".equals(event.type()) || event.from() == null || event.to() == null) {
      return;
    }
    var chose = Query.query(where("tags").is(event.from()));
    mongo.updateMulti(chose, new Update().addToSet("tags", event.to()), Subscriber.class);
    long moved =
        mongo
            .updateMulti(chose, new Update().pull("tags", event.from()), Subscriber.class)
            .getModifiedCount();
    log.info("Tag '{}' is '{}' now: {} subscriber(s) follow it", event.from(), event.to(), moved);
  }
}
