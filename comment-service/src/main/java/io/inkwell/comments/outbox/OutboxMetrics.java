package io.inkwell.comments.outbox;

import io.inkwell.comments.comment.Comment;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * How far the outbox relay is behind: documents with events not yet on Kafka, and the age of the
 * oldest such event. Both read at scrape time.
 */
@Component
class OutboxMetrics {

  private static final int SAMPLE = 500;

  private final MongoOperations mongo;
  private final Clock clock;

  OutboxMetrics(MongoOperations mongo, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.clock = clock;
    Gauge.builder("inkwell.outbox.backlog", this, OutboxMetrics::backlog)
        .description("Documents whose events wait to be relayed to Kafka")
        .register(registry);
    Gauge.builder("inkwell.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
        .description("Age of the oldest event waiting to be relayed")
        .baseUnit("seconds")
        .register(registry);
  }

  private double backlog() {
    return mongo.count(CommentOutboxRelay.pending(), Comment.class);
  }

  private double oldestAgeSeconds() {
    return mongo.find(CommentOutboxRelay.pending().limit(SAMPLE), Comment.class).stream()
        .flatMap(document -> document.outbox().stream())
        .map(event -> Duration.between(event.occurredAt(), clock.instant()).toMillis() / 1000.0)
        .max(Double::compare)
        .orElse(0.0);
  }
}
