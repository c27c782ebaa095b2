package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * WordPress's "Submit for Review": a contributor, who cannot publish, tells the editors a draft is
 * ready, and the editors find it among the drafts that wait.
 */
class ReviewTests extends IntegrationTest {

  @Test
  void aContributorSubmitsADraftAndEditorsFindItUntilItIsPublished() {
    String contributorId = "contributor-" + UUID.randomUUID();
    var contributor = as(contributorId, "Cy Contributor", "CONTRIBUTOR");
    String id =
        contributor
            .post("/api/posts", ApiClient.json(Map.of("title", "Ready for you", "body", "Words.")))
            .text("id");
    String unfinished =
        contributor
            .post("/api/posts", ApiClient.json(Map.of("title", "Not yet", "body", "Words.")))
            .text("id");
    assertThat(contributor.post("/api/posts/" + id + "/publish", "").status()).isEqualTo(403);

    var submitted = contributor.post("/api/posts/" + id + "/submit", "");

    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
    assertThat(submitted.text("status")).isEqualTo("DRAFT");
    assertThat(submitted.json().hasNonNull("reviewRequestedAt")).isTrue();
    String waiting = "/api/posts?status=DRAFT&review=true&limit=100";
    assertThat(ids(api().get(waiting))).contains(id).doesNotContain(unfinished);
    // counted, for the admin's "For review (1)": the contributor's own
    assertThat(contributor.get(waiting).json().path("total").asLong()).isEqualTo(1);
    assertThat(anonymous().get("/api/posts").json().has("total")).isFalse();
    assertThat(ids(api().get("/api/posts?status=DRAFT&review=false&limit=100")))
        .contains(unfinished)
        .doesNotContain(id);
    assertThat(ids(contributor.get(waiting))).containsExactly(id);
    // asking twice keeps the first time, and the version: whoever edits the draft meanwhile saves
    var twice = contributor.post("/api/posts/" + id + "/submit", "");
    assertThat(twice.text("reviewRequestedAt")).isEqualTo(submitted.text("reviewRequestedAt"));
    assertThat(twice.header("ETag")).isEqualTo(submitted.header("ETag"));
    // someone else's draft is nobody else's to submit
    assertThat(
            as("contributor-2", "Other", "CONTRIBUTOR")
                .post("/api/posts/" + id + "/submit", "")
                .status())
        .isEqualTo(404);
    assertThat(anonymous().post("/api/posts/" + id + "/submit", "").status()).isEqualTo(401);

    // the editors are told once, by PostSubmitted (true to its contract), whoever asks twice
    assertThat(
            await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> postEventsOf(id), events -> !events.isEmpty()))
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.path("type").asString()).isEqualTo("PostSubmitted");
              assertThat(event.path("title").asString()).isEqualTo("Ready for you");
              assertThat(event.path("author").path("name").asString()).isEqualTo("Cy Contributor");
            });

    var published = api().post("/api/posts/" + id + "/publish", "");

    assertThat(published.json().hasNonNull("reviewRequestedAt")).isFalse();
    assertThat(ids(api().get(waiting))).doesNotContain(id);
    var again = api().post("/api/posts/" + id + "/submit", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
  }

  private static List<String> ids(ApiClient.Response list) {
    return list.json().path("items").valueStream().map(item -> item.path("id").asString()).toList();
  }
}
