package io.inkwell.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.integration.Integration;
import io.inkwell.auth.integration.IntegrationManagement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ClientsTests {

  private final IntegrationManagement integrations = mock(IntegrationManagement.class);
  private final Clients clients =
      new Clients(
          integrations,
          new AuthSettings(
              "http://localhost:8080",
              "inkwell-api",
              Duration.ofMinutes(10),
              new AuthSettings.Owner("owner", "o@example.org", "O", null),
              new AuthSettings.BootstrapIntegration(null, null, "x"),
              new AuthSettings.WebClient(
                  "inkwell-web", List.of("http://localhost/cb"), List.of("http://localhost/")),
              "Inkwell",
              Duration.ofDays(7),
              new AuthSettings.PasswordReset(Duration.ofHours(1), Duration.ofMinutes(2)),
              new AuthSettings.SignInLock(10, Duration.ofMinutes(15)),
              Duration.ofDays(14)));

  @Test
  void aSavedClientCredentialsClientIsKeptAsAnIntegrationWithItsEncodedSecret() {
    Instant issued = Instant.parse("2026-11-28T00:00:00Z");
    clients.save(
        RegisteredClient.withId("ci")
            .clientId("ci")
            .clientName("CI")
            .clientSecret("{bcrypt}$2a$10$hash")
            .clientIdIssuedAt(issued)
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .build());

    var stored = ArgumentCaptor.forClass(Integration.class);
    verify(integrations).store(stored.capture());
    assertThat(stored.getValue())
        .isEqualTo(new Integration("ci", "CI", "{bcrypt}$2a$10$hash", issued));
  }

  @Test
  void theConfiguredWebClientIsNeverStored() {
    var web = clients.findByClientId("inkwell-web");

    assertThatThrownBy(() -> clients.save(web)).isInstanceOf(IllegalArgumentException.class);
    verify(integrations, never()).store(any());
  }
}
