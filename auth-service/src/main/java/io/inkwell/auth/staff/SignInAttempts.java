package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.AuthSettings;
import java.time.Clock;
import java.time.Instant;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords counted per address, as Ghost's per-login limit and WordPress's "Limit Login
 * Attempts" count them: {@code sign-in-lock.failures} wrong passwords in a row, each within {@code
 * sign-in-lock.duration} of the one before, lock the address for that long, whichever computers
 * they came from (the gateway's limit counts per computer). Addresses that are nobody's are counted
 * and locked the same way, so a lock tells nobody who is staff; they are kept by a hash only. A
 * right password, or a password set through a mailed link, clears the count.
 */
@Component
public class SignInAttempts {

  private static final Logger log = LoggerFactory.getLogger(SignInAttempts.class);
  private static final String COLLECTION = "signInAttempts";

  private final MongoOperations mongo;
  private final AuthSettings.SignInLock lock;
  private final Clock clock;

  SignInAttempts(MongoOperations mongo, AuthSettings settings, Clock clock) {
    this.mongo = mongo;
    this.lock = settings.signInLock();
    this.clock = clock;
  }

  /** Whether sign-ins with this address are refused for now, right password or not. */
  public boolean locked(String email) {
    Document attempts =
        mongo.findOne(Query.query(where("_id").is(key(email))), Document.class, COLLECTION);
    return attempts != null
        && attempts.getDate("lockedUntil") != null
        && attempts.getDate("lockedUntil").toInstant().isAfter(clock.instant());
  }

  /** One more wrong password for this address; the one too many locks it. */
  public void failed(String email) {
    Instant now = clock.instant();
    String key = key(email);
    // a count whose last failure is older than the lock's duration (or whose lock ran out) starts
    // again: slow guessing, or the owner's own typos a day apart, lock nothing
    mongo.updateFirst(
        Query.query(where("_id").is(key).and("lastFailureAt").lt(now.minus(lock.duration()))),
        new Update().set("failures", 0).unset("lockedUntil"),
        COLLECTION);
    Document counted =
        mongo.findAndModify(
            Query.query(where("_id").is(key)),
            new Update().inc("failures", 1).set("lastFailureAt", now),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Document.class,
            COLLECTION);
    if (counted != null && counted.get("failures", Number.class).intValue() >= lock.failures()) {
      mongo.updateFirst(
          Query.query(where("_id").is(key)),
          new Update().set("failures", 0).set("lockedUntil", now.plus(lock.duration())),
          COLLECTION);
      log.warn(
          "{} wrong passwords in a row for one address: it is locked until {}",
          lock.failures(),
          now.plus(lock.duration()));
    }
  }

  /** The address proved itself (the right password, or a mailed link): its count is gone. */
  public void cleared(String email) {
    mongo.remove(Query.query(where("_id").is(key(email))), COLLECTION);
  }

  /** Counts and locks that ran out go, so guesses at addresses of nobody pile nothing up. */
  @Scheduled(fixedDelayString = "${inkwell.auth.sign-in-lock.cleanup-interval:1h}")
  public void removeExpired() {
    Instant stale = clock.instant().minus(lock.duration());
    mongo.remove(
        Query.query(
            where("lastFailureAt")
                .lt(stale)
                .orOperator(
                    where("lockedUntil").exists(false), where("lockedUntil").lt(clock.instant()))),
        COLLECTION);
  }

  private static String key(String email) {
    return StaffManagement.sha256(StaffManagement.normalised(email));
  }
}
