package io.inkwell.posts;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running post-service against the module's real Kafka broker and MongoDB wire server. All
 * subclasses share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "inkwell.outbox.poll-interval=100ms"
    })
public abstract class IntegrationTest {

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void mongo(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("posts"));
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  /** An editor's client: most tests are about what editors and authors do. */
  protected ApiClient api() {
    return as(EDITOR, "Eddie Editor", "EDITOR");
  }

  /** A reader without a token. */
  protected ApiClient anonymous() {
    return new ApiClient("http://localhost:" + port);
  }

  protected ApiClient as(String id, String name, String role) {
    return anonymous().withToken(TestTokens.staff(id, name, role));
  }

  protected static final String EDITOR = "editor-1";
}
