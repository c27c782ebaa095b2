package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.scheduling.DuePostPublisher;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

class PostLifecycleTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Value("${spring.kafka.bootstrap-servers}")
  private String kafka;

  @Autowired private Posts posts;
  @Autowired private DuePostPublisher scheduler;
  @Autowired private MeterRegistry registry;

  @Test
  void everyTransitionRaisesItsEventInOrder() {
    String id = create("Lifecycle " + UUID.randomUUID(), List.of("Life Cycle"));
    publish(id);
    var read = api().get("/api/posts/" + id);
    var edited =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "Edited", "body", "New body")),
                "If-Match",
                read.header("ETag"));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(api().post("/api/posts/" + id + "/unpublish", "").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/" + id).status()).isEqualTo(404);
    assertThat(api().delete("/api/posts/" + id).status()).isEqualTo(204);

    assertThat(api().delete("/api/posts/" + id).status()).isEqualTo(404);
    assertThat(await().atMost(PATIENCE).until(() -> eventTypes(id), types -> types.size() == 4))
        .containsExactly("PostPublished", "PostUpdated", "PostUnpublished", "PostDeleted");
  }

  @Test
  void aPostWrittenWithCommentsClosedKeepsThemClosedUntilReopened() {
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Closed", "body", "b", "commentsOpen", false)));
    assertThat(created.json().path("commentsOpen").asBoolean()).isFalse();
    String id = created.text("id");

    var reopened =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "Closed", "body", "b", "commentsOpen", true)),
                "If-Match",
                created.header("ETag"));

    assertThat(reopened.json().path("commentsOpen").asBoolean()).isTrue();
    assertThat(
            api()
                .post("/api/posts", ApiClient.json(Map.of("title", "Default", "body", "b")))
                .json()
                .path("commentsOpen")
                .asBoolean())
        .as("open unless the author says otherwise")
        .isTrue();
  }

  @Test
  void illegalMovesAreConflicts() {
    String id = create("Illegal " + UUID.randomUUID(), List.of());

    var unpublishDraft = api().post("/api/posts/" + id + "/unpublish", "");
    publish(id);
    var schedulePublished =
        api()
            .post(
                "/api/posts/" + id + "/publish",
                ApiClient.json(Map.of("publishAt", Instant.now().plusSeconds(3600).toString())));

    assertThat(unpublishDraft.status()).isEqualTo(409);
    assertThat(unpublishDraft.text("type")).endsWith("/illegal-transition");
    assertThat(schedulePublished.status()).isEqualTo(409);
  }

  @Test
  void aStaleOrMissingIfMatchNeverOverwritesAnotherEdit() {
    var created =
        api().post("/api/posts", ApiClient.json(Map.of("title", "Concurrent", "body", "b")));
    String id = created.text("id");
    String etag = created.header("ETag");
    publish(id);
    String current = api().get("/api/posts/" + id).header("ETag");
    var first =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "First", "body", "1")),
                "If-Match",
                current);

    var second =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "Second", "body", "2")),
                "If-Match",
                current);
    var ancient =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "Old", "body", "0")),
                "If-Match",
                etag);
    var none = api().put("/api/posts/" + id, ApiClient.json(Map.of("title", "None", "body", "x")));

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(412);
    assertThat(ancient.status()).isEqualTo(412);
    assertThat(none.status()).isEqualTo(428);
    assertThat(api().get("/api/posts/" + id).text("title")).isEqualTo("First");
  }

  @Test
  void twoEditsRacingOnTheSameVersionLeaveExactlyOneWinner() throws Exception {
    var created = api().post("/api/posts", ApiClient.json(Map.of("title", "Race", "body", "b")));
    String id = created.text("id");
    String etag = created.header("ETag");
    var start = new CountDownLatch(1);
    List<CompletableFuture<Integer>> edits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      String title = "Racer " + i;
      edits.add(
          CompletableFuture.supplyAsync(
              () -> {
                await().until(() -> start.getCount() == 0);
                return api()
                    .put(
                        "/api/posts/" + id,
                        ApiClient.json(Map.of("title", title, "body", "b")),
                        "If-Match",
                        etag)
                    .status();
              }));
    }
    start.countDown();

    List<Integer> statuses = edits.stream().map(CompletableFuture::join).toList();

    assertThat(statuses).containsOnly(200, 412);
    assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
  }

  @Test
  void aChangedSlugKeepsTheOldOneAnsweringWithARedirect() {
    String id = create("Moving post " + UUID.randomUUID(), List.of());
    publish(id);
    var before = api().get("/api/posts/" + id);
    String oldSlug = before.text("slug");
    String newSlug = "moved-" + UUID.randomUUID();

    api()
        .put(
            "/api/posts/" + id,
            ApiClient.json(Map.of("title", "Moved", "body", "b", "slug", newSlug)),
            "If-Match",
            before.header("ETag"));

    var redirect = api().get("/api/posts/" + oldSlug);
    assertThat(redirect.status()).isEqualTo(301);
    assertThat(redirect.header("Location")).isEqualTo("/api/posts/" + newSlug);
    assertThat(api().get("/api/posts/" + newSlug).text("id")).isEqualTo(id);
  }

  @Test
  void tagsAreNormalisedCountedAndFilterTheList() {
    String tag = "tag" + UUID.randomUUID().toString().substring(0, 8);
    String one = create("Tagged one", List.of("  " + tag.toUpperCase() + "  ", "Road   Trips"));
    String two = create("Tagged two", List.of(tag));
    create("Tagged draft", List.of(tag));
    publish(one);
    publish(two);

    var tags = api().get("/api/tags").json().path("items");
    var filtered = api().get("/api/posts?tag=" + tag.toUpperCase()).json().path("items");

    assertThat(api().get("/api/posts/" + one).json().path("tags").toString())
        .isEqualTo("[\"" + tag + "\",\"road trips\"]");
    assertThat(tags.findValues("tag").stream().map(node -> node.asString()).toList())
        .contains(tag, "road trips");
    tags.forEach(
        item -> {
          if (item.path("tag").asString().equals(tag)) {
            assertThat(item.path("count").asInt()).isEqualTo(2);
          }
        });
    assertThat(filtered.valueStream().map(item -> item.path("id").asString()).toList())
        .containsExactlyInAnyOrder(one, two);
    assertThat(api().get("/api/posts?author=" + EDITOR + "&tag=" + tag).json().path("items").size())
        .isEqualTo(2);
    assertThat(api().get("/api/posts?author=nobody&tag=" + tag).json().path("items").size())
        .isZero();
  }

  /** A filter nobody filled in (a form's empty field) filters nothing, as an empty search. */
  @Test
  void anEmptyFilterAsksNothingOfThePosts() {
    String newest = create("Newest " + UUID.randomUUID(), List.of("kept"));
    publish(newest);

    for (String empty :
        List.of("tag=", "tag=%20%20", "tag=%E2%80%8B", "author=", "author=%20", "q=")) {
      assertThat(
              api()
                  .get("/api/posts?limit=1&" + empty)
                  .json()
                  .path("items")
                  .valueStream()
                  .map(item -> item.path("id").asString())
                  .toList())
          .as(empty)
          .containsExactly(newest);
    }
  }

  /**
   * "café" typed with its accent as a mark of its own (as some keyboards and pasted text write it)
   * is the tag it looks like, not a second "café" beside it.
   */
  @Test
  void aTagWithItsAccentAsAMarkIsTheTagItLooksLike() {
    String word = "w" + UUID.randomUUID().toString().substring(0, 8);
    String composed = "caf\u00e9 " + word;
    String decomposed = "Cafe\u0301 " + word;
    String one = create("Composed", List.of(composed));
    String two = create("Decomposed", List.of(decomposed));
    publish(one);
    publish(two);

    assertThat(api().get("/api/posts/" + two).json().path("tags").get(0).asString())
        .isEqualTo(composed);
    var tags = api().get("/api/tags").json().path("items");
    assertThat(
            tags.valueStream()
                .filter(item -> item.path("tag").asString().endsWith(word))
                .map(item -> item.path("tag").asString() + " " + item.path("count").asInt())
                .toList())
        .containsExactly(composed + " 2");
    String asTyped = URLEncoder.encode(decomposed, StandardCharsets.UTF_8);
    assertThat(
            api()
                .get("/api/posts?tag=" + asTyped)
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList())
        .containsExactlyInAnyOrder(one, two);
  }

  @Test
  void searchMatchesTitleBodyAndTagsLiterallyAndCaseInsensitively() {
    String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
    String inTitle = create("About " + word + " (.*)", List.of());
    String inBody = createWithBody("Other", "The body mentions " + word.toLowerCase() + ".");
    String inTag = create("Tag match", List.of(word));
    List.of(inTitle, inBody, inTag).forEach(this::publish);

    assertThat(
            api()
                .get("/api/posts?q=" + word.toUpperCase())
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList())
        .containsExactlyInAnyOrder(inTitle, inBody, inTag);
    // Regex syntax in the query is text, not a pattern.
    assertThat(
            api()
                .get("/api/posts?q=(.*)")
                .json()
                .path("items")
                .valueStream()
                .map(item -> item.path("id").asString())
                .toList())
        .contains(inTitle)
        .doesNotContain(inBody);
    assertThat(api().get("/api/posts?q=" + "a".repeat(101)).status()).isEqualTo(400);
  }

  /** As WordPress's search: readers type without accents, or with them where the post has none. */
  @Test
  void searchIgnoresAccentsBothWays() {
    String marker = "Qx" + UUID.randomUUID().toString().substring(0, 6);
    String dessert = create("Crème brûlée in Łódź " + marker, List.of());
    String coffee = createWithBody("Cafe " + marker, "Ein Café für Søren und Nguyễn.");
    List.of(dessert, coffee).forEach(this::publish);

    assertThat(found("creme brulee in lodz " + marker)).containsExactly(dessert);
    assertThat(found("CAFÉ " + marker)).containsExactly(coffee);
    assertThat(found("cafe fur soren und nguyen")).containsExactly(coffee);
    assertThat(found("Crême brûlee in Lódz " + marker))
        .as("a wrong accent is no accent")
        .containsExactly(dessert);
    assertThat(found("c.fe " + marker)).as("punctuation stays itself").isEmpty();
  }

  /**
   * A result says where the reader's words stand, as the post writes them, when its excerpt (its
   * first words) may not have them; a post found by its title alone has nothing to show.
   */
  @Test
  void aSearchShowsWhereTheWordsStandInEachPost() {
    String marker = "Qm" + UUID.randomUUID().toString().substring(0, 6);
    String deep =
        createWithBody(
            "Lisbon " + marker,
            "The harbour at dawn. ".repeat(30)
                + "We had a **Crème brûlée** at the corner, then walked. "
                + "More tiles. ".repeat(30));
    String byTitle = createWithBody("Crème brûlée " + marker, "Only its title says what it is.");
    List.of(deep, byTitle).forEach(this::publish);

    var items =
        api()
            .get("/api/posts?q=creme%20brulee")
            .json()
            .path("items")
            .valueStream()
            .filter(item -> item.path("title").asString().endsWith(marker))
            .toList();

    assertThat(items).hasSize(2);
    var found = items.stream().filter(item -> item.path("id").asString().equals(deep)).findFirst();
    assertThat(found.orElseThrow().path("match").path("words").asString())
        .isEqualTo("Crème brûlée");
    assertThat(found.orElseThrow().path("match").path("before").asString())
        .startsWith("…")
        .endsWith("We had a ");
    assertThat(found.orElseThrow().path("match").path("after").asString())
        .startsWith(" at the corner, then walked.");
    assertThat(found.orElseThrow().has("titleMatch")).as("its title has them not").isFalse();
    var byItsTitle =
        items.stream().filter(item -> item.path("id").asString().equals(byTitle)).findFirst();
    assertThat(byItsTitle.orElseThrow().has("match")).isFalse();
    var inTitle = byItsTitle.orElseThrow().path("titleMatch");
    assertThat(List.of(inTitle.path("before"), inTitle.path("words"), inTitle.path("after")))
        .extracting(node -> node.asString())
        .as("the whole title around the words")
        .containsExactly("", "Crème brûlée", " " + marker);
    assertThat(api().get("/api/posts?tag=" + "none").json().path("items").valueStream())
        .allSatisfy(item -> assertThat(item.has("match") || item.has("titleMatch")).isFalse());
  }

  private List<String> found(String words) {
    return api()
        .get("/api/posts?q=" + java.net.URLEncoder.encode(words, StandardCharsets.UTF_8))
        .json()
        .path("items")
        .valueStream()
        .map(item -> item.path("id").asString())
        .toList();
  }

  @Test
  void aScheduledPostIsPublishedWhenItsTimeComes() {
    String id = create("Scheduled " + UUID.randomUUID(), List.of());

    var scheduled =
        api()
            .post(
                "/api/posts/" + id + "/publish",
                ApiClient.json(Map.of("publishAt", Instant.now().plusSeconds(2).toString())));

    assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
    assertThat(anonymous().get("/api/posts/" + id).status()).isEqualTo(404);
    await().atMost(PATIENCE).until(() -> anonymous().get("/api/posts/" + id).status() == 200);
    await()
        .atMost(PATIENCE)
        .until(() -> eventTypes(id), types -> types.equals(List.of("PostPublished")));
  }

  @Test
  void aPublishTimeAlreadyPastPublishesNowOnceAndCountsAsAPublication() {
    String id = create("Backdated " + UUID.randomUUID(), List.of());
    String past = ApiClient.json(Map.of("publishAt", "2009-03-12T16:41:00Z"));
    double before = publishedCount();

    var first = api().post("/api/posts/" + id + "/publish", past);
    var again = api().post("/api/posts/" + id + "/publish", past);

    assertThat(first.text("status")).isEqualTo("PUBLISHED");
    assertThat(anonymous().get("/api/posts/" + id).status()).isEqualTo(200);
    // the second click changes nothing: an editor holding the post's ETag can still save
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
    assertThat(publishedCount()).isEqualTo(before + 1);
    await()
        .atMost(PATIENCE)
        .until(() -> eventTypes(id), types -> types.equals(List.of("PostPublished")));
  }

  @Test
  void twoSchedulersRacingPublishEachDuePostExactlyOnce() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      String id = create("Due " + i + " " + UUID.randomUUID(), List.of());
      ids.add(id);
      Post post = posts.findById(id).orElseThrow();
      // Due a moment ago, as after a restart; set directly so the background scheduler and the
      // two racers below all see the same due posts.
      post.schedule(Instant.now().plusMillis(300), Instant.now());
      posts.save(post);
    }
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                posts.findAllById(ids).stream()
                    .allMatch(p -> p.publishAt() == null || p.publishAt().isBefore(Instant.now())));

    var racers =
        List.of(
            CompletableFuture.supplyAsync(scheduler::publishDue),
            CompletableFuture.supplyAsync(scheduler::publishDue));
    racers.forEach(CompletableFuture::join);

    await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> eventTypes(id).size() == 1));
    for (String id : ids) {
      assertThat(eventTypes(id)).containsExactly("PostPublished");
    }
  }

  private double publishedCount() {
    return registry.counter("inkwell.posts.published").count();
  }

  private String create(String title, List<String> tags) {
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", title, "body", "Body of " + title, "tags", tags)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  private String createWithBody(String title, String body) {
    return api()
        .post("/api/posts", ApiClient.json(Map.of("title", title, "body", body)))
        .text("id");
  }

  private void publish(String id) {
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
  }

  /** The types of the post's events on the topic, each checked against its contract. */
  private List<String> eventTypes(String postId) {
    return Topics.readAll(kafka, "blog.post-events").stream()
        .filter(record -> postId.equals(record.key()))
        .peek(record -> assertThat(Contracts.violations(record.value())).isEmpty())
        .map(record -> JSON.readTree(record.value()).path("type").asString())
        .toList();
  }
}
