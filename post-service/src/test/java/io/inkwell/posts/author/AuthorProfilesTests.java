package io.inkwell.posts.author;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * An author page says who wrote the posts, as Ghost's does: the profile a staff member keeps in
 * auth-service reaches post-service through {@code StaffChanged}, and their new name reaches the
 * bylines of what they wrote before.
 */
class AuthorProfilesTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Test
  void anAuthorPageShowsTheProfileAndARenameReachesEveryByline() {
    String grace = "grace-" + UUID.randomUUID();
    var asGrace = as(grace, "grace", "AUTHOR");
    String postId = published(asGrace, "On compilers");
    var before = anonymous().get("/api/posts/" + postId);

    var byByline = anonymous().get("/api/authors/" + grace);
    assertThat(byByline.status()).isEqualTo(200);
    assertThat(byByline.text("name")).as("known by the byline alone").isEqualTo("grace");
    assertThat(byByline.json().path("postCount").asLong()).isEqualTo(1);

    Instant now = Instant.now();
    // something unreadable on the topic holds nothing up
    kafka.send("blog.staff-events", grace, "{not json").join();
    processed(
        staffChanged(grace, "Grace Hopper", "Found the moth.", "https://grace.example.org", now));

    var author = anonymous().get("/api/authors/" + grace);
    assertThat(author.text("name")).isEqualTo("Grace Hopper");
    assertThat(author.text("bio")).isEqualTo("Found the moth.");
    assertThat(author.text("website")).isEqualTo("https://grace.example.org");
    assertThat(author.text("avatar")).isEqualTo("/api/images/portrait-1");
    assertThat(author.raw().body()).as("the address stays inside").doesNotContain("@");
    var after = anonymous().get("/api/posts/" + postId);
    assertThat(after.json().path("author").path("name").asString()).isEqualTo("Grace Hopper");
    assertThat(after.json().path("version").asLong())
        .as("a rename is no edit: an open editor is no conflict")
        .isEqualTo(before.json().path("version").asLong());
    assertThat(after.header("ETag"))
        .as("a reader's cache sees the change")
        .isNotEqualTo(before.header("ETag"));
    assertThat(
            anonymous()
                .get("/api/posts/" + postId, "If-None-Match", before.header("ETag"))
                .status())
        .isEqualTo(200);
    assertThat(
            anonymous()
                .get("/api/posts?author=" + grace)
                .json()
                .path("items")
                .get(0)
                .path("author")
                .path("name")
                .asString())
        .isEqualTo("Grace Hopper");

    // a post she writes with the token she had before the rename still has her new name
    String later =
        asGrace.post("/api/posts", ApiClient.json(Map.of("title", "T", "body", "B"))).text("id");
    assertThat(asGrace.get("/api/posts/" + later).json().path("author").path("name").asString())
        .isEqualTo("Grace Hopper");

    processed(staffChanged(grace, "Old Grace", null, null, now.minusSeconds(60)));
    assertThat(anonymous().get("/api/authors/" + grace).text("name"))
        .as("an older event changes nothing")
        .isEqualTo("Grace Hopper");
    assertThat(
            anonymous().get("/api/posts/" + postId).json().path("author").path("name").asString())
        .isEqualTo("Grace Hopper");

    var removed = Contracts.example("staff-removed");
    removed.put("eventId", UUID.randomUUID().toString());
    removed.put("staffId", grace);
    removed.put("occurredAt", now.plusSeconds(1).toString());
    processed(send(grace, removed));
    var gone = anonymous().get("/api/authors/" + grace);
    assertThat(gone.text("name")).as("their posts keep their byline").isEqualTo("Grace Hopper");
    assertThat(gone.json().hasNonNull("bio")).as("what they said of themselves goes").isFalse();
    assertThat(gone.json().hasNonNull("website")).isFalse();
    assertThat(gone.json().hasNonNull("avatar")).isFalse();
    assertThat(gone.json().path("postCount").asLong()).isEqualTo(1);
  }

  @Test
  void nobodyWithoutAProfileOrAPublishedPostIsAnAuthor() {
    String drafter = "drafter-" + UUID.randomUUID();
    assertThat(
            as(drafter, "Dee", "AUTHOR")
                .post("/api/posts", ApiClient.json(Map.of("title", "Unfinished", "body", "b")))
                .status())
        .isEqualTo(201);

    for (String id : new String[] {drafter, "nobody", "%24where", "x".repeat(300)}) {
      var missing = anonymous().get("/api/authors/" + id);
      assertThat(missing.status()).as(id).isEqualTo(404);
      assertThat(missing.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  @Test
  void theListOfAuthorsHasEveryoneWithAPublishedPostAsTheirPagesDescribeThem() {
    String ada = "ada-" + UUID.randomUUID();
    String imported = "imported-" + UUID.randomUUID();
    String drafter = "drafter-" + UUID.randomUUID();
    String pageWriter = "pages-" + UUID.randomUUID();
    var asAda = as(ada, "ada", "AUTHOR");
    published(asAda, "Notes on the engine");
    published(asAda, "More notes");
    processed(staffChanged(ada, "Ada Lovelace", "Wrote the first program.", null, Instant.now()));
    published(as(imported, "Old Byline", "AUTHOR"), "From the old blog");
    as(drafter, "Dee", "AUTHOR")
        .post("/api/posts", ApiClient.json(Map.of("title", "Unfinished", "body", "b")));
    var asPageWriter = as(pageWriter, "Pam", "AUTHOR");
    String about =
        asPageWriter
            .post("/api/posts", ApiClient.json(Map.of("title", "About", "body", "b", "page", true)))
            .text("id");
    assertThat(asPageWriter.post("/api/posts/" + about + "/publish", "{}").status()).isEqualTo(200);

    var answer = anonymous().get("/api/authors");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Cache-Control")).contains("max-age=60");
    Map<String, tools.jackson.databind.JsonNode> byId = new java.util.HashMap<>();
    answer.json().path("items").forEach(item -> byId.put(item.path("id").asString(), item));
    assertThat(byId.get(ada).path("name").asString()).isEqualTo("Ada Lovelace");
    assertThat(byId.get(ada).path("bio").asString()).isEqualTo("Wrote the first program.");
    assertThat(byId.get(ada).path("postCount").asLong()).isEqualTo(2);
    assertThat(byId.get(imported).path("name").asString())
        .as("known by the byline alone")
        .isEqualTo("Old Byline");
    assertThat(byId.get(imported).path("postCount").asLong()).isEqualTo(1);
    assertThat(byId)
        .as("a draft or a page makes nobody an author")
        .doesNotContainKeys(drafter, pageWriter);
    var names =
        answer
            .json()
            .path("items")
            .valueStream()
            .map(item -> item.path("name").asString())
            .toList();
    assertThat(names).as("by name").isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
    assertThat(answer.raw().body()).as("the addresses stay inside").doesNotContain("@");
  }

  /** The contract's example, for this staff member, as of {@code at}. */
  private RecordMetadata staffChanged(
      String staffId, String name, String bio, String website, Instant at) {
    ObjectNode event = Contracts.example("staff-changed");
    event.put("eventId", UUID.randomUUID().toString());
    event.put("staffId", staffId);
    event.put("name", name);
    event.put("bio", bio);
    event.put("website", website);
    event.put("avatar", website == null ? null : "/api/images/portrait-1");
    event.put("occurredAt", at.toString());
    return send(staffId, event);
  }

  private RecordMetadata send(String staffId, ObjectNode event) {
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return kafka.send("blog.staff-events", staffId, event.toString()).join().getRecordMetadata();
  }

  /** Waits until post-service's consumer group has committed past the record. */
  private void processed(RecordMetadata sent) {
    await().atMost(PATIENCE).until(() -> Topics.consumed(brokers, "post-service", sent));
  }
}
