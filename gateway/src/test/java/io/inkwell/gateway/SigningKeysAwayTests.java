package io.inkwell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway that has no signing keys yet and cannot fetch them (started while auth-service is
 * away): a staff member's request is told to come back (503 {@code sign-in-unavailable} with {@code
 * Retry-After}), as the services tell it, not that a service is unreachable; the log says it in a
 * line. Its own context, whose keys are at an address nothing answers.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokens.ISSUER,
      "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}"
    })
class SigningKeysAwayTests {

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void rateLimits(DynamicPropertyRegistry registry) {
    registry.add("inkwell.gateway.shared-rate-limits.uri", () -> TestMongo.uri("gateway-keys"));
  }

  @Test
  void aTokenThatCannotBeCheckedNowIsAServiceUnavailableForAWhile(CapturedOutput log)
      throws Exception {
    int logBefore = log.getOut().length();
    var response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/subscribers"))
                    .header("Authorization", "Bearer " + TestTokens.staff("a-1", "Ada", "ADMIN"))
                    .header("Accept", "application/json")
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body()).contains("https://inkwell.dev/problems/sign-in-unavailable");
    assertThat(log.getOut().substring(logBefore))
        .contains("A token could not be checked")
        .doesNotContain(" ERROR ");
  }
}
