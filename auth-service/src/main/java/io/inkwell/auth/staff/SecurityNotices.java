package io.inkwell.auth.staff;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.staff.StaffSecurityNotice.Notice;
import java.time.Clock;
import java.util.UUID;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Writes {@link StaffSecurityNotice}s as the staff document's outbox keeps them, for the update
 * that makes the change to push, so that a notice is raised exactly when its change is made.
 */
@Component
class SecurityNotices {

  private final MongoOperations mongo;
  private final Clock clock;
  private final String resetUrl;

  SecurityNotices(MongoOperations mongo, AuthSettings settings, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
    this.resetUrl = settings.issuer() + "/password-reset";
  }

  /** The outbox entry of {@code notice} to {@code account}'s owner. */
  Object of(StaffAccount account, Notice notice) {
    return of(account, notice, null, null, null);
  }

  /**
   * @param device the browser of a new sign-in
   * @param changedBy the admin who made the change, when it was not the account's owner
   * @param recoveryCodesLeft how many recovery codes are left after one was used
   */
  Object of(
      StaffAccount account,
      Notice notice,
      String device,
      String changedBy,
      Integer recoveryCodesLeft) {
    return stored(
        mongo,
        new StaffSecurityNotice(
            UUID.randomUUID().toString(),
            "StaffSecurityNotice",
            clock.instant(),
            account.id(),
            account.email(),
            account.name(),
            notice,
            device,
            changedBy,
            recoveryCodesLeft,
            resetUrl));
  }

  /** An event as the outbox keeps it (with its type, for reading it back). */
  static Object stored(MongoOperations mongo, StaffEvent event) {
    return mongo.getConverter().convertToMongoType(event, TypeInformation.of(StaffEvent.class));
  }
}
