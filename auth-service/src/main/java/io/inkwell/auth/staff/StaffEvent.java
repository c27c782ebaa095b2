package io.inkwell.auth.staff;

import java.time.Instant;

/**
 * An event a staff account (or an integration) raised, waiting in the outbox of its document until
 * the relay has sent it to {@code blog.staff-events}, keyed by the document's id: the staff id, or
 * the integration's client id.
 */
public sealed interface StaffEvent
    permits StaffChanged,
        StaffInvited,
        PasswordResetRequested,
        TwoStepSetupCodeRequested,
        StaffSecurityNotice,
        StaffRemoved,
        IntegrationRevoked {

  String eventId();

  String type();

  Instant occurredAt();
}
