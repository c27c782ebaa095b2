package io.inkwell.posts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.RestartableKafka;
import io.inkwell.posts.post.PostEvent;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Kafka stopped, authors keep publishing: the events wait in the post documents, and when
 * Kafka is back every one of them is sent, each post's in order. Uses a broker of its own that it
 * can stop, hence its own application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "inkwell.outbox.poll-interval=100ms",
      "spring.kafka.producer.properties.max.block.ms=1000",
      "spring.kafka.producer.properties.request.timeout.ms=1000",
      "spring.kafka.producer.properties.delivery.timeout.ms=2000"
    })
class KafkaOutageTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RestartableKafka KAFKA = startKafka();

  @Value("${local.server.port}")
  private int port;

  @Autowired private Posts posts;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("posts-outage"));
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.stopAndRemove();
  }

  @Test
  void publishingWorksWhileKafkaIsDownAndEveryEventIsSentInOrderWhenItIsBack() {
    var api =
        new ApiClient("http://localhost:" + port)
            .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"));
    String before = publishNew(api, "Before the outage");
    await().atMost(Duration.ofSeconds(30)).until(() -> types(before).size() == 1);

    KAFKA.stop();
    String first = publishNew(api, "During the outage");
    var read = api.get("/api/posts/" + first);
    var edited =
        api.put(
            "/api/posts/" + first,
            ApiClient.json(Map.of("title", "Edited during the outage", "body", "b")),
            "If-Match",
            read.header("ETag"));
    var unpublished = api.post("/api/posts/" + first + "/unpublish", "");
    String second = publishNew(api, "Also during the outage");

    assertThat(edited.status()).isEqualTo(200);
    assertThat(unpublished.status()).isEqualTo(200);
    assertThat(posts.findById(first).orElseThrow().outbox())
        .extracting(PostEvent::type)
        .containsExactly("PostPublished", "PostUpdated", "PostUnpublished");
    assertThat(posts.findById(second).orElseThrow().outbox()).hasSize(1);

    KAFKA.start();

    await().atMost(Duration.ofSeconds(60)).until(() -> types(first), types -> types.size() == 3);
    assertThat(types(first)).containsExactly("PostPublished", "PostUpdated", "PostUnpublished");
    await().atMost(Duration.ofSeconds(60)).until(() -> types(second).size() == 1);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> posts.findById(first).orElseThrow().outbox().isEmpty());
  }

  private static String publishNew(ApiClient api, String title) {
    String id =
        api.post("/api/posts", ApiClient.json(Map.of("title", title, "body", "b"))).text("id");
    assertThat(api.post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    return id;
  }

  private static List<String> types(String postId) {
    return Topics.readAll(KAFKA.bootstrapServers(), "blog.post-events").stream()
        .filter(record -> postId.equals(record.key()))
        .map(record -> JSON.readTree(record.value()).path("type").asString())
        .toList();
  }

  private static RestartableKafka startKafka() {
    try {
      var kafka = new RestartableKafka(Files.createTempDirectory("inkwell-kafka-outage"));
      kafka.start();
      return kafka;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
