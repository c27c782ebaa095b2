package io.inkwell.comments;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running comment-service against the module's real Kafka broker and MongoDB wire server. All
 * subclasses share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.consumer.properties.metadata.max.age.ms=1000",
      "inkwell.comments.default-policy=APPROVE_ALL",
      "inkwell.outbox.poll-interval=100ms"
    })
public abstract class IntegrationTest {

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void mongo(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("comments"));
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  /** A signed-in admin, who moderates and changes the blog's comment settings. */
  protected ApiClient admin() {
    return api().withToken(TestTokens.staff("admin-1", "Ada Admin", "ADMIN"));
  }

  /** A client from an address of its own, so that per-client limits do not add up across tests. */
  protected ApiClient api() {
    var random = java.util.concurrent.ThreadLocalRandom.current();
    return new ApiClient(
        "http://localhost:" + port, "198.51." + random.nextInt(256) + "." + random.nextInt(1, 255));
  }

  /** An address no other test uses, so per-address limits and trust do not leak between tests. */
  protected static String email() {
    return "reader-" + java.util.UUID.randomUUID() + "@example.org";
  }
}
