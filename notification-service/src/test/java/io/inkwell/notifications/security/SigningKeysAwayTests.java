package io.inkwell.notifications.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * auth-service away, and with it the keys that check an access token (after the 5 minutes they are
 * kept): an admin's request is told to come back (503 with {@code Retry-After}), not given a 500
 * and an error in the log. Its own context, whose keys are at an address nothing answers; without
 * Kafka listeners, which would take partitions from the consumer groups of the module's shared
 * context.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.listener.auto-startup=false",
      "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/oauth2/jwks"
    })
class SigningKeysAwayTests {

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("notifications-keys-away"));
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", TestMail::smtpPort);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @Test
  void aTokenThatCannotBeCheckedNowIsAServiceUnavailableNotAnError(CapturedOutput log) {
    var reader = new ApiClient("http://localhost:" + port);
    var admin = reader.withToken(TestTokens.staff("admin-1", "Ada Admin", "ADMIN"));
    int logBefore = log.getOut().length();

    var write =
        admin.post(
            "/api/webhooks",
            ApiClient.json(
                Map.of(
                    "name",
                    "Chat",
                    "event",
                    "post.published",
                    "targetUrl",
                    "https://example.org/")));

    assertThat(write.status()).as(write.toString()).isEqualTo(503);
    assertThat(write.header("Content-Type")).startsWith("application/problem+json");
    assertThat(write.text("type")).isEqualTo("https://inkwell.dev/problems/sign-in-unavailable");
    assertThat(write.header("Retry-After")).isEqualTo("10");
    assertThat(admin.get("/api/subscribers").status()).isEqualTo(503);
    assertThat(log.getOut().substring(logBefore))
        .contains("A token could not be checked")
        .doesNotContain(" ERROR ");
  }
}
