package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A post's date is the author's to choose, as in WordPress, Ghost and Blogger: publishing at a past
 * time dates a post back, a scheduled post is dated at its time, and a published post's date can be
 * changed. The dates are in 1993 and 1994, years no other test of this module publishes in.
 */
class PublicationDatesTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Test
  void publishingAtAPastTimeDatesThePostBackAmongThePostsOfItsDay() {
    String id = draft("Notes from the harbour " + UUID.randomUUID());

    var published =
        api()
            .post(
                "/api/posts/" + id + "/publish",
                ApiClient.json(Map.of("publishAt", "1993-05-04T09:30:00Z")));

    assertThat(published.text("status")).isEqualTo("PUBLISHED");
    assertThat(published.text("publishedAt")).isEqualTo("1993-05-04T09:30:00Z");
    assertThat(ids("/api/posts?from=1993-05-01T00:00:00Z&before=1993-06-01T00:00:00Z"))
        .containsExactly(id);
    assertThat(
            anonymous()
                .get("/api/archive")
                .json()
                .path("months")
                .valueStream()
                .filter(month -> month.path("year").asInt() == 1993)
                .map(month -> month.path("month").asInt() + ": " + month.path("count").asInt()))
        .containsExactly("5: 1");
    // comment-service and notification-service date it the same way
    assertThat(await().atMost(PATIENCE).until(() -> postEventsOf(id), events -> !events.isEmpty()))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.path("publishedAt").asString()).isEqualTo("1993-05-04T09:30:00Z"));
  }

  @Test
  void aScheduledPostIsDatedAtTheTimeItWasScheduledFor() {
    String id = draft("On the hour " + UUID.randomUUID());
    Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);

    api().post("/api/posts/" + id + "/publish", ApiClient.json(Map.of("publishAt", at.toString())));

    await().atMost(PATIENCE).until(() -> anonymous().get("/api/posts/" + id).status() == 200);
    assertThat(Instant.parse(anonymous().get("/api/posts/" + id).text("publishedAt")))
        .isEqualTo(at);
  }

  @Test
  void anAuthorChangesTheDateOfTheirPublishedPostAndReadersAndConsumersSeeIt() {
    var author = as("author-dates", "Dora Dates", "AUTHOR");
    String id =
        author
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Moved " + UUID.randomUUID(), "body", "Words.")))
            .text("id");
    var published = author.post("/api/posts/" + id + "/publish", "");

    var redated = replace(author, id, published, "1994-02-03T10:00:00Z");

    assertThat(redated.status()).as(redated.toString()).isEqualTo(200);
    assertThat(redated.text("publishedAt")).isEqualTo("1994-02-03T10:00:00Z");
    assertThat(redated.text("status")).isEqualTo("PUBLISHED");
    assertThat(anonymous().get("/api/posts/" + id).text("publishedAt"))
        .isEqualTo("1994-02-03T10:00:00Z");
    assertThat(ids("/api/posts?from=1994-02-01T00:00:00Z&before=1994-03-01T00:00:00Z"))
        .containsExactly(id);
    assertThat(
            await()
                .atMost(PATIENCE)
                .until(
                    () -> postEventsOf(id),
                    events ->
                        events.stream()
                            .anyMatch(e -> e.path("type").asString().equals("PostUpdated"))))
        .filteredOn(event -> event.path("type").asString().equals("PostUpdated"))
        .singleElement()
        .satisfies(
            event ->
                assertThat(event.path("publishedAt").asString()).isEqualTo("1994-02-03T10:00:00Z"));
    // another author's post is not theirs to date
    var other = as("author-other", "Otto Other", "AUTHOR");
    assertThat(replace(other, id, api().get("/api/posts/" + id), "1994-01-01T00:00:00Z").status())
        .isIn(403, 404);
  }

  @Test
  void aDateInTheFutureOrOnAnUnpublishedPostIsRefusedAndTheDateGivenBackAsReadChangesNothing() {
    String id = draft("Not yet " + UUID.randomUUID());
    var draft = api().get("/api/posts/" + id);

    var onADraft = replace(api(), id, draft, "1994-06-01T00:00:00Z");

    assertThat(onADraft.status()).isEqualTo(409);
    assertThat(onADraft.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(onADraft.text("detail")).contains("publishAt in the past");
    var published = api().post("/api/posts/" + id + "/publish", "");
    String date = published.text("publishedAt");

    var future = replace(api(), id, published, Instant.now().plus(2, ChronoUnit.DAYS).toString());

    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactly("publishedAt");
    var sameDate = replace(api(), id, published, date);
    assertThat(sameDate.status()).isEqualTo(200);
    assertThat(sameDate.text("publishedAt")).isEqualTo(date);
    assertThat(api().get("/api/posts/" + id).text("publishedAt")).isEqualTo(date);
  }

  private String draft(String title) {
    var created =
        api().post("/api/posts", ApiClient.json(Map.of("title", title, "body", "Body of it.")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  /** The post as read, with its date replaced, sent back with the version it was read at. */
  private static ApiClient.Response replace(
      ApiClient client, String id, ApiClient.Response read, String publishedAt) {
    JsonNode post = read.json();
    Map<String, Object> body = new HashMap<>();
    body.put("title", post.path("title").asString());
    body.put("body", post.path("bodyMarkdown").asString());
    body.put("tags", post.path("tags").valueStream().map(JsonNode::asString).toList());
    body.put("publishedAt", publishedAt);
    return client.put("/api/posts/" + id, ApiClient.json(body), "If-Match", read.header("ETag"));
  }

  private List<String> ids(String path) {
    return anonymous()
        .get(path)
        .json()
        .path("items")
        .valueStream()
        .map(item -> item.path("id").asString())
        .toList();
  }
}
