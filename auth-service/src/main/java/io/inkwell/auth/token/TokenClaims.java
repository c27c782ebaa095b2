package io.inkwell.auth.token;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.auth.staff.TwoStepPolicy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the services need to know about the caller, inside the token: a stable subject (the staff
 * id, not the email, which may change), the display name for bylines, and the roles. Integrations
 * carry the INTEGRATION role. Every access token is for the one API audience.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  static final String INTEGRATION = "INTEGRATION";

  private final StaffManagement staff;
  private final TwoStepPolicy policy;
  private final AuthSettings settings;

  TokenClaims(StaffManagement staff, TwoStepPolicy policy, AuthSettings settings) {
    this.staff = staff;
    this.policy = policy;
    this.settings = settings;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
    boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
    if (!accessToken && !idToken) {
      return;
    }
    var claims = context.getClaims();
    if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
      claims
          .claim("name", String.valueOf(context.getRegisteredClient().getClientName()))
          .claim("roles", listOf(INTEGRATION));
    } else {
      var account = staff.byEmail(context.getPrincipal().getName()).orElse(null);
      if (account == null || account.suspended()) {
        // Signed in before an admin suspended (or removed) them: no new token.
        throw new OAuth2AuthenticationException(
            new OAuth2Error(OAuth2ErrorCodes.ACCESS_DENIED, "The account is suspended.", null));
      }
      if (!account.twoStep() && policy.required()) {
        // Signed in before the blog required two-step sign-in: set it up first.
        throw new OAuth2AuthenticationException(
            new OAuth2Error(
                OAuth2ErrorCodes.ACCESS_DENIED,
                "The blog requires two-step sign-in; sign in again to set it up.",
                null));
      }
      claims
          .subject(account.id())
          .claim("name", account.name())
          .claim("email", account.email())
          .claim("roles", listOf(account.role().name()));
    }
    if (accessToken) {
      claims.audience(listOf(settings.audience()));
    }
  }

  /**
   * A list the stored authorization can be read back with: Spring Security's Jackson modules allow
   * an {@code ArrayList} in token metadata, not the JDK's immutable lists.
   */
  private static List<String> listOf(String value) {
    return new ArrayList<>(List.of(value));
  }
}
