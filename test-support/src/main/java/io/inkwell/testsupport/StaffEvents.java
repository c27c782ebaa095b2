package io.inkwell.testsupport;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * auth-service's events about a staff member's or an integration's access, as {@code
 * blog.staff-events} carries them: each the contract's example for this one, as of {@code at}, and
 * true to the contract.
 */
public final class StaffEvents {

  private StaffEvents() {}

  /**
   * {@code StaffChanged}: the member's role now, and whether an admin suspended them; they want no
   * mails about comments or drafts.
   */
  public static String changed(String staffId, String role, boolean suspended, Instant at) {
    ObjectNode event = of("staff-changed", at);
    event.put("staffId", staffId);
    event.put("email", staffId + "@staff.example.org");
    event.put("role", role);
    event.put("suspended", suspended);
    // about their access only: no mails about comments or drafts for other tests to count
    event.put("commentMails", false);
    event.put("reviewMails", false);
    return checked(event);
  }

  /** {@code StaffRemoved}: an admin removed the member. */
  public static String removed(String staffId, Instant at) {
    ObjectNode event = of("staff-removed", at);
    event.put("staffId", staffId);
    return checked(event);
  }

  /** {@code IntegrationRevoked}: an admin revoked the integration with this client id. */
  public static String integrationRevoked(String clientId, Instant at) {
    ObjectNode event = of("integration-revoked", at);
    event.put("clientId", clientId);
    return checked(event);
  }

  /**
   * The events, keyed as auth-service keys them, by which as of {@code at} the member {@code
   * sue-{run}} (of {@code role}) is suspended, {@code rem-{run}} removed, {@code dem-{run}} given
   * {@code lowerRole}, the integration {@code zap-{run}} revoked, and {@code una-{run}} keeps
   * {@code role}: what a service that refuses the tokens of those who lost access is tested with.
   */
  public static Map<String, String> accessChanges(
      String run, String role, String lowerRole, Instant at) {
    var events = new LinkedHashMap<String, String>();
    events.put("sue-" + run, changed("sue-" + run, role, true, at));
    events.put("rem-" + run, removed("rem-" + run, at));
    events.put("dem-" + run, changed("dem-" + run, lowerRole, false, at));
    events.put("zap-" + run, integrationRevoked("zap-" + run, at));
    events.put("una-" + run, changed("una-" + run, role, false, at));
    return events;
  }

  private static ObjectNode of(String contract, Instant at) {
    ObjectNode event = Contracts.example(contract);
    event.put("occurredAt", at.toString());
    return event;
  }

  private static String checked(ObjectNode event) {
    var violations = Contracts.violations(event.toString());
    if (!violations.isEmpty()) {
      throw new IllegalStateException("Not true to its contract: " + violations);
    }
    return event.toString();
  }
}
