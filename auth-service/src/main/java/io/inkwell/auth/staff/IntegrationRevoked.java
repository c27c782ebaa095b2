package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin revoked an integration: the gateway refuses the tokens it was given before (see {@code
 * contracts/integration-revoked.schema.json}). It travels with the staff events, keyed by the
 * client id, because an integration acts on the API as a staff member does.
 */
public record IntegrationRevoked(String eventId, String type, Instant occurredAt, String clientId)
    implements StaffEvent {

  public static IntegrationRevoked of(String clientId, Instant now) {
    return new IntegrationRevoked(
        UUID.randomUUID().toString(), "IntegrationRevoked", now, clientId);
  }
}
