package io.inkwell.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.inkwell.testsupport.TestMongo;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The gauges an operator reads when mails are late, against the module's MongoDB wire server and a
 * database of their own (no sender running), at a fixed time.
 */
class DeliveryMetricsTests {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private MongoClient client;
  private MongoTemplate mongo;
  private MeterRegistry registry;

  @BeforeEach
  void connect() {
    client = MongoClients.create(TestMongo.uri("delivery-metrics"));
    mongo = new MongoTemplate(client, "delivery-metrics");
    mongo.dropCollection(Delivery.class);
    registry = new SimpleMeterRegistry();
    new DeliveryMetrics(mongo, Clock.fixed(NOW, ZoneOffset.UTC), registry);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void nothingOwedReadsZeroRatherThanNoData() {
    assertThat(gauge("inkwell.deliveries.due")).isZero();
    assertThat(gauge("inkwell.deliveries.scheduled")).isZero();
    assertThat(gauge("inkwell.deliveries.overdue")).isZero();
  }

  @Test
  void mailsDueAndNotSentShowHowManyAndForHowLong() {
    // The SMTP server has been unreachable for ten minutes: two mails wait, one is stuck sending.
    mongo.insert(delivery("p1", "s1", DeliveryStatus.PENDING, NOW.minus(Duration.ofMinutes(10))));
    mongo.insert(delivery("p1", "s2", DeliveryStatus.PENDING, NOW.minus(Duration.ofMinutes(3))));
    mongo.insert(delivery("p1", "s3", DeliveryStatus.SENDING, NOW.minus(Duration.ofMinutes(1))));
    // Gone out, given up on, or the subscriber left: none of them is owed.
    mongo.insert(delivery("p0", "s1", DeliveryStatus.SENT, NOW.minus(Duration.ofHours(2))));
    mongo.insert(delivery("p0", "s2", DeliveryStatus.FAILED, NOW.minus(Duration.ofHours(2))));
    mongo.insert(delivery("p0", "s3", DeliveryStatus.SKIPPED, NOW.minus(Duration.ofHours(2))));

    assertThat(gauge("inkwell.deliveries.due")).isEqualTo(3);
    assertThat(gauge("inkwell.deliveries.overdue")).isEqualTo(600);
    assertThat(gauge("inkwell.deliveries.scheduled")).isZero();
  }

  @Test
  void digestsAndRetriesWaitingForTheirTimeAreScheduledNotLate() {
    mongo.insert(delivery("p1", "daily", DeliveryStatus.PENDING, NOW.plus(Duration.ofHours(7))));
    mongo.insert(delivery("p1", "retry", DeliveryStatus.PENDING, NOW.plus(Duration.ofMinutes(2))));

    assertThat(gauge("inkwell.deliveries.scheduled")).isEqualTo(2);
    assertThat(gauge("inkwell.deliveries.due")).isZero();
    assertThat(gauge("inkwell.deliveries.overdue")).isZero();
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private static Delivery delivery(
      String postId, String subscriberId, DeliveryStatus status, Instant notBefore) {
    return new Delivery(
        postId + ":" + subscriberId,
        postId,
        subscriberId,
        status,
        0,
        notBefore.minus(Duration.ofMinutes(1)),
        notBefore,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
