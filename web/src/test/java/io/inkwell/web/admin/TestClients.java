package io.inkwell.web.admin;

import java.time.Instant;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/** The web client's sign-in as the admin pages get it, for tests that call them directly. */
final class TestClients {

  private TestClients() {}

  /**
   * A staff member signed in with this access token, valid from {@code issued} to {@code expires}.
   */
  static OAuth2AuthorizedClient signedIn(String token, Instant issued, Instant expires) {
    return new OAuth2AuthorizedClient(
        ClientRegistration.withRegistrationId("inkwell")
            .clientId("inkwell-web")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri("http://auth/authorize")
            .tokenUri("http://auth/token")
            .build(),
        "someone",
        new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, token, issued, expires));
  }
}
