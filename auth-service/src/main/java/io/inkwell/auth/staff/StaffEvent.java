package io.inkwell.auth.staff;

import java.time.Instant;

/**
 * An event a staff account raised, waiting in the account's outbox until the relay has sent it to
 * {@code blog.staff-events}, keyed by the staff id.
 */
public sealed interface StaffEvent
    permits StaffChanged, StaffInvited, PasswordResetRequested, StaffRemoved {

  String eventId();

  String type();

  Instant occurredAt();

  String staffId();
}
