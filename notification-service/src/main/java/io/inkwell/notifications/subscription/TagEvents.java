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
 * What post-service tells of tags, read by its own consumer group beside the fan-out on {@code
 * blog.post-events}. Subscribers who chose a tag an editor renamed, or merged into another, follow
 * it to its new name ({@code TagRenamed}, see {@code contracts/tag-renamed.schema.json}), so that
 * they keep getting the posts they chose; tag changes share one key, so they come in order. A
 * deleted tag raises nothing: whoever chose it keeps the choice, which no post matches, rather than
 * getting every post. A tag's names ({@code TagNamed}, under the tag's key) are kept by {@link
 * TagNames}, for mails.
 */
@Component
class TagEvents {

  private static final Logger log = LoggerFactory.getLogger(TagEvents.class);

  /** What is read of either event; other post events have none of these fields. */
  record TagEvent(String type, String from, String to, String tag, String name) {}

  private final MongoTemplate mongo;
  private final JsonMapper json;
  private final TagNames names;

  TagEvents(MongoTemplate mongo, JsonMapper json, TagNames names) {
    this.mongo = mongo;
    this.json = json;
    this.names = names;
  }

  /** Each changes nothing when repeated, so a redelivered event is harmless. */
  @KafkaListener(
      topics = "${inkwell.notifications.post-events-topic}",
      groupId = "${spring.kafka.consumer.group-id:notification-service}-tags")
  void on(String message) {
    TagEvent event = json.readValue(message, TagEvent.class);
    if ("TagRenamed".equals(event.type()) && event.from() != null && event.to() != null) {
      renamed(event.from(), event.to());
    } else if ("TagNamed".equals(event.type()) && event.tag() != null && event.name() != null) {
      names.keep(event.tag(), event.name());
    }
  }

  /** Two updates: the new tag added to each choice of the old, then the old taken out. */
  private void renamed(String from, String to) {
    var chose = Query.query(where("tags").is(from));
    mongo.updateMulti(chose, new Update().addToSet("tags", to), Subscriber.class);
    long moved =
        mongo
            .updateMulti(chose, new Update().pull("tags", from), Subscriber.class)
            .getModifiedCount();
    log.info("Tag '{}' is '{}' now: {} subscriber(s) follow it", from, to, moved);
  }
}
