package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * WordPress's trash: a post taken off the blog is kept a while, to be restored or to go for good.
 */
class TrashTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private Posts posts;
  @Autowired private PostManagement management;

  @Test
  void aPublishedPostInTheTrashLeavesTheBlogAndComesBackAsADraftWithItsDate() {
    String id = published("Second thoughts " + UUID.randomUUID());
    Instant publishedAt = Instant.parse(api().get("/api/posts/" + id).text("publishedAt"));
    String slug = api().get("/api/posts/" + id).text("slug");

    // an author may not take it down, not even their own: that is an editor's call (API.md)
    assertThat(
            as("author-9", "Al Author", "AUTHOR").post("/api/posts/" + id + "/trash", "").status())
        .isEqualTo(403);
    var trashed = api().post("/api/posts/" + id + "/trash", "");

    assertThat(trashed.status()).as(trashed.toString()).isEqualTo(200);
    assertThat(trashed.text("status")).isEqualTo("TRASHED");
    assertThat(Instant.parse(trashed.text("deletesAt")))
        .isCloseTo(Instant.now().plus(30, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
    assertThat(anonymous().get("/api/posts/" + id).status()).isEqualTo(404);
    assertThat(ids(anonymous().get("/api/posts?limit=100").json())).doesNotContain(id);
    assertThat(ids(api().get("/api/posts?status=TRASHED&limit=100").json())).contains(id);
    // in the trash it is kept as it was, not edited, published or trashed again
    String etag = api().get("/api/posts/" + id).header("ETag");
    var edit =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "Changed", "body", "b")),
                "If-Match",
                etag);
    assertThat(edit.status()).isEqualTo(409);
    assertThat(edit.text("detail")).contains("restore it first");
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(409);
    assertThat(api().post("/api/posts/" + id + "/trash", "").status()).isEqualTo(409);

    var restored = api().post("/api/posts/" + id + "/restore", "");

    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
    assertThat(restored.text("status")).isEqualTo("DRAFT");
    assertThat(restored.text("slug")).as("back at its address").isEqualTo(slug);
    assertThat(restored.json().hasNonNull("deletesAt")).isFalse();
    assertThat(api().post("/api/posts/" + id + "/restore", "").status()).isEqualTo(409);
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    assertThat(Instant.parse(anonymous().get("/api/posts/" + id).text("publishedAt")))
        .isEqualTo(publishedAt);
    // its comments were hidden while it was away, never removed: no PostDeleted
    assertThat(await().atMost(PATIENCE).until(() -> types(id), types -> types.size() == 3))
        .containsExactly("PostPublished", "PostUnpublished", "PostPublished");
  }

  @Test
  void aTrashedPostGivesUpItsAddressToANewPostAndTakesTheNextFreeOneBack() {
    String title = "Packing list " + UUID.randomUUID();
    String old = published(title);
    String slug = api().get("/api/posts/" + old).text("slug");
    api().post("/api/posts/" + old + "/trash", "");

    String fresh = published(title);

    assertThat(api().get("/api/posts/" + fresh).text("slug"))
        .as("WordPress's __trashed: the address is free while the old post is in the trash")
        .isEqualTo(slug);
    assertThat(anonymous().get("/api/posts/" + slug).text("id")).isEqualTo(fresh);
    var restored = api().post("/api/posts/" + old + "/restore", "");
    assertThat(restored.text("slug")).isEqualTo(slug + "-2");
    assertThat(anonymous().get("/api/posts/" + slug).text("id"))
        .as("the new post keeps it")
        .isEqualTo(fresh);
  }

  @Test
  void aDraftOrScheduledPostGoesToTheTrashWithoutAWordToReaders() {
    String draft = draft("Never mind " + UUID.randomUUID());
    String scheduled = draft("Not yet " + UUID.randomUUID());
    api()
        .post(
            "/api/posts/" + scheduled + "/publish",
            ApiClient.json(Map.of("publishAt", Instant.now().plusSeconds(3).toString())));

    assertThat(api().post("/api/posts/" + draft + "/trash", "").text("status"))
        .isEqualTo("TRASHED");
    var trashed = api().post("/api/posts/" + scheduled + "/trash", "");

    // the schedule is cancelled: its time passes and it stays in the trash
    assertThat(trashed.json().hasNonNull("publishAt")).isFalse();
    await()
        .pollDelay(Duration.ofSeconds(4))
        .atMost(PATIENCE)
        .until(() -> api().get("/api/posts/" + scheduled).text("status").equals("TRASHED"));
    assertThat(postEventsOf(draft)).isEmpty();
    assertThat(postEventsOf(scheduled)).isEmpty();
  }

  @Test
  void theTrashDeletesForGoodOnlyWhatHasBeenInItLongEnough() {
    String expired = published("Old news " + UUID.randomUUID());
    String recent = published("Still wanted " + UUID.randomUUID());
    api().post("/api/posts/" + recent + "/trash", "");
    // moved there long ago: its time in the trash is over (changed as the service would, once
    // the relay sent its PostPublished: a copy read before that would bring the event back)
    Post old =
        await()
            .atMost(PATIENCE)
            .until(() -> posts.findById(expired).orElseThrow(), post -> post.outbox().isEmpty());
    old.trash(Instant.now().minus(31, ChronoUnit.DAYS), Instant.now().minusSeconds(1));
    posts.save(old);

    assertThat(management.emptyTrash()).isGreaterThanOrEqualTo(1);

    assertThat(api().get("/api/posts/" + expired).status()).isEqualTo(404);
    assertThat(api().get("/api/posts/" + recent).text("status")).isEqualTo("TRASHED");
    // PostDeleted takes its comments with it
    assertThat(await().atMost(PATIENCE).until(() -> types(expired), types -> types.size() == 3))
        .containsExactly("PostPublished", "PostUnpublished", "PostDeleted");
    assertThat(postEventsOf(expired).get(2).path("slug").asString())
        .as("by the address readers knew")
        .isEqualTo(postEventsOf(expired).get(0).path("slug").asString());
    // and a post can also leave the trash for good at once, as WordPress's "Delete permanently"
    assertThat(api().delete("/api/posts/" + recent).status()).isEqualTo(204);
    assertThat(api().get("/api/posts/" + recent).status()).isEqualTo(404);
  }

  private String draft(String title) {
    var created = api().post("/api/posts", ApiClient.json(Map.of("title", title, "body", "Body")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  private String published(String title) {
    String id = draft(title);
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    return id;
  }

  private List<String> types(String id) {
    return postEventsOf(id).stream().map(event -> event.path("type").asString()).toList();
  }

  private static List<String> ids(JsonNode page) {
    return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
  }
}
