package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Where the blog requires two-step sign-in, a staff member without it proves the account's mailbox
 * is theirs before they set it up: six digits mailed to it ({@link TwoStepSetupCodeRequested}),
 * typed on the sign-in page. Someone who has only the password cannot put their own phone on the
 * account. The code works once, for {@link #VALID}; another is mailed at most every {@link
 * #INTERVAL}; it is kept on the account as a hash, beside the event in its outbox, written in one
 * update.
 */
@Component
public class SetupCodes {

  /** Long enough to find the mail; short enough that an old one in an inbox opens nothing. */
  static final Duration VALID = Duration.ofMinutes(15);

  /** So that the page cannot be made to fill an inbox. */
  static final Duration INTERVAL = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoOperations mongo;
  private final Clock clock;

  SetupCodes(MongoOperations mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * Mails a new code to this account, unless one was mailed within the last minute; the code mailed
   * before works no more.
   *
   * @return whether a code was mailed now
   */
  public boolean mail(StaffAccount account) {
    Instant now = clock.instant();
    String code = "%06d".formatted(RANDOM.nextInt(1_000_000));
    Instant expiresAt = now.plus(VALID);
    return mongo
            .updateFirst(
                StaffManagement.activeAndNotMailedSince(
                    account, "setupCodeMailedAt", now.minus(INTERVAL)),
                new Update()
                    .set("setupCodeHash", hash(account, code))
                    .set("setupCodeExpiresAt", expiresAt)
                    .set("setupCodeMailedAt", now)
                    .push(
                        "outbox",
                        SecurityNotices.stored(
                            mongo, TwoStepSetupCodeRequested.of(account, code, expiresAt, now))),
                StaffAccount.class)
            .getModifiedCount()
        > 0;
  }

  /**
   * Whether {@code code} is the one last mailed to this account and still works; if it is, it works
   * no more.
   */
  public boolean use(StaffAccount account, String code) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return false;
    }
    var mailed =
        Query.query(
            where("_id")
                .is(account.id())
                .and("setupCodeHash")
                .is(hash(account, code.strip()))
                .and("setupCodeExpiresAt")
                .gt(clock.instant()));
    return mongo
            .updateFirst(
                mailed,
                new Update().unset("setupCodeHash").unset("setupCodeExpiresAt"),
                StaffAccount.class)
            .getModifiedCount()
        > 0;
  }

  private static String hash(StaffAccount account, String code) {
    return StaffManagement.sha256(account.id() + ":" + code);
  }
}
