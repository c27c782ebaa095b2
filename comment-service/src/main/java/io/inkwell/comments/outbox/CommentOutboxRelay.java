package io.inkwell.comments.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.comments.comment.Comment;
import io.inkwell.comments.comment.CommentEvent;
import io.inkwell.comments.comment.TraceContexts;
import io.inkwell.comments.health.KafkaOutage;
import io.inkwell.comments.moderation.CommentSettings;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the events waiting in comment documents to {@code blog.comment-events} (key = post id,
 * CloudEvents headers), then removes each from its document: at least once, never lost.
 */
@Configuration(proxyBeanMethods = false)
class CommentOutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(CommentOutboxRelay.class);

  private final MongoOperations mongo;
  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;
  private final String topic;
  private final TraceContexts traces;

  CommentOutboxRelay(
      MongoOperations mongo,
      KafkaTemplate<String, String> kafka,
      JsonMapper json,
      CommentSettings settings,
      TraceContexts traces) {
    this.traces = traces;
    this.mongo = mongo;
    this.kafka = kafka;
    this.json = json;
    this.topic = settings.eventsTopic();
  }

  @Bean
  NewTopic commentEvents(
      CommentSettings settings, @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(settings.eventsTopic()).partitions(3).replicas(replicas).build();
  }

  /**
   * The comments with events still to send. Every event has an id, so this asks what the partial
   * {@code outbox} index holds: a handful of comments, however many a blog has.
   */
  static Query pending() {
    return Query.query(where("outbox.eventId").exists(true));
  }

  @Scheduled(fixedDelayString = "${inkwell.outbox.poll-interval:500ms}")
  void relayPending() {
    Query pending = pending().limit(100);
    // Raw documents: beside each event sits the trace of the request that raised it.
    for (Document stored : mongo.find(pending, Document.class, "comments")) {
      Comment comment = mongo.getConverter().read(Comment.class, stored);
      List<Document> storedEvents = stored.getList("outbox", Document.class);
      for (int i = 0; i < comment.outbox().size(); i++) {
        CommentEvent event = comment.outbox().get(i);
        Span span =
            traces.continueWith(
                storedEvents.get(i).getString(TraceContexts.FIELD), "relay " + event.type());
        try (var scope = traces.inScope(span)) {
          var record = new ProducerRecord<>(topic, event.postId(), json.writeValueAsString(event));
          header(record, "ce_specversion", "1.0");
          header(record, "ce_id", event.eventId());
          header(record, "ce_type", event.type());
          header(record, "ce_source", "/inkwell/comment-service");
          header(record, "ce_time", event.occurredAt().toString());
          header(record, "content-type", "application/json");
          kafka.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
          span.error(e);
          if (KafkaOutage.causedBy(e)) {
            // the other comments' events are better left for the next run than each waited for
            log.warn(
                "Kafka cannot be reached: {} of comment {} and the events after it wait in the"
                    + " outbox ({})",
                event.type(),
                comment.id(),
                e.toString());
            return;
          }
          log.warn("Could not relay {} of comment {}", event.type(), comment.id(), e);
          break;
        } finally {
          span.end();
        }
        // By collection name: clearing the outbox is not a change of the comment (no version bump).
        mongo.updateFirst(
            Query.query(where("_id").is(comment.id())),
            new Update().pull("outbox", new Document("eventId", event.eventId())),
            "comments");
      }
    }
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
