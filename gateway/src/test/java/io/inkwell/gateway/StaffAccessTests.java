package io.inkwell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.gateway.StaffAccess.StaffEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which tokens a change of access voids, where a token's {@code iat} counts whole seconds: a locked
 * out holder's token of the lock's own second was given before it, while a token of a role change's
 * own second may already carry the new role.
 */
class StaffAccessTests {

  private static final Instant CHANGE = Instant.parse("2026-12-01T12:00:00.600Z");

  private final StaffAccess access = new StaffAccess(JsonMapper.builder().build());

  @Test
  void aRevokedIntegrationsTokenOfTheRevocationsOwnSecondIsRefused() {
    access.apply(new StaffEvent("IntegrationRevoked", null, "zapier", null, null, CHANGE));

    assertThat(valid("zapier", "INTEGRATION", "2026-12-01T12:00:00Z")).isFalse();
    assertThat(valid("zapier", "INTEGRATION", "2026-12-01T11:55:00Z")).isFalse();
    assertThat(valid("make", "INTEGRATION", "2026-12-01T11:55:00Z")).isTrue();
  }

  @Test
  void anIntegrationMadeAnewWithItsOldClientIdIsLetInWithItsNewTokens() {
    access.apply(new StaffEvent("IntegrationRevoked", null, "local-stack", null, null, CHANGE));

    assertThat(valid("local-stack", "INTEGRATION", "2026-12-01T12:05:00Z")).isTrue();
  }

  @Test
  void aSuspendedOrRemovedMembersTokensAreRefusedUntilTheyAreLetInAgain() {
    access.apply(new StaffEvent("StaffChanged", "sue", null, "AUTHOR", true, CHANGE));
    access.apply(new StaffEvent("StaffRemoved", "rem", null, null, null, CHANGE));

    assertThat(valid("sue", "AUTHOR", "2026-12-01T12:00:00Z")).isFalse();
    assertThat(valid("rem", "AUTHOR", "2026-12-01T12:00:00Z")).isFalse();

    access.apply(
        new StaffEvent("StaffChanged", "sue", null, "AUTHOR", false, CHANGE.plusSeconds(60)));
    assertThat(valid("sue", "AUTHOR", "2026-12-01T12:00:00Z")).isTrue();
  }

  @Test
  void aTokenOfARoleChangesOwnSecondMayCarryTheNewRole() {
    access.apply(new StaffEvent("StaffChanged", "dem", null, "AUTHOR", false, CHANGE));

    assertThat(valid("dem", "EDITOR", "2026-12-01T11:59:59Z")).isFalse();
    assertThat(valid("dem", "EDITOR", "2026-12-01T12:00:00Z")).isTrue();
    assertThat(valid("dem", "AUTHOR", "2026-12-01T11:59:59Z")).isTrue();
  }

  @Test
  void anOlderEventReadAfterANewerOneChangesNothing() {
    access.apply(new StaffEvent("StaffChanged", "sue", null, "AUTHOR", false, CHANGE));
    access.apply(
        new StaffEvent("StaffChanged", "sue", null, "AUTHOR", true, CHANGE.minusSeconds(60)));

    assertThat(valid("sue", "AUTHOR", "2026-12-01T11:50:00Z")).isTrue();
  }

  private boolean valid(String subject, String role, String issuedAt) {
    Instant issued = Instant.parse(issuedAt);
    var token =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject(subject)
            .claim("roles", List.of(role))
            .issuedAt(issued)
            .expiresAt(issued.plusSeconds(600))
            .build();
    return !access.validate(token).hasErrors();
  }
}
