package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * An editor tidies the blog's tags as in Ghost's and WordPress's tag settings: renames one on every
 * post that has it, merges two by giving one the other's name, deletes one; no post keeps the old
 * tag, not even when the change was interrupted.
 */
class TagEditingTests extends IntegrationTest {

  @Autowired private TagEditing tagEditing;
  @Autowired private MongoTemplate mongo;

  @Test
  void anEditorMergesATagIntoAnotherOnEveryPostWithItsDescriptionAndTheRenameIsAnnounced() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String old = "wpc-" + mark;
    String merged = "world pipe championships " + mark;
    String first = published("Wrapping up the WPC", old, "pipes");
    String both = published("Day two", merged, old);
    String draft = created("Notes for next year", old);
    api().put("/api/tags/" + old, ApiClient.json(Map.of("description", "The championships.")));
    // an author has the published post open in the editor while the tags are tidied
    String authorsEtag = api().get("/api/posts/" + first).header("ETag");

    var renamed =
        api()
            .post(
                "/api/tags/" + old + "/rename",
                ApiClient.json(Map.of("name", "  World Pipe  Championships " + mark)));

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.text("tag")).isEqualTo(merged);
    assertThat(renamed.json().path("count").asLong()).isEqualTo(2);
    assertThat(renamed.text("description"))
        .as("the description went with the name")
        .isEqualTo("The championships.");
    var formerly = anonymous().get("/api/tags/" + old);
    assertThat(formerly.status()).as("the old name leads to the new one").isEqualTo(301);
    assertThat(formerly.header("Location")).isEqualTo("/api/tags/" + path(merged));
    var oldFeed = anonymous().get("/tags/" + old + "/feed.atom");
    assertThat(oldFeed.status()).as("feed readers are led on").isEqualTo(301);
    assertThat(oldFeed.header("Location")).isEqualTo("/tags/" + path(merged) + "/feed.atom");
    assertThat(tagsOf(first)).containsExactly(merged, "pipes");
    assertThat(tagsOf(both)).as("one tag where there were two").containsExactly(merged);
    assertThat(tagsOf(draft)).containsExactly(merged);
    assertThat(titles(anonymous().get("/api/posts?tag=" + query(merged)).json()))
        .containsExactlyInAnyOrder("Wrapping up the WPC", "Day two");
    assertThat(titles(anonymous().get("/api/posts?q=" + query("championships " + mark)).json()))
        .as("searches read the new tag")
        .contains("Wrapping up the WPC");
    assertThat(titles(anonymous().get("/api/posts?q=wpc-" + mark).json())).isEmpty();
    var stale =
        api()
            .put(
                "/api/posts/" + first,
                ApiClient.json(Map.of("title", "Wrapping up", "body", "x", "tags", List.of(old))),
                "If-Match",
                authorsEtag);
    assertThat(stale.status())
        .as("an edit of the post as it was cannot put the old tag back unseen")
        .isEqualTo(412);

    var announced =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    postEventsOf("tags").stream()
                        .filter(event -> event.path("from").asString("").equals(old))
                        .toList(),
                events -> events.size() == 1);
    assertThat(announced.get(0).path("to").asString()).isEqualTo(merged);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> postEventsOf(first).stream().map(e -> e.path("type").asString()).toList(),
            types -> types.contains("PostUpdated"));
    assertThat(postEventsOf(draft)).as("a draft's readers are its staff only").isEmpty();
  }

  @Test
  void deletingATagTakesItOffEveryPostWhichStaysPublished() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String tag = "misc-" + mark;
    String post = published("Odds and ends", tag, "kept-" + mark);
    api().put("/api/tags/" + tag, ApiClient.json(Map.of("description", "Everything else.")));

    assertThat(api().delete("/api/tags/" + tag).status()).isEqualTo(204);

    assertThat(anonymous().get("/api/tags/" + tag).status()).isEqualTo(404);
    assertThat(tagsOf(post)).containsExactly("kept-" + mark);
    assertThat(anonymous().get("/api/posts/" + post).status()).isEqualTo(200);
    publish(created("Odds again", tag));
    assertThat(anonymous().get("/api/tags/" + tag).json().path("description").asString(""))
        .as("a tag used again starts without the old description")
        .isEmpty();
  }

  @Test
  void aTagRenamedTwiceLeadsFromBothOldNamesToItsLastUntilOneIsUsedAgainOrItIsDeleted() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    published("Renamed twice", "first-" + mark);
    api()
        .post(
            "/api/tags/first-" + mark + "/rename",
            ApiClient.json(Map.of("name", "second-" + mark)));
    api()
        .post(
            "/api/tags/second-" + mark + "/rename",
            ApiClient.json(Map.of("name", "c/c++ " + mark)));

    for (String former : List.of("first-" + mark, "second-" + mark)) {
      var moved = anonymous().get("/api/tags/" + former);
      assertThat(moved.status()).as(former).isEqualTo(301);
      assertThat(moved.header("Location")).isEqualTo("/api/tags/" + path("c-c++ " + mark));
    }
    var rss = anonymous().get("/tags/second-" + mark + "/feed.rss");
    assertThat(rss.header("Location")).isEqualTo("/tags/" + path("c-c++ " + mark) + "/feed.rss");
    published("A new first", "first-" + mark);
    assertThat(anonymous().get("/api/tags/first-" + mark).status())
        .as("a name in use again is that tag's")
        .isEqualTo(200);

    assertThat(api().delete("/api/tags/" + path("c-c++ " + mark)).status()).isEqualTo(204);
    assertThat(anonymous().get("/api/tags/second-" + mark).status())
        .as("nothing to lead to")
        .isEqualTo(404);
  }

  @Test
  void aChangeACrashInterruptedIsFinishedByTheNextSweep() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String post = published("Before the crash", "half-" + mark);
    // as written down before the process died, none of the posts changed yet
    mongo.upsert(
        Query.query(Criteria.where("_id").is("tags")),
        new Update()
            .push(
                "pending",
                new Document("changeId", UUID.randomUUID().toString())
                    .append("from", "half-" + mark)
                    .append("to", "whole-" + mark)
                    .append("at", java.util.Date.from(Instant.now().minusSeconds(600)))),
        TagEditing.COLLECTION);

    tagEditing.finishInterrupted();

    assertThat(tagsOf(post)).containsExactly("whole-" + mark);
    assertThat(
            mongo
                .findById("tags", Document.class, TagEditing.COLLECTION)
                .getList("pending", Document.class))
        .noneMatch(change -> change.getString("from").equals("half-" + mark));
  }

  @Test
  void onlyEditorsRenameOrDeleteTagsAndNonsenseIsRefused() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String tag = "tidy-" + mark;
    String post = published("Tidy", tag);
    String body = ApiClient.json(Map.of("name", "neat-" + mark));

    assertThat(anonymous().post("/api/tags/" + tag + "/rename", body).status()).isEqualTo(401);
    var author = as("a-" + UUID.randomUUID(), "Ann", "AUTHOR");
    assertThat(author.post("/api/tags/" + tag + "/rename", body).status()).isEqualTo(403);
    assertThat(author.delete("/api/tags/" + tag).status()).isEqualTo(403);
    assertThat(api().post("/api/tags/never-" + mark + "/rename", body).status()).isEqualTo(404);
    assertThat(api().delete("/api/tags/never-" + mark).status()).isEqualTo(404);
    for (String name : List.of(" \u200B ", "x".repeat(51))) {
      var refused =
          api().post("/api/tags/" + tag + "/rename", ApiClient.json(Map.of("name", name)));
      assertThat(refused.status()).as(name).isEqualTo(422);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    for (String odd : List.of("{\"name\":{\"$ne\":null}}", "{\"name\":[]}", "{}", "[]")) {
      var refused = api().post("/api/tags/" + tag + "/rename", odd);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    var same =
        api().post("/api/tags/" + tag + "/rename", ApiClient.json(Map.of("name", "TIDY-" + mark)));
    assertThat(same.status()).isEqualTo(200);
    assertThat(tagsOf(post)).as("nothing happened to the post").containsExactly(tag);
  }

  /**
   * A tag only drafts carry yet is on an editor's list, with how many drafts and scheduled posts
   * carry each tag, and can be renamed by its path before it goes out; readers never see it.
   */
  @Test
  void editorsSeeTheTagsOfDraftsTooAndRenameThemBeforeTheyGoOut() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String drafted = "c/c++ " + mark;
    String shared = "shared-" + mark;
    created("Pointers, gently", drafted, shared);
    created("Templates", drafted);
    published("Out already", shared);
    String trashed = created("Thrown away", "binned-" + mark);
    assertThat(api().post("/api/posts/" + trashed + "/trash", "").status()).isLessThan(300);

    var listed = api().get("/api/tags?include=unpublished");

    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.header("Cache-Control")).contains("no-store");
    JsonNode onlyDrafted = tagged(listed.json(), drafted);
    assertThat(onlyDrafted).as(listed.toString()).isNotNull();
    assertThat(onlyDrafted.path("count").asLong()).isZero();
    assertThat(onlyDrafted.path("unpublished").asLong()).isEqualTo(2);
    JsonNode both = tagged(listed.json(), shared);
    assertThat(both.path("count").asLong()).isEqualTo(1);
    assertThat(both.path("unpublished").asLong()).isEqualTo(1);
    assertThat(tagged(listed.json(), "binned-" + mark)).as("trash is not counted").isNull();
    var readers = anonymous().get("/api/tags").json();
    assertThat(tagged(readers, drafted)).as("readers see published tags only").isNull();
    assertThat(tagged(readers, shared).has("unpublished")).isFalse();
    assertThat(anonymous().get("/api/tags?include=unpublished").status()).isEqualTo(401);
    assertThat(
            as("a-" + UUID.randomUUID(), "Ann", "AUTHOR")
                .get("/api/tags?include=unpublished")
                .status())
        .isEqualTo(403);
    var nonsense = api().get("/api/tags?include=everything");
    assertThat(nonsense.status()).isEqualTo(400);
    assertThat(nonsense.header("Content-Type")).isEqualTo("application/problem+json");

    String slug = tagged(listed.json(), drafted).path("slug").asString();
    assertThat(slug).isEqualTo("c-c++ " + mark);
    var renamed =
        api()
            .post(
                "/api/tags/" + path(slug) + "/rename",
                ApiClient.json(Map.of("name", "cpp " + mark)));

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    var after = api().get("/api/tags?include=unpublished").json();
    assertThat(tagged(after, drafted)).isNull();
    assertThat(tagged(after, "cpp " + mark).path("unpublished").asLong()).isEqualTo(2);
  }

  private static JsonNode tagged(JsonNode list, String tag) {
    return list.path("items")
        .valueStream()
        .filter(item -> item.path("tag").asString().equals(tag))
        .findFirst()
        .orElse(null);
  }

  @Test
  void namesATagHadBeforeTagsWereComposedStillLeadToItAfterAStart() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String coffee = "coffee " + mark;
    String cafe = "caf\u00e9 " + mark;
    published("Where to drink it", coffee);
    published("Crema", cafe);
    // as a version that did not compose letters kept two renames: "café" (its accent a mark of
    // its own) became "coffee", and "espresso" became that "café"
    mongo.insert(formerName("cafe\u0301 old " + mark, coffee), "tag-former-names");
    mongo.insert(formerName("espresso " + mark, "cafe\u0301 " + mark), "tag-former-names");
    // one kept twice: written so by that version, and composed by this one since
    mongo.insert(formerName("cr\u00e8me " + mark, coffee), "tag-former-names");
    mongo.insert(formerName("cre\u0300me " + mark, cafe), "tag-former-names");

    assertThat(tagEditing.composeFormerNames()).isEqualTo(3);

    var typed = anonymous().get("/api/tags/" + path("caf\u00e9 old " + mark));
    assertThat(typed.status()).as("the old name as readers type it").isEqualTo(301);
    assertThat(typed.header("Location")).isEqualTo("/api/tags/" + path(coffee));
    var followed = anonymous().get("/api/tags/espresso%20" + mark);
    assertThat(followed.status()).isEqualTo(301);
    assertThat(followed.header("Location"))
        .as("to the tag as its posts have it")
        .isEqualTo("/api/tags/" + path(cafe));
    assertThat(anonymous().get("/api/tags/" + path("cr\u00e8me " + mark)).header("Location"))
        .as("the composed one stays")
        .isEqualTo("/api/tags/" + path(coffee));
    assertThat(tagEditing.composeFormerNames()).as("a second start finds nothing to do").isZero();
  }

  private static Document formerName(String name, String to) {
    return new Document("_id", name)
        .append("slug", name)
        .append("to", to)
        .append("renamedAt", new java.util.Date());
  }

  private String created(String title, String... tags) {
    return api()
        .post(
            "/api/posts",
            ApiClient.json(Map.of("title", title, "body", "Body", "tags", List.of(tags))))
        .text("id");
  }

  private String published(String title, String... tags) {
    String id = created(title, tags);
    publish(id);
    return id;
  }

  private void publish(String id) {
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
  }

  private static String path(String segment) {
    return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
  }

  private static String query(String value) {
    return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
  }

  private static List<String> titles(JsonNode page) {
    return page.path("items").valueStream().map(item -> item.path("title").asString()).toList();
  }
}
