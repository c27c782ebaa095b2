package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Addresses typed into the subscribe form whose owner never confirmed are forgotten after a while,
 * as Ghost makes no member of an address until its link is followed: anyone may type anyone's
 * address, and a form that bots find would otherwise fill the subscriber list with people who never
 * asked. The time runs from the last mail that asked, so that a link asked for again late still
 * works its day. Whoever once confirmed is kept, as is the memory of an address that unsubscribed
 * (it stays unsubscribed when typed again, until its owner confirms). Any instance may do it, as
 * often as it likes.
 */
@Component
class UnconfirmedSubscribers {

  private static final Logger log = LoggerFactory.getLogger(UnconfirmedSubscribers.class);

  private final MongoOperations mongo;
  private final Clock clock;
  private final Duration kept;

  UnconfirmedSubscribers(
      MongoOperations mongo,
      Clock clock,
      @Value("${inkwell.notifications.unconfirmed-kept:30d}") Duration kept) {
    this.mongo = mongo;
    this.clock = clock;
    this.kept = kept;
  }

  @Scheduled(fixedDelayString = "${inkwell.notifications.mail-record-prune-interval:6h}")
  void forget() {
    Instant cutoff = clock.instant().minus(kept);
    var neverConfirmed =
        Query.query(
            where("status")
                .is(SubscriberStatus.PENDING)
                .and("confirmedAt")
                .is(null)
                .orOperator(
                    where(SubscriptionManagement.ASKED_AT).lt(cutoff),
                    // asked before the time of the last asking was kept
                    where(SubscriptionManagement.ASKED_AT)
                        .exists(false)
                        .and("createdAt")
                        .lt(cutoff)));
    long forgotten = mongo.remove(neverConfirmed, Subscriber.class).getDeletedCount();
    if (forgotten > 0) {
      log.info("Forgot {} subscribers who did not confirm within {}", forgotten, kept);
    }
  }
}
