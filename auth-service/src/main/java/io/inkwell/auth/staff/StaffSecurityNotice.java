package io.inkwell.auth.staff;

import java.time.Instant;

/**
 * Something changed in how a staff member's account is signed in to, which they should hear of if
 * it was not them (as GitHub, Google and WordPress mail it): notification-service mails the
 * account's address (see {@code contracts/staff-security-notice.schema.json}). Raised with the
 * change itself, in the same update of the account.
 *
 * @param device the browser of a {@code NEW_BROWSER} sign-in ("Firefox on Windows"), null when its
 *     {@code User-Agent} names none
 * @param changedBy the admin who turned their two-step sign-in off; null when it was them
 * @param recoveryCodesLeft after a {@code RECOVERY_CODE_USED} sign-in, how many are left
 * @param resetUrl the page where whoever did not make the change asks for a new password
 */
public record StaffSecurityNotice(
    String eventId,
    String type,
    Instant occurredAt,
    String staffId,
    String email,
    String name,
    Notice notice,
    String device,
    String changedBy,
    Integer recoveryCodesLeft,
    String resetUrl)
    implements StaffEvent {

  /** What happened. */
  public enum Notice {
    /** A sign-in from a browser the account had not signed in with before. */
    NEW_BROWSER,
    /** The password changed: on the account page, or through a mailed reset link. */
    PASSWORD_CHANGED,
    /** Two-step sign-in was turned on. */
    TWO_STEP_ON,
    /** Two-step sign-in was turned off, by them or by an admin. */
    TWO_STEP_OFF,
    /** A recovery code was taken instead of the app's code. */
    RECOVERY_CODE_USED,
    /** New recovery codes were made; the old ones work no more. */
    RECOVERY_CODES_RENEWED
  }
}
