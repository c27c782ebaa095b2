package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With the mail server unreachable, subscribing answers a problem+json 503 with Retry-After, not a
 * 500, and the address waits as pending. Its own context: the module's SMTP server stays up.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.mail.host=localhost",
      "spring.mail.properties.mail.smtp.connectiontimeout=2000"
    })
class MailServerDownTests {

  @Value("${local.server.port}")
  private int port;

  @Autowired private Subscribers subscribers;

  /** Where the mail server would be: nothing listens there, except where a test starts one. */
  private static final int SMTP_PORT = freePort();

  @DynamicPropertySource
  static void nothingListens(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("notifications-mail-down"));
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @Test
  void confirmationsThatCouldNotBeSentDoNotUseUpTheAddresssFewADay() {
    String email = "persistent-" + UUID.randomUUID() + "@example.org";
    var client = new ApiClient("http://localhost:" + port, "198.51.100.78");
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("/api/subscriptions", ApiClient.json(Map.of("email", email))).status())
          .isEqualTo(503);
    }

    var mailServer =
        new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    try {
      assertThat(client.post("/api/subscriptions", ApiClient.json(Map.of("email", email))).status())
          .isEqualTo(202);
      assertThat(mailServer.getReceivedMessages()).hasSize(1);
    } finally {
      mailServer.stop();
    }
  }

  @Test
  void subscribingWhileMailIsDownIsA503AndTheAddressWaits() {
    String email = "patient-" + UUID.randomUUID() + "@example.org";

    var answer =
        new ApiClient("http://localhost:" + port, "198.51.100.77")
            .post("/api/subscriptions", ApiClient.json(Map.of("email", email)));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.header("Retry-After")).isEqualTo("60");
    assertThat(subscribers.findByEmail(email))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SubscriberStatus.PENDING));
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
