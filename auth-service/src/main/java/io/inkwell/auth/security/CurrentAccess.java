package io.inkwell.auth.security;

import io.inkwell.auth.integration.IntegrationManagement;
import io.inkwell.auth.staff.StaffManagement;
import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * This service's own API refuses a token whose holder lost access after it was issued: a staff
 * member suspended, removed or given another role, an integration revoked. auth-service keeps the
 * accounts, so it asks them (one read by id for a request to its API, which only staff and
 * integrations make) where the gateway and the other services follow {@code blog.staff-events} (ADR
 * 6). A member let in again, or a token of the role they have now, is let through.
 */
@Component
class CurrentAccess implements OAuth2TokenValidator<Jwt> {

  /** The role auth-service gives integrations' tokens ({@code TokenClaims}). */
  private static final String INTEGRATION = "INTEGRATION";

  private final StaffManagement staff;
  private final IntegrationManagement integrations;

  CurrentAccess(StaffManagement staff, IntegrationManagement integrations) {
    this.staff = staff;
    this.integrations = integrations;
  }

  @Override
  public OAuth2TokenValidatorResult validate(Jwt token) {
    String subject = token.getSubject();
    List<String> roles = token.getClaimAsStringList("roles");
    if (subject == null || roles == null || roles.isEmpty()) {
      return OAuth2TokenValidatorResult.success(); // no role: nothing here is open to it anyway
    }
    if (roles.contains(INTEGRATION)) {
      // nothing here is an integration's (403), unless it was revoked: then it is nobody (401)
      return integrations.byClientId(subject).isPresent()
          ? OAuth2TokenValidatorResult.success()
          : refused("The integration was revoked after this token was issued.");
    }
    var account = staff.byId(subject).orElse(null);
    if (account == null || account.suspended()) {
      return refused("The account was suspended or removed after this token was issued.");
    }
    return roles.contains(account.role().name())
        ? OAuth2TokenValidatorResult.success()
        : refused("The account's role changed after this token was issued; sign in again.");
  }

  private static OAuth2TokenValidatorResult refused(String why) {
    return OAuth2TokenValidatorResult.failure(
        new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
  }
}
