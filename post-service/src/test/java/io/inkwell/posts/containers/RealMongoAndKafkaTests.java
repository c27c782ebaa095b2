package io.inkwell.posts.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.data.mongodb.core.MongoTemplate;
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

  @Autowired private MongoTemplate mongo;

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

  /**
   * The wire server of the local stack and the tests looks through whole collections; a real
   * MongoDB must not, for the queries that run every second (outbox, due posts) and the lists
   * readers and staff page through. Its profiler says which plan each query ran with.
   */
  @Test
  void theQueriesThatRunAllTheTimeAndTheListsUseAnIndex() {
    var api =
        new ApiClient("http://localhost:" + port)
            .withToken(TestTokens.staff("editor-2", "Edna", "EDITOR"));
    for (int i = 0; i < 3; i++) {
      String id =
          api.post(
                  "/api/posts",
                  ApiClient.json(
                      Map.of("title", "Indexed " + i, "body", "B", "tags", List.of("ix"))))
              .text("id");
      api.post("/api/posts/" + id + "/publish", "");
    }
    MongoDatabase db = mongo.getDb();
    db.runCommand(new Document("profile", 2));
    try {
      assertThat(api.get("/api/posts").status()).isEqualTo(200);
      assertThat(api.get("/api/posts?tag=ix").status()).isEqualTo(200);
      assertThat(api.get("/api/posts?status=DRAFT").status()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                List<Document> finds = postFinds(db);
                assertThat(finds)
                    .filteredOn(find -> filter(find).contains("outbox.eventId"))
                    .isNotEmpty();
                assertThat(finds)
                    .filteredOn(find -> filter(find).contains("SCHEDULED"))
                    .isNotEmpty();
                assertThat(finds)
                    .filteredOn(RealMongoAndKafkaTests::aList)
                    .hasSizeGreaterThanOrEqualTo(3);
              });
      assertThat(postFinds(db))
          .filteredOn(
              find ->
                  filter(find).contains("outbox.eventId")
                      || filter(find).contains("SCHEDULED")
                      || aList(find))
          .allSatisfy(
              find ->
                  assertThat(find.getString("planSummary")).as(find.toJson()).startsWith("IXSCAN"));
    } finally {
      db.runCommand(new Document("profile", 0));
    }
  }

  private static List<Document> postFinds(MongoDatabase db) {
    return db.getCollection("system.profile")
        .find(new Document("op", "query").append("ns", db.getName() + ".posts"))
        .into(new ArrayList<>());
  }

  private static String filter(Document find) {
    Document filter = find.get("command", Document.class).get("filter", Document.class);
    return filter == null ? "" : filter.toJson();
  }

  /** A page of a list: the published posts (all, by tag), or a state's for the staff. */
  private static boolean aList(Document find) {
    Document sort = find.get("command", Document.class).get("sort", Document.class);
    return sort != null
        && (sort.containsKey("publishedAt") && filter(find).contains("\"PUBLISHED\"")
            || sort.containsKey("updatedAt") && filter(find).contains("\"DRAFT\""));
  }
}
