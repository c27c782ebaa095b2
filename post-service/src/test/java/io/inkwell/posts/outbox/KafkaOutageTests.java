package io.inkwell.posts.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.post.PostEvent;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.RestartableKafka;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * With Kafka stopped, authors keep publishing and scheduled posts come out on time: the events wait
 * in the post documents, the relay says so in a line each time it tries, and when Kafka is back
 * every one of them is sent, each post's in order. The producer's timeouts of {@code
 * application.yml}, as in production. Uses a broker of its own that it can stop, hence its own
 * application context.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"inkwell.outbox.poll-interval=100ms"})
class KafkaOutageTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RestartableKafka KAFKA = RestartableKafka.started("inkwell-kafka-outage");

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
  void publishingWorksWhileKafkaIsDownAndEveryEventIsSentInOrderWhenItIsBack(CapturedOutput log) {
    var api =
        new ApiClient("http://localhost:" + port)
            .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"));
    String before = publishNew(api, "Before the outage");
    await().atMost(Duration.ofSeconds(30)).until(() -> types(before).size() == 1);

    KAFKA.stop();
    int logBefore = log.getOut().length();
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
    // a busy outage: events of several posts wait, which Kafka would each make the relay wait for
    for (int i = 0; i < 5; i++) {
      publishNew(api, "One of many during the outage");
    }

    assertThat(edited.status()).isEqualTo(200);
    assertThat(unpublished.status()).isEqualTo(200);
    assertThat(posts.findById(first).orElseThrow().outbox())
        .extracting(PostEvent::type)
        .containsExactly("PostPublished", "PostUpdated", "PostUnpublished");
    assertThat(posts.findById(second).orElseThrow().outbox()).hasSize(1);
    // the relay has met the outage, and tries again and again
    RestartableKafka.assertRelaySaidItInLines(log::getOut, logBefore);

    Instant due = Instant.now().plusSeconds(2);
    String scheduled =
        api.post("/api/posts", ApiClient.json(Map.of("title", "Scheduled", "body", "b")))
            .text("id");
    var schedule =
        api.post(
            "/api/posts/" + scheduled + "/publish",
            ApiClient.json(Map.of("publishAt", due.toString())));
    assertThat(schedule.status()).as(schedule.toString()).isEqualTo(200);
    await("the scheduled post published within seconds of its time, Kafka or not")
        .atMost(Duration.between(Instant.now(), due.plusSeconds(6)))
        .until(() -> posts.findById(scheduled).orElseThrow().status() == PostStatus.PUBLISHED);

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
}
