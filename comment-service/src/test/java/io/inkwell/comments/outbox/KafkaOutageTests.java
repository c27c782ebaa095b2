package io.inkwell.comments.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.RestartableKafka;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * With Kafka stopped, readers keep commenting: the events wait in the comment documents, the relay
 * says so in a line each time it tries rather than waiting for every comment's event in turn, and
 * when Kafka is back every one of them is sent. The producer's timeouts of {@code application.yml},
 * as in production. Uses a broker of its own that it can stop, hence its own application context.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "inkwell.comments.default-policy=APPROVE_ALL",
      "inkwell.outbox.poll-interval=100ms"
    })
class KafkaOutageTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final RestartableKafka KAFKA =
      RestartableKafka.started("inkwell-comments-kafka-outage");

  @Value("${local.server.port}")
  private int port;

  @Autowired private KafkaTemplate<String, String> kafka;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("comments-kafka-outage"));
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.stopAndRemove();
  }

  @Test
  void readersCommentWhileKafkaIsDownAndEveryEventIsSentWhenItIsBack(CapturedOutput log)
      throws Exception {
    String postId = UUID.randomUUID().toString();
    kafka.send("blog.post-events", postId, postPublished(postId)).get();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> comment(postId, "Before the outage").status() == 201);

    KAFKA.stop();
    int logBefore = log.getOut().length();
    List<String> during = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      var posted = comment(postId, "During the outage, " + i);
      assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
      during.add(posted.text("id"));
    }

    RestartableKafka.assertRelaySaidItInLines(log::getOut, logBefore);
    assertThat(new ApiClient("http://localhost:" + port).get("/actuator/health/readiness").status())
        .as("still ready: readers read and post comments, so it stays in the load balancer")
        .isEqualTo(200);

    KAFKA.start();

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(postedComments(postId)).containsAll(during));
  }

  private ApiClient.Response comment(String postId, String body) {
    return new ApiClient("http://localhost:" + port, "198.51.100." + (body.length() % 200 + 1))
        .post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(
                Map.of(
                    "authorName",
                    "Ada",
                    "authorEmail",
                    "reader-" + UUID.randomUUID() + "@example.org",
                    "body",
                    body)));
  }

  /** The comments {@code CommentPosted} has told the platform of, on the post given. */
  private static List<String> postedComments(String postId) {
    return Topics.readAll(KAFKA.bootstrapServers(), "blog.comment-events").stream()
        .filter(record -> postId.equals(record.key()))
        .map(record -> JSON.readTree(record.value()))
        .filter(event -> event.path("type").asString().equals("CommentPosted"))
        .map(event -> event.path("commentId").asString())
        .toList();
  }

  /** The contract's example event, for a post of our own. */
  private static String postPublished(String postId) throws java.io.IOException {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/post-published.json")));
    event.put("postId", postId);
    event.put("eventId", UUID.randomUUID().toString());
    return JSON.writeValueAsString(event);
  }
}
