package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.AtOnce;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

class PostPublishingTests extends IntegrationTest {

  private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

  @Value("${spring.kafka.bootstrap-servers}")
  private String kafka;

  @Autowired private Posts posts;

  @Test
  void publishingSendsOnePostPublishedEventThatMatchesTheContract() throws IOException {
    String id = createDraft("Wrapping up the WPC", "The last day.\n\nWhat comes next.");

    var published = api().post("/api/posts/" + id + "/publish", "");

    assertThat(published.status()).isEqualTo(200);
    assertThat(published.text("status")).isEqualTo("PUBLISHED");
    List<ConsumerRecord<String, String>> events =
        await().atMost(EVENT_TIMEOUT).until(() -> eventsOf(id), found -> found.size() == 1);
    ConsumerRecord<String, String> event = events.get(0);
    assertThat(Contracts.violations(event.value())).isEmpty();
    assertThat(event.key()).isEqualTo(id);
    var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(event.value());
    assertThat(json.path("title").asString()).isEqualTo("Wrapping up the WPC");
    assertThat(json.path("slug").asString()).isEqualTo("wrapping-up-the-wpc");
    assertThat(json.path("bodyHtml").asString())
        .as("the whole post, for the subscribers' mail")
        .isEqualTo(published.text("bodyHtml"))
        .contains("<p>The last day.</p>");
    assertThat(header(event, "ce_type")).isEqualTo("PostPublished");
    assertThat(header(event, "ce_id")).isEqualTo(json.path("eventId").asString());
  }

  @Test
  void publishingTwiceSendsNoSecondEvent() {
    String id = createDraft("Twice", "Published twice.");
    api().post("/api/posts/" + id + "/publish", "");
    await().atMost(EVENT_TIMEOUT).until(() -> eventsOf(id), found -> found.size() == 1);

    var again = api().post("/api/posts/" + id + "/publish", "");

    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("status")).isEqualTo("PUBLISHED");
    // Whatever the second publish raised would sit in the outbox until it is on the topic.
    await().atMost(EVENT_TIMEOUT).until(() -> posts.findById(id).orElseThrow().outbox().isEmpty());
    assertThat(eventsOf(id)).hasSize(1);
  }

  /** Impatient clicks on Publish: one publication, and no click is told of a version conflict. */
  @Test
  void manyPublishesAtOnceAreOnePublicationAndEachIsAnsweredAsDone() throws Exception {
    String id = createDraft("Clicked often", "Published at once from six tabs.");
    var answers = AtOnce.run(6, () -> api().post("/api/posts/" + id + "/publish", ""));

    for (var response : answers) {
      assertThat(response.status()).as(response.toString()).isEqualTo(200);
      assertThat(response.text("status")).isEqualTo("PUBLISHED");
    }
    await().atMost(EVENT_TIMEOUT).until(() -> posts.findById(id).orElseThrow().outbox().isEmpty());
    assertThat(eventsOf(id)).hasSize(1);
    assertThat(posts.findById(id).orElseThrow().version()).isEqualTo(1);
  }

  @Test
  void readersSeePublishedPostsNewestFirstPageByPage() {
    String first = createDraft("First of three", "One.");
    String draft = createDraft("Never published", "Hidden.");
    String second = createDraft("Second of three", "Two.");
    String third = createDraft("Third of three", "Three.");
    for (String id : List.of(first, second, third)) {
      assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    }

    List<String> seen = new java.util.ArrayList<>();
    String cursor = null;
    do {
      var page = api().get("/api/posts?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.json().path("items").size()).isLessThanOrEqualTo(2);
      page.json().path("items").forEach(item -> seen.add(item.path("id").asString()));
      cursor = page.json().path("nextCursor").asString(null);
    } while (cursor != null);

    assertThat(seen).doesNotHaveDuplicates().doesNotContain(draft);
    var list = api().get("/api/posts?limit=2");
    assertThat(list.header("ETag")).isNotBlank();
    assertThat(list.header("Cache-Control")).contains("max-age=60");
    assertThat(api().get("/api/posts?limit=2", "If-None-Match", list.header("ETag")).status())
        .as("an unchanged list answers 304")
        .isEqualTo(304);
    assertThat(seen).containsSubsequence(third, second, first);
  }

  @Test
  void aPublishedPostIsReadByIdOrSlugWithAnEtagAndADraftIsNot() {
    String id = createDraft("Café à la carte", "Body");
    var draftRead = anonymous().get("/api/posts/" + id);
    assertThat(draftRead.status()).isEqualTo(404);
    assertThat(draftRead.header("Content-Type")).startsWith("application/problem+json");

    api().post("/api/posts/" + id + "/publish", "");
    var byId = api().get("/api/posts/" + id);
    var bySlug = api().get("/api/posts/cafe-a-la-carte");

    assertThat(byId.status()).isEqualTo(200);
    assertThat(bySlug.text("id")).isEqualTo(id);
    assertThat(byId.json().path("author").path("name").asString()).isEqualTo("Eddie Editor");
    assertThat(byId.text("bodyHtml")).isEqualTo("<p>Body</p>\n");
    String etag = byId.header("ETag");
    assertThat(etag).isNotBlank();
    var conditional = api().get("/api/posts/" + id, "If-None-Match", etag);
    assertThat(conditional.status())
        .as(etag + " " + conditional.raw().headers().map())
        .isEqualTo(304);
  }

  @Test
  void twoPostsWithTheSameTitleGetDistinctSlugs() {
    var one = api().post("/api/posts", ApiClient.json(Map.of("title", "Same title", "body", "a")));
    var two = api().post("/api/posts", ApiClient.json(Map.of("title", "Same title", "body", "b")));

    assertThat(one.status()).isEqualTo(201);
    assertThat(one.header("Location")).isEqualTo("/api/posts/" + one.text("id"));
    assertThat(two.text("slug")).isNotEqualTo(one.text("slug")).startsWith("same-title-");
  }

  private String createDraft(String title, String body) {
    var created = api().post("/api/posts", ApiClient.json(Map.of("title", title, "body", body)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("status")).isEqualTo("DRAFT");
    return created.text("id");
  }

  private List<ConsumerRecord<String, String>> eventsOf(String postId) {
    return Topics.readAll(kafka, "blog.post-events").stream()
        .filter(record -> postId.equals(record.key()))
        .toList();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
