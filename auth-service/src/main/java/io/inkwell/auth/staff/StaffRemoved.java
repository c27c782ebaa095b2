package io.inkwell.auth.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin removed a staff account: whoever keeps its address forgets it (see {@code
 * contracts/staff-removed.schema.json}). Their posts keep their byline; comments on them are the
 * owner's to hear of, as for any byline without an account.
 */
public record StaffRemoved(String eventId, String type, Instant occurredAt, String staffId)
    implements StaffEvent {

  static StaffRemoved of(StaffAccount account, Instant now) {
    return new StaffRemoved(UUID.randomUUID().toString(), "StaffRemoved", now, account.id());
  }
}
