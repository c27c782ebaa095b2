package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the publish-to-inbox timer cannot show: mails that are owed and not going out. The timer
 * records only mails the SMTP server accepted, so while it cannot be reached the timer goes quiet
 * instead of slow; these gauges keep growing. A mail is owed from the moment it was meant to go
 * out, its delivery's creation for a mail of its own and the digest time for a digest, until it is
 * sent, failed or skipped; waiting for another try does not make it any less late. Read at scrape
 * time from the deliveries every instance shares, so each instance reports the same numbers
 * (dashboards take the maximum).
 */
@Component
class DeliveryMetrics {

  private static final String COLLECTION = "deliveries";
  private static final List<DeliveryStatus> OPEN =
      List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING);

  private final MongoOperations mongo;
  private final Clock clock;

  DeliveryMetrics(MongoOperations mongo, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.clock = clock;
    Gauge.builder("inkwell.deliveries.due", this, DeliveryMetrics::due)
        .description("Post mails and digests whose time has come and that have not gone out yet")
        .register(registry);
    Gauge.builder("inkwell.deliveries.scheduled", this, DeliveryMetrics::scheduled)
        .description("Post mails waiting for their subscriber's daily or weekly digest")
        .register(registry);
    Gauge.builder("inkwell.deliveries.overdue", this, DeliveryMetrics::overdueSeconds)
        .description("How long the longest-waiting mail that is due has been due")
        .baseUnit("seconds")
        .register(registry);
  }

  private double due() {
    Instant now = clock.instant();
    return mongo.count(Query.query(single(now)), COLLECTION)
        + mongo.count(Query.query(digest(now)), COLLECTION);
  }

  private double scheduled() {
    return mongo.count(
        Query.query(where("status").in(OPEN).and("digestAt").gt(clock.instant())), COLLECTION);
  }

  private double overdueSeconds() {
    Instant now = clock.instant();
    return Stream.of(oldest(single(now), "createdAt"), oldest(digest(now), "digestAt"))
        .filter(Objects::nonNull)
        .mapToDouble(since -> Math.max(0, Duration.between(since, now).toMillis() / 1000.0))
        .max()
        .orElse(0);
  }

  private Instant oldest(Criteria owed, String dueSince) {
    Query query = Query.query(owed).with(Sort.by(dueSince)).limit(1);
    query.fields().include(dueSince);
    Document delivery = mongo.findOne(query, Document.class, COLLECTION);
    return delivery == null ? null : delivery.get(dueSince, Date.class).toInstant();
  }

  /** Open mails of their own: due since the fan-out recorded them. */
  private static Criteria single(Instant now) {
    return where("status").in(OPEN).and("digestAt").is(null).and("createdAt").lte(now);
  }

  /** Open digest deliveries: due since their digest time. */
  private static Criteria digest(Instant now) {
    return where("status").in(OPEN).and("digestAt").lte(now);
  }
}
