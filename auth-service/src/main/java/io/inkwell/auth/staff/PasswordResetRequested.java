package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member who forgot their password asked for a link to choose a new one:
 * notification-service mails it to the account's address (see {@code
 * contracts/password-reset-requested.schema.json}). The link is a credential until it is used or
 * runs out, so this event stays inside the platform.
 *
 * @param resetUrl the page where the new password is chosen
 */
public record PasswordResetRequested(
    String eventId,
    String type,
    Instant occurredAt,
    String staffId,
    String email,
    String name,
    String resetUrl,
    Instant expiresAt)
    implements StaffEvent {

  static PasswordResetRequested of(
      StaffAccount account, String resetUrl, Instant expiresAt, Instant now) {
    return new PasswordResetRequested(
        UUID.randomUUID().toString(),
        "PasswordResetRequested",
        now,
        account.id(),
        account.email(),
        account.name(),
        resetUrl,
        expiresAt);
  }
}
