package io.inkwell.posts.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.health.KafkaOutage;
import io.inkwell.posts.post.TraceContexts;
import io.micrometer.tracing.Span;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 * Sends the events waiting in documents' outboxes (posts, the site's identity) to Kafka, then
 * removes them from the document. A crash between the two re-sends the event on the next run: at
 * least once, never lost; consumers are idempotent by {@code eventId}.
 */
@Component
class OutboxRelay {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int BATCH = 100;

  private final MongoOperations mongo;
  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;
  private final List<Outbox> outboxes;
  private final TraceContexts traces;

  OutboxRelay(
      MongoOperations mongo,
      KafkaTemplate<String, String> kafka,
      JsonMapper json,
      List<Outbox> outboxes,
      TraceContexts traces) {
    this.traces = traces;
    this.mongo = mongo;
    this.kafka = kafka;
    this.json = json;
    this.outboxes = outboxes;
  }

  @Scheduled(fixedDelayString = "${inkwell.outbox.poll-interval:500ms}")
  void relayPending() {
    for (Outbox outbox : outboxes) {
      if (!relayPending(outbox)) {
        return;
      }
    }
  }

  /**
   * @return whether Kafka took what it was given: false when it did not answer, and the other
   *     events are better left for the next run than each waited for in turn
   */
  private boolean relayPending(Outbox outbox) {
    Query pending = Outbox.pending().limit(BATCH);
    // Raw documents: beside each event sits the trace of the request that raised it.
    for (Document document : mongo.find(pending, Document.class, outbox.collection())) {
      Object id = document.get("_id");
      for (Document stored : document.getList(Outbox.FIELD, Document.class)) {
        String eventId = stored.getString("eventId");
        String type = stored.getString("type");
        Span span = traces.continueWith(stored.getString(TraceContexts.FIELD), "relay " + type);
        try (var scope = traces.inScope(span)) {
          send(outbox, id.toString(), stored);
        } catch (Exception e) {
          // Keep the event and the order of this document's events; the next run tries again.
          span.error(e);
          if (KafkaOutage.causedBy(e)) {
            log.warn(
                "Kafka cannot be reached: {} {} of {} {} and the events after it wait in the"
                    + " outbox ({})",
                type,
                eventId,
                outbox.collection(),
                id,
                e.toString());
            return false;
          }
          log.warn("Could not relay {} {} of {} {}", type, eventId, outbox.collection(), id, e);
          break;
        } finally {
          span.end();
        }
        // By collection name, not entity class: clearing the outbox is not a change of the post,
        // so it must not bump the version (and with it the ETag readers hold).
        mongo.updateFirst(
            Query.query(where("_id").is(id)),
            new Update().pull(Outbox.FIELD, new Document("eventId", eventId)),
            outbox.collection());
      }
    }
    return true;
  }

  private void send(Outbox outbox, String key, Document stored)
      throws ExecutionException, InterruptedException, TimeoutException {
    Object event = mongo.getConverter().read(outbox.eventType(), stored);
    var record = new ProducerRecord<>(outbox.topic(), key, json.writeValueAsString(event));
    // CloudEvents Kafka binding, so that tools which know nothing of Inkwell can read them.
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", stored.getString("eventId"));
    header(record, "ce_type", stored.getString("type"));
    header(record, "ce_source", "/inkwell/post-service");
    header(record, "ce_time", stored.getDate("occurredAt").toInstant().toString());
    header(record, "content-type", "application/json");
    kafka.send(record).get(10, TimeUnit.SECONDS);
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
