package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Posts stored before the renderer changed are brought up to it: HTML written by an older, looser
 * sanitiser policy, or without heading ids, is rendered again from the words; nothing else moves.
 */
class RerenderingTests extends IntegrationTest {

  @Autowired private Rerendering rerendering;
  @Autowired private MongoTemplate mongo;
  @Autowired private TagDescriptions tagDescriptions;

  @Test
  void aPostWithHtmlOfAnOlderRendererIsRenderedAgainAndReadersRevalidate() {
    String title = "Old rendering " + UUID.randomUUID();
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", title, "body", "## Getting there\n\nBy *ferry*.")));
    String id = created.text("id");
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    String current = anonymous().get("/api/posts/" + id).text("bodyHtml");
    String etag = anonymous().get("/api/posts/" + id).header("ETag");
    String untouchedId =
        api()
            .post("/api/posts", ApiClient.json(Map.of("title", "Up to date", "body", "Fine.")))
            .text("id");
    String untouched = api().get("/api/posts/" + untouchedId).header("ETag");
    // as an older renderer stored it: no heading id, and what a looser policy let through
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update()
            .set("bodyHtml", "<h2>Getting there</h2><p onclick=\"steal()\">By <em>ferry</em>.</p>"),
        "posts");

    int changed = rerendering.rerenderAll();

    assertThat(changed).isGreaterThanOrEqualTo(1);
    var read = anonymous().get("/api/posts/" + id);
    assertThat(read.text("bodyHtml"))
        .isEqualTo(current)
        .contains("<h2 id=\"h-getting-there\">")
        .doesNotContain("onclick");
    assertThat(read.header("ETag")).as("caches ask again").isNotEqualTo(etag);
    assertThat(read.text("title")).isEqualTo(title);
    assertThat(api().get("/api/posts/" + untouchedId).header("ETag"))
        .as("a post already as the renderer writes it keeps its version")
        .isEqualTo(untouched);
    assertThat(rerendering.rerenderAll()).as("a second run finds nothing to do").isZero();
  }

  @Test
  void aPostStoredBeforeSearchKeptItsTextIsFoundAfterThePassWithoutChangingForReaders() {
    String word = "Fjørd" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Before search", "body", "By the " + word + ".")))
            .text("id");
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    String etag = anonymous().get("/api/posts/" + id).header("ETag");
    // as a post stored by a version before the search text
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)), new Update().unset("searchText"), "posts");
    String folded = "fjord" + word.substring(5).toLowerCase();
    assertThat(anonymous().get("/api/posts?q=" + folded).json().path("items").size()).isZero();

    rerendering.rerenderAll();

    var found = anonymous().get("/api/posts?q=" + folded).json().path("items");
    assertThat(found.size()).isEqualTo(1);
    assertThat(found.get(0).path("id").asString()).isEqualTo(id);
    assertThat(anonymous().get("/api/posts/" + id).header("ETag"))
        .as("readers' copies are still good")
        .isEqualTo(etag);
  }

  /** A tag kept with a no-break space, as tags were before, is the tag with a space after it. */
  @Test
  void aTagStoredWithANoBreakSpaceBecomesTheTagWithASpace() {
    String word = "w" + UUID.randomUUID().toString().substring(0, 8);
    String spaced = "road trips " + word;
    String id = publishedWithTagStoredAs(spaced, "road\u00a0trips " + word);

    rerendering.rerenderAll();

    assertThat(anonymous().get("/api/posts/" + id).json().path("tags").get(0).asString())
        .isEqualTo(spaced);
    assertThat(taggedCount(spaced)).isEqualTo(1);
  }

  /** A published post with the tag, which the database then keeps as an older version wrote it. */
  private String publishedWithTagStoredAs(String tag, String stored) {
    String id = publishedWithTags(tag);
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(id)),
        new Update().set("tags", List.of(stored)),
        "posts");
    return id;
  }

  private int taggedCount(String tag) {
    return anonymous()
        .get("/api/posts?tag=" + URLEncoder.encode(tag, StandardCharsets.UTF_8))
        .json()
        .path("items")
        .size();
  }

  @Test
  void aTagStoredWithItsAccentAsAMarkBecomesTheTagItLooksLike() {
    String word = "w" + UUID.randomUUID().toString().substring(0, 8);
    String composed = "caf\u00e9 " + word;
    // as a version that did not compose letters stored it
    String id = publishedWithTagStoredAs(composed, "cafe\u0301 " + word);
    mongo.insert(
        new org.bson.Document("_id", "cafe\u0301 " + word)
            .append("description", "Where we drank it.")
            .append("updatedAt", new java.util.Date()),
        "tag-descriptions");
    String etag = anonymous().get("/api/posts/" + id).header("ETag");

    rerendering.rerenderAll();
    assertThat(tagDescriptions.compose()).isEqualTo(1);

    var read = anonymous().get("/api/posts/" + id);
    assertThat(read.json().path("tags").get(0).asString()).isEqualTo(composed);
    assertThat(read.header("ETag")).as("caches ask again").isNotEqualTo(etag);
    assertThat(taggedCount(composed)).isEqualTo(1);
    assertThat(
            anonymous()
                .get("/api/tags")
                .json()
                .path("items")
                .valueStream()
                .filter(tag -> tag.path("tag").asString().equals(composed))
                .findFirst()
                .orElseThrow()
                .path("description")
                .asString())
        .as("its description went with it")
        .isEqualTo("Where we drank it.");
    assertThat(tagDescriptions.compose()).as("a second start finds nothing to do").isZero();
  }

  /**
   * Turkish's "İ" lower-cased was an "i" and a dot of its own, a tag nobody types: kept so, it is
   * the tag with an "i" after the pass, one with "izmir" and "İzmir", and keeps its name.
   */
  @Test
  void aTagStoredWithTurkishsCapitalIAsAnIAndADotBecomesTheTagWithAnI() {
    String word = "w" + UUID.randomUUID().toString().substring(0, 8);
    String plain = "izmir " + word;
    String dotted = "i\u0307zmir " + word;
    String id = publishedWithTagStoredAs(plain, dotted);
    mongo.insert(
        new org.bson.Document("_id", dotted).append("name", "\u0130zmir " + word),
        "tag-descriptions");

    rerendering.rerenderAll();
    assertThat(tagDescriptions.compose()).isEqualTo(1);

    var read = anonymous().get("/api/posts/" + id).json();
    assertThat(read.path("tags").get(0).asString()).isEqualTo(plain);
    assertThat(read.path("tagNames").get(0).asString()).isEqualTo("\u0130zmir " + word);
    assertThat(taggedCount("\u0130zmir " + word)).isEqualTo(1);
    assertThat(taggedCount(plain)).isEqualTo(1);
  }
}
