package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Whether the blog requires two-step sign-in of all its staff (Ghost's "Require two-factor
 * authentication for staff", a GitHub organisation's "Require two-factor authentication"): once it
 * does, a staff member who has not set it up is signed in by nothing but setting it up, right after
 * their password, on the sign-in page. An admin turns it on only with two-step sign-in of their
 * own, so that nobody requires of others what they skip themselves. Kept in the {@code
 * security-policy} collection.
 */
@Component
public class TwoStepPolicy {

  private static final Logger log = LoggerFactory.getLogger(TwoStepPolicy.class);
  private static final String COLLECTION = "security-policy";
  private static final String ID = "two-step";

  private final MongoOperations mongo;
  private final StaffAccounts accounts;
  private final Clock clock;

  TwoStepPolicy(MongoOperations mongo, StaffAccounts accounts, Clock clock) {
    this.mongo = mongo;
    this.accounts = accounts;
    this.clock = clock;
  }

  /** Whether every staff member must sign in in two steps. */
  public boolean required() {
    Document policy = mongo.findById(ID, Document.class, COLLECTION);
    return policy != null && Boolean.TRUE.equals(policy.getBoolean("required"));
  }

  /**
   * Requires two-step sign-in of all staff, or stops; refused ({@link OwnTwoStepOff}) when the
   * admin who turns it on has not set it up for themselves.
   */
  public void require(boolean required, String byStaffId) {
    if (required && !accounts.findById(byStaffId).map(StaffAccount::twoStep).orElse(false)) {
      throw new OwnTwoStepOff();
    }
    mongo.upsert(
        Query.query(where("_id").is(ID)),
        new Update()
            .set("required", required)
            .set("changedBy", byStaffId)
            .set("changedAt", clock.instant()),
        COLLECTION);
    log.info(
        "Staff {} {} two-step sign-in of all staff",
        byStaffId,
        required ? "required" : "no longer requires");
  }

  /** Staff who still sign in with a password alone (not suspended, not removed). */
  public long staffWithoutIt() {
    return accounts.findAll().stream()
        .filter(account -> !account.removed() && !account.suspended() && !account.twoStep())
        .count();
  }

  /** Requiring two-step sign-in of others without it of one's own. */
  public static class OwnTwoStepOff extends RuntimeException {
    OwnTwoStepOff() {
      super("Turn two-step sign-in on for yourself first (on your account page).");
    }
  }
}
