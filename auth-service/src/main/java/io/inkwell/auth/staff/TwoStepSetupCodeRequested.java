package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff member gave the right password to a blog that requires two-step sign-in, and has not set
 * it up: before the page shows them a secret to scan, notification-service mails this code to the
 * account's address, so that a password alone, in someone else's hands, sets nothing up (see {@code
 * contracts/two-step-setup-code-requested.schema.json}). The code is a credential until it is used
 * or runs out, so this event stays inside the platform.
 *
 * @param code six digits, typed on the sign-in page
 */
public record TwoStepSetupCodeRequested(
    String eventId,
    String type,
    Instant occurredAt,
    String staffId,
    String email,
    String name,
    String code,
    Instant expiresAt)
    implements StaffEvent {

  static TwoStepSetupCodeRequested of(
      StaffAccount account, String code, Instant expiresAt, Instant now) {
    return new TwoStepSetupCodeRequested(
        UUID.randomUUID().toString(),
        "TwoStepSetupCodeRequested",
        now,
        account.id(),
        account.email(),
        account.name(),
        code,
        expiresAt);
  }
}
