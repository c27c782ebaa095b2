package io.inkwell.posts.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * How far the outbox relay is behind: documents with events not yet on Kafka, and the age of the
 * oldest such event, over every outbox. Both read at scrape time.
 */
@Component
class OutboxMetrics {

  private static final int SAMPLE = 500;

  private final MongoOperations mongo;
  private final Clock clock;
  private final List<Outbox> outboxes;

  OutboxMetrics(MongoOperations mongo, Clock clock, List<Outbox> outboxes, MeterRegistry registry) {
    this.mongo = mongo;
    this.clock = clock;
    this.outboxes = outboxes;
    Gauge.builder("inkwell.outbox.backlog", this, OutboxMetrics::backlog)
        .description("Documents whose events wait to be relayed to Kafka")
        .register(registry);
    Gauge.builder("inkwell.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .description("Age of the oldest event waiting to be relayed")
        .baseUnit("seconds")
        .register(registry);
  }

  private double backlog() {
    return outboxes.stream()
        .mapToLong(outbox -> mongo.count(Outbox.pending(), outbox.collection()))
        .sum();
  }

  private double oldestAgeSeconds() {
    Query sample = Outbox.pending().limit(SAMPLE);
    sample.fields().include(Outbox.FIELD + ".occurredAt");
    return outboxes.stream()
        .flatMap(outbox -> mongo.find(sample, Document.class, outbox.collection()).stream())
        .flatMap(document -> document.getList(Outbox.FIELD, Document.class).stream())
        .map(event -> event.get("occurredAt", Date.class).toInstant())
        .map(occurred -> Duration.between(occurred, clock.instant()).toMillis() / 1000.0)
        .max(Double::compare)
        .orElse(0.0);
  }
}
