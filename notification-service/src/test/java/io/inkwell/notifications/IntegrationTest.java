package io.inkwell.notifications;

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
      "inkwell.notifications.site-url=https://blog.example.org"
    })
public abstract class IntegrationTest {

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("notifications"));
    registry.add("spring.mail.host", () -> "localhost");
    registry.add("spring.mail.port", TestMail::smtpPort);
  }

  protected ApiClient api() {
    return new ApiClient("http://localhost:" + port);
  }
}
