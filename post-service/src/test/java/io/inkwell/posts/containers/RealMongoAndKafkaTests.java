package io.inkwell.posts.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same publish flow against a real MongoDB (a replica set, as in production) and a real Kafka
 * broker in containers. Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "inkwell.outbox.poll-interval=100ms")
class RealMongoAndKafkaTests {

  @Container @ServiceConnection
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Container @ServiceConnection
  static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void tokens(DynamicPropertyRegistry registry) {
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @Test
  void aPublishedPostIsStoredAndItsEventReachesKafkaOnce() {
    var api =
        new ApiClient("http://localhost:" + port)
            .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"));
    var created = api.post("/api/posts", ApiClient.json(Map.of("title", "Real", "body", "Mongo")));
    String id = created.text("id");

    assertThat(api.post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    assertThat(api.post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);

    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                Topics.readAll(KAFKA.getBootstrapServers(), "blog.post-events").stream()
                    .filter(event -> id.equals(event.key()))
                    .count(),
            count -> count == 1);
    assertThat(api.get("/api/posts/real").text("id")).isEqualTo(id);
  }
}
