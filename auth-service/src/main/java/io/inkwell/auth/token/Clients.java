package io.inkwell.auth.token;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.integration.Integration;
import io.inkwell.auth.integration.IntegrationManagement;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;

/**
 * The OAuth2 clients: the web admin, a public client from configuration that must use PKCE, and the
 * integrations from the database, each a client-credentials client.
 */
@Component
class Clients implements RegisteredClientRepository {

  static final String API_SCOPE = "api";

  private final IntegrationManagement integrations;
  private final RegisteredClient webClient;
  private final TokenSettings tokens;

  Clients(IntegrationManagement integrations, AuthSettings settings) {
    this.integrations = integrations;
    this.tokens = TokenSettings.builder().accessTokenTimeToLive(settings.accessTokenTtl()).build();
    var web = settings.webClient();
    this.webClient =
        RegisteredClient.withId(web.clientId())
            .clientId(web.clientId())
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUris(uris -> uris.addAll(web.redirectUris()))
            .postLogoutRedirectUris(uris -> uris.addAll(web.postLogoutRedirectUris()))
            .scope(OidcScopes.OPENID)
            .scope(OidcScopes.PROFILE)
            .clientSettings(
                ClientSettings.builder()
                    .requireProofKey(true)
                    .requireAuthorizationConsent(false)
                    .build())
            .tokenSettings(tokens)
            .build();
  }

  @Override
  public RegisteredClient findById(String id) {
    return findByClientId(id);
  }

  @Override
  public RegisteredClient findByClientId(String clientId) {
    if (webClient.getClientId().equals(clientId)) {
      return webClient;
    }
    return integrations.byClientId(clientId).map(this::registered).orElse(null);
  }

  /**
   * Stores a client-credentials client as an integration (its secret must come encoded, as Spring
   * Authorization Server hands it over). The web client is configuration and is not stored.
   */
  @Override
  public void save(RegisteredClient client) {
    if (webClient.getClientId().equals(client.getClientId())) {
      throw new IllegalArgumentException("The web client comes from configuration");
    }
    if (client.getClientSecret() == null
        || !client
            .getAuthorizationGrantTypes()
            .equals(java.util.Set.of(AuthorizationGrantType.CLIENT_CREDENTIALS))) {
      throw new IllegalArgumentException(
          "Only client-credentials clients with a secret are stored");
    }
    integrations.store(
        new Integration(
            client.getClientId(),
            client.getClientName(),
            client.getClientSecret(),
            client.getClientIdIssuedAt() == null
                ? java.time.Instant.now()
                : client.getClientIdIssuedAt()));
  }

  private RegisteredClient registered(Integration integration) {
    return RegisteredClient.withId(integration.clientId())
        .clientId(integration.clientId())
        .clientName(integration.name())
        .clientSecret(integration.secretHash())
        .clientIdIssuedAt(integration.createdAt())
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
        .scope(API_SCOPE)
        .tokenSettings(tokens)
        .build();
  }
}
