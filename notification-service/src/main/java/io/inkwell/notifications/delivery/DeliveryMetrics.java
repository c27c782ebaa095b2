package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the publish-to-inbox timer cannot show: mails that are owed and not going out. The timer
 * records only mails the SMTP server accepted, so while it is unreachable the timer goes quiet
 * instead of slow; these gauges keep growing. Read at scrape time from the deliveries every
 * instance shares, so each instance reports the same numbers (dashboards take the maximum).
 */
@Component
class DeliveryMetrics {

  private static final String COLLECTION = "deliveries";

  private final MongoOperations mongo;
  private final Clock clock;

  DeliveryMetrics(MongoOperations mongo, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.clock = clock;
    Gauge.builder("inkwell.deliveries.due", this, DeliveryMetrics::due)
        .description("Post mails and digests due now that have not gone out yet")
        .register(registry);
    Gauge.builder("inkwell.deliveries.scheduled", this, DeliveryMetrics::scheduled)
        .description(
            "Post mails waiting for a later time: a digest, or another try after a failure")
        .register(registry);
    Gauge.builder("inkwell.deliveries.overdue", this, DeliveryMetrics::overdueSeconds)
        .description("How long the longest-waiting due mail has been due")
        .baseUnit("seconds")
        .register(registry);
  }

  private double due() {
    return mongo.count(Query.query(dueNow()), COLLECTION);
  }

  private double scheduled() {
    return mongo.count(
        Query.query(
            where("status").is(DeliveryStatus.PENDING).and("notBefore").gt(clock.instant())),
        COLLECTION);
  }

  private double overdueSeconds() {
    Query oldest = Query.query(dueNow()).with(Sort.by("notBefore")).limit(1);
    oldest.fields().include("notBefore");
    Document delivery = mongo.findOne(oldest, Document.class, COLLECTION);
    if (delivery == null) {
      return 0;
    }
    Instant dueSince = delivery.get("notBefore", Date.class).toInstant();
    return Math.max(0, Duration.between(dueSince, clock.instant()).toMillis() / 1000.0);
  }

  /** Pending and due, or claimed by a sender that has not finished (or never will). */
  private Criteria dueNow() {
    return where("status")
        .in(DeliveryStatus.PENDING, DeliveryStatus.SENDING)
        .and("notBefore")
        .lte(clock.instant());
  }
}
