package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * Someone was invited to write for the blog: notification-service mails them the link that lets
 * them choose their password (see {@code contracts/staff-invited.schema.json}). The link is a
 * credential until it is used or runs out, so this event stays inside the platform.
 *
 * @param invitedBy the name of the admin who invited them
 * @param acceptUrl the page where the invitation is taken up
 */
public record StaffInvited(
    String eventId,
    String type,
    Instant occurredAt,
    String staffId,
    String email,
    String name,
    Role role,
    String invitedBy,
    String acceptUrl,
    Instant expiresAt)
    implements StaffEvent {

  static StaffInvited of(
      StaffAccount account, String invitedBy, String acceptUrl, Instant expiresAt, Instant now) {
    return new StaffInvited(
        UUID.randomUUID().toString(),
        "StaffInvited",
        now,
        account.id(),
        account.email(),
        account.name(),
        account.role(),
        invitedBy,
        acceptUrl,
        expiresAt);
  }
}
