package io.inkwell.comments.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.comments.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The projection of posts follows every post event of the contracts, in version order. */
class PostProjectionTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private KnownPosts posts;

  @Test
  void anUnpublishedPostTakesNoCommentsAndAStaleRepublishDoesNotReopenIt() throws Exception {
    String postId = UUID.randomUUID().toString();
    send("post-published", postId, 1);
    send("post-updated", postId, 2);
    send("post-unpublished", postId, 3);
    send("post-published", postId, 1); // redelivered late

    await().atMost(PATIENCE).until(() -> status(postId).equals("DRAFT"));
    assertThat(comment(postId).status()).isEqualTo(404);
    assertThat(posts.findById(postId).orElseThrow().title())
        .isEqualTo("Wrapping up the WPC (updated)");

    send("post-published", postId, 4);
    await().atMost(PATIENCE).until(() -> status(postId).equals("PUBLISHED"));
    assertThat(comment(postId).status()).isEqualTo(201);
  }

  /** A title from before text was cleaned at post-service must not break the comment feeds. */
  @Test
  void aTitleWithAControlCharacterIsKeptWithASpaceInstead() throws Exception {
    String postId = UUID.randomUUID().toString();
    send("post-published", postId, 1, "Null\u0000and\u0007bell");

    await().atMost(PATIENCE).until(() -> status(postId).equals("PUBLISHED"));
    assertThat(posts.findById(postId).orElseThrow().title()).isEqualTo("Null and bell");
  }

  @Test
  void aDeletedPostTakesNoComments() throws Exception {
    String postId = UUID.randomUUID().toString();
    send("post-published", postId, 1);
    send("post-deleted", postId, 2);

    await().atMost(PATIENCE).until(() -> status(postId).equals("DELETED"));
    assertThat(comment(postId).status()).isEqualTo(404);
  }

  @Test
  void importedCommentsAreListedOnceAsApprovedWithTheirHtmlSanitised() throws Exception {
    String postId = UUID.randomUUID().toString();
    send("post-published", postId, 0);
    send("comment-imported", postId, 0);
    send("comment-imported", postId, 0); // the same file imported again

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                api().get("/api/posts/" + postId + "/comments/count").json().path("count").asInt()
                    == 1);
    var listed = api().get("/api/posts/" + postId + "/comments").json().path("items").get(0);
    assertThat(listed.path("authorName").asString()).isEqualTo("Ada");
    assertThat(listed.path("createdAt").asString()).isEqualTo("2009-03-12T19:30:00Z");
    // the old platform kept HTML: its bold survives, its script does not, nothing is escaped
    assertThat(listed.path("bodyHtml").asString())
        .isEqualTo("Great summary! <b>See you</b> next year.");
  }

  private String status(String postId) {
    return posts.findById(postId).map(KnownPost::status).orElse("");
  }

  private ApiClient.Response comment(String postId) {
    return api()
        .post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(Map.of("authorName", "A", "authorEmail", email(), "body", "x")));
  }

  /** The contract's example of an event type, for our post and at the given version. */
  private void send(String contract, String postId, long version)
      throws InterruptedException, ExecutionException {
    send(contract, postId, version, null);
  }

  private void send(String contract, String postId, long version, String title)
      throws InterruptedException, ExecutionException {
    try {
      var event =
          (ObjectNode)
              JSON.readTree(
                  Files.readString(Path.of("../contracts/examples/" + contract + ".json")));
      event.put("postId", postId);
      event.put("version", version);
      event.put("eventId", UUID.randomUUID().toString());
      if (title != null) {
        event.put("title", title);
      }
      if (event.has("commentId")) {
        event.put("commentId", "imported-" + postId);
      }
      kafka.send("blog.post-events", postId, JSON.writeValueAsString(event)).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
