package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.site.SiteName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * When the blog moves to another time zone, the digests already waiting move with it: one due at 8
 * on Tuesday morning in the old zone goes out at 8 on Tuesday morning in the new one, or at once if
 * that time has passed there. Only digests not yet due by a margin move, so none is moved while a
 * sender claims it.
 */
@Component
class DigestTimes {

  private static final Logger log = LoggerFactory.getLogger(DigestTimes.class);

  /** Digests due sooner than this stay as they are: a sender may be claiming them. */
  static final Duration MARGIN = Duration.ofMinutes(1);

  private final MongoOperations mongo;
  private final Clock clock;

  DigestTimes(MongoOperations mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  @EventListener
  void on(SiteName.ZoneChanged change) {
    Instant now = clock.instant();
    var waiting = where("status").is(DeliveryStatus.PENDING).and("digestAt").gt(now.plus(MARGIN));
    // a few distinct times (one a day or a week), however many subscribers wait for them
    var times = mongo.findDistinct(Query.query(waiting), "digestAt", Delivery.class, Date.class);
    long moved = 0;
    for (Date time : times) {
      Instant was = time.toInstant();
      Instant there = LocalDateTime.ofInstant(was, change.from()).atZone(change.to()).toInstant();
      Instant at = there.isBefore(now) ? now : there;
      moved +=
          mongo
              .updateMulti(
                  Query.query(where("status").is(DeliveryStatus.PENDING).and("digestAt").is(was)),
                  new Update().set("digestAt", at).set("notBefore", at),
                  Delivery.class)
              .getModifiedCount();
    }
    log.info(
        "The blog moved from {} to {}: {} waiting digest deliveries follow it",
        change.from(),
        change.to(),
        moved);
  }
}
