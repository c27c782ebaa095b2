package io.inkwell.posts.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.PostEvent;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.TraceContexts;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the events waiting in post documents to Kafka, then removes them from the document. A crash
 * between the two re-sends the event on the next run: at least once, never lost; consumers are
 * idempotent by {@code eventId}.
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 100;
  private static final String COLLECTION = "posts";

  private final MongoOperations mongo;
  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;
  private final String topic;
  private final TraceContexts traces;

  OutboxRelay(
      MongoOperations mongo,
      KafkaTemplate<String, String> kafka,
      JsonMapper json,
      PostSettings settings,
      TraceContexts traces) {
    this.traces = traces;
    this.mongo = mongo;
    this.kafka = kafka;
    this.json = json;
    this.topic = settings.eventsTopic();
  }

  @Scheduled(fixedDelayString = "${inkwell.outbox.poll-interval:500ms}")
  void relayPending() {
    Query pending = Query.query(where("outbox.0").exists(true)).limit(BATCH);
    // Raw documents: beside each event sits the trace of the request that raised it.
    for (Document post : mongo.find(pending, Document.class, COLLECTION)) {
      for (Document stored : post.getList("outbox", Document.class)) {
        PostEvent event = mongo.getConverter().read(PostEvent.class, stored);
        Span span =
            traces.continueWith(stored.getString(TraceContexts.FIELD), "relay " + event.type());
        try (var scope = traces.inScope(span)) {
          send(event);
        } catch (Exception e) {
          // Keep the event and the order of this post's events; the next run tries again.
          span.error(e);
          log.warn(
              "Could not relay {} {} of post {}", event.type(), event.eventId(), event.postId(), e);
          break;
        } finally {
          span.end();
        }
        // By collection name, not entity class: clearing the outbox is not a change of the post,
        // so it must not bump the version (and with it the ETag readers hold).
        mongo.updateFirst(
            Query.query(where("_id").is(event.postId())),
            new Update().pull("outbox", new Document("eventId", event.eventId())),
            COLLECTION);
      }
    }
  }

  private void send(PostEvent event)
      throws ExecutionException, InterruptedException, TimeoutException {
    var record = new ProducerRecord<>(topic, event.postId(), json.writeValueAsString(event));
    // CloudEvents Kafka binding, so that tools which know nothing of Inkwell can read them.
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", event.eventId());
    header(record, "ce_type", event.type());
    header(record, "ce_source", "/inkwell/post-service");
    header(record, "ce_time", event.occurredAt().toString());
    header(record, "content-type", "application/json");
    kafka.send(record).get(10, TimeUnit.SECONDS);
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
