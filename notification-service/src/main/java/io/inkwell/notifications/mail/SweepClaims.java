package io.inkwell.notifications.mail;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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

  /** How long after it was recorded a mail is left to its first try, by the event's listener. */
  static final Duration FIRST_TRY = Duration.ofSeconds(30);

  private static final String CLAIMED_UNTIL = "claimedUntil";

  private SweepClaims() {}

  /**
   * One sweep: each of the first 100 mails that are {@code unsent}, were recorded before their
   * first try's time was up and match {@code more} is claimed and, if this instance got it, handed
   * to {@code send}; one at a time, so that no claim runs out waiting behind the others' tries.
   */
  @SafeVarargs
  public static <T> void forEachClaimed(
      MongoTemplate mongo,
      Class<T> type,
      Clock clock,
      Criteria unsent,
      Function<T, Object> id,
      Consumer<T> send,
      Criteria... more) {
    Instant now = clock.instant();
    var due = new ArrayList<>(List.of(more));
    due.add(unsent);
    due.add(where("createdAt").lt(now.minus(FIRST_TRY)));
    due.add(unclaimed(now));
    var query = Query.query(new Criteria().andOperator(due)).limit(100);
    for (T mail : mongo.find(query, type)) {
      if (claim(mongo, type, id.apply(mail), unsent, clock.instant())) {
        send.accept(mail);
      }
    }
  }

  private static Criteria unclaimed(Instant now) {
    return new Criteria()
        .orOperator(where(CLAIMED_UNTIL).exists(false), where(CLAIMED_UNTIL).lte(now));
  }

  /** Claims the mail for one try if it is still unsent and nobody else claimed it since. */
  private static boolean claim(
      MongoTemplate mongo, Class<?> type, Object id, Criteria unsent, Instant now) {
    var unclaimedAndUnsent =
        Query.query(new Criteria().andOperator(where("_id").is(id), unsent, unclaimed(now)));
    return mongo
            .updateFirst(unclaimedAndUnsent, Update.update(CLAIMED_UNTIL, now.plus(LEASE)), type)
            .getModifiedCount()
        == 1;
  }
}
