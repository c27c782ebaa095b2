package io.inkwell.notifications.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Every instance sweeps the same recorded mails that are still unsent (comment notices, review
 * requests, staff links) for another try; each claims a mail for one try before sending it, so that
 * of the instances that found it, one sends it. The claim is a {@code claimedUntil} on the mail's
 * document, set by one conditional update; a sender that stopped mid-try leaves it to run out.
 */
public final class SweepClaims {

  /** Longer than one try can take (the SMTP time-outs are seconds). */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final String CLAIMED_UNTIL = "claimedUntil";

  private SweepClaims() {}

  /** Mails nobody is trying right now, for the sweep's query. */
  public static Criteria unclaimed(Instant now) {
    return new Criteria()
        .orOperator(where(CLAIMED_UNTIL).exists(false), where(CLAIMED_UNTIL).lte(now));
  }

  /**
   * Claims the mail for one try if it is still as the sweep found it ({@code stillDue}) and nobody
   * else claimed it since.
   *
   * @return whether this instance is to send it
   */
  public static boolean claim(
      MongoTemplate mongo, Class<?> type, Object id, Criteria stillDue, Instant now) {
    var unclaimedAndDue =
        Query.query(new Criteria().andOperator(where("_id").is(id), stillDue, unclaimed(now)));
    return mongo
            .updateFirst(unclaimedAndDue, Update.update(CLAIMED_UNTIL, now.plus(LEASE)), type)
            .getModifiedCount()
        == 1;
  }
}
