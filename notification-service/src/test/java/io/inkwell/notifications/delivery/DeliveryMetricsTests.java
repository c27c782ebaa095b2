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
    // The SMTP server has been unreachable for ten minutes: two mails wait, one of them for its
    // next try, and one is stuck sending.
    mongo.insert(single("p1", "s1", DeliveryStatus.PENDING, NOW.minus(Duration.ofMinutes(10))));
    mongo.insert(
        single(
            "p1",
            "s2",
            DeliveryStatus.PENDING,
            NOW.minus(Duration.ofMinutes(3)),
            NOW.plus(Duration.ofSeconds(30))));
    mongo.insert(single("p1", "s3", DeliveryStatus.SENDING, NOW.minus(Duration.ofMinutes(1))));
    // Gone out, given up on, or the subscriber left: none of them is owed.
    mongo.insert(single("p0", "s1", DeliveryStatus.SENT, NOW.minus(Duration.ofHours(2))));
    mongo.insert(single("p0", "s2", DeliveryStatus.FAILED, NOW.minus(Duration.ofHours(2))));
    mongo.insert(single("p0", "s3", DeliveryStatus.SKIPPED, NOW.minus(Duration.ofHours(2))));

    assertThat(gauge("inkwell.deliveries.due")).isEqualTo(3);
    assertThat(gauge("inkwell.deliveries.overdue")).isEqualTo(600);
    assertThat(gauge("inkwell.deliveries.scheduled")).isZero();
  }

  @Test
  void aDigestIsOwedFromItsDigestTimeNotFromThePostsPublication() {
    // published yesterday evening, for this morning's digest, which is twenty minutes late
    Instant published = NOW.minus(Duration.ofHours(16));
    mongo.insert(digest("p1", "daily", published, NOW.minus(Duration.ofMinutes(20))));
    // published an hour ago, for tomorrow's
    mongo.insert(
        digest("p2", "daily", NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(20))));

    assertThat(gauge("inkwell.deliveries.due")).isEqualTo(1);
    assertThat(gauge("inkwell.deliveries.overdue")).isEqualTo(1200);
    assertThat(gauge("inkwell.deliveries.scheduled")).isEqualTo(1);
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  /** A post's mail of its own, recorded at {@code createdAt}. */
  private static Delivery single(
      String postId, String subscriberId, DeliveryStatus status, Instant createdAt) {
    return single(postId, subscriberId, status, createdAt, createdAt);
  }

  /** The same, to be tried (again) at {@code notBefore}. */
  private static Delivery single(
      String postId,
      String subscriberId,
      DeliveryStatus status,
      Instant createdAt,
      Instant notBefore) {
    return new Delivery(
        postId + ":" + subscriberId,
        postId,
        subscriberId,
        status,
        0,
        createdAt,
        notBefore,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  /** A post's delivery in a digest due at {@code digestAt}, as the fan-out records it. */
  private static Delivery digest(
      String postId, String subscriberId, Instant createdAt, Instant digestAt) {
    return Delivery.pending(postId, subscriberId, createdAt, digestAt, null);
  }
}
