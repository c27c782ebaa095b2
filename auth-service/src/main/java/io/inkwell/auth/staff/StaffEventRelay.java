package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.health.KafkaOutage;
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
 * Sends the events waiting in staff accounts, and in integrations, to {@code blog.staff-events}
 * (key = the staff id or client id, CloudEvents headers), then removes each from its document: at
 * least once, never lost. Signing in needs none of this: while Kafka is away, events wait.
 */
@Configuration(proxyBeanMethods = false)
class StaffEventRelay {

  private static final Logger log = LoggerFactory.getLogger(StaffEventRelay.class);

  /**
   * Where events wait: a collection, and the field that marks a document kept only until the
   * platform has heard of its end (a removed account, a revoked integration).
   */
  private record Outboxes(String collection, String gone) {}

  private static final List<Outboxes> OUTBOXES =
      List.of(new Outboxes("staff", "removed"), new Outboxes("integrations", "revoked"));

  private final MongoOperations mongo;
  private final KafkaTemplate<String, String> kafka;
  private final JsonMapper json;
  private final String topic;

  StaffEventRelay(
      MongoOperations mongo,
      KafkaTemplate<String, String> kafka,
      JsonMapper json,
      @Value("${inkwell.auth.events-topic}") String topic) {
    this.mongo = mongo;
    this.kafka = kafka;
    this.json = json;
    this.topic = topic;
  }

  @Bean
  NewTopic staffEvents(
      @Value("${inkwell.auth.events-topic}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(3).replicas(replicas).build();
  }

  private static Class<? extends StaffEvent> typeOf(Document stored) {
    return switch (String.valueOf(stored.getString("type"))) {
      case "StaffInvited" -> StaffInvited.class;
      case "PasswordResetRequested" -> PasswordResetRequested.class;
      case "TwoStepSetupCodeRequested" -> TwoStepSetupCodeRequested.class;
      case "StaffSecurityNotice" -> StaffSecurityNotice.class;
      case "StaffRemoved" -> StaffRemoved.class;
      case "IntegrationRevoked" -> IntegrationRevoked.class;
      default -> StaffChanged.class;
    };
  }

  @Scheduled(fixedDelayString = "${inkwell.outbox.poll-interval:1s}")
  void relayPending() {
    for (Outboxes outboxes : OUTBOXES) {
      if (!relayPending(outboxes)) {
        return;
      }
    }
  }

  /**
   * @return whether Kafka took what it was given: false when it did not answer, and the other
   *     events are better left for the next run than each waited for in turn
   */
  private boolean relayPending(Outboxes outboxes) {
    Query pending = Query.query(where("outbox.0").exists(true)).limit(100);
    for (Document owner : mongo.find(pending, Document.class, outboxes.collection())) {
      String id = owner.getString("_id");
      for (Document stored : owner.getList("outbox", Document.class)) {
        StaffEvent event = mongo.getConverter().read(typeOf(stored), stored);
        try {
          send(id, event);
        } catch (Exception e) {
          // Keep the event and the order of this document's events; the next run tries again.
          if (KafkaOutage.causedBy(e)) {
            log.warn(
                "Kafka cannot be reached: {} of {} and the events after it wait in the outbox ({})",
                event.type(),
                id,
                e.toString());
            return false;
          }
          log.warn("Could not relay {} of {}", event.type(), id, e);
          break;
        }
        // By collection name: clearing the outbox is not a change of the account (no version bump).
        mongo.updateFirst(
            Query.query(where("_id").is(id)),
            new Update().pull("outbox", new Document("eventId", event.eventId())),
            outboxes.collection());
      }
      // A removed account or revoked integration is kept only until the platform has heard of it.
      mongo.remove(
          Query.query(
              where("_id").is(id).and(outboxes.gone()).is(true).and("outbox.0").exists(false)),
          outboxes.collection());
    }
    return true;
  }

  private void send(String key, StaffEvent event) throws Exception {
    var record = new ProducerRecord<>(topic, key, json.writeValueAsString(event));
    header(record, "ce_specversion", "1.0");
    header(record, "ce_id", event.eventId());
    header(record, "ce_type", event.type());
    header(record, "ce_source", "/inkwell/auth-service");
    header(record, "ce_time", event.occurredAt().toString());
    header(record, "content-type", "application/json");
    kafka.send(record).get(10, TimeUnit.SECONDS);
  }

  private static void header(ProducerRecord<String, String> record, String name, String value) {
    record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
