package io.inkwell.notifications;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running notification-service against the module's real Kafka broker, MongoDB wire server and
 * SMTP server. All subclasses share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "inkwell.notifications.send-interval=100ms",
      "inkwell.notifications.site-url=https://blog.example.org",
      // the sender's address is nobody's inbox: readers' replies go here
      "inkwell.notifications.reply-to=Letters <letters@blog.example.org>",
      "inkwell.notifications.confirmations-per-client=5",
      "inkwell.notifications.webhook-retry-base=200ms",
      "inkwell.notifications.webhook-attempts=3",
      "inkwell.notifications.webhook-timeout=2s",
      // the tests' receivers run on this machine
      "inkwell.notifications.webhook-private-hosts=*"
    })
public abstract class IntegrationTest {

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("notifications"));
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", TestMail::smtpPort);
    registry.add("inkwell.notifications.unsubscribe-mailbox.host", () -> "localhost");
    registry.add("inkwell.notifications.unsubscribe-mailbox.port", TestMail::imapPort);
    registry.add("inkwell.notifications.unsubscribe-mailbox.username", () -> TestMail.BLOG);
    registry.add("inkwell.notifications.unsubscribe-mailbox.password", () -> TestMail.BLOG);
    registry.add("inkwell.notifications.unsubscribe-mailbox.ssl", () -> "false");
    registry.add("inkwell.notifications.unsubscribe-mailbox.interval", () -> "300ms");
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  /** A signed-in admin: reads delivery reports and the subscriber list. */
  protected ApiClient admin() {
    return api().withToken(TestTokens.staff("admin-1", "Ada Admin", "ADMIN"));
  }

  /** A client from an address of its own, so that per-client limits do not add up across tests. */
  protected ApiClient api() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return new ApiClient(
        "http://localhost:" + port, "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255));
  }
}
