package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/**
 * A tag is one tag whatever its case ("WPC" and "wpc"), but readers are shown it as its author
 * first wrote it, as Ghost and WordPress show a tag's name, until an editor renames it.
 */
class TagSpellingTests extends IntegrationTest {

  @Test
  void aTagIsShownAsItWasFirstWrittenWhereverReadersMeetIt() throws Exception {
    String mark = mark();
    String tag = "wpc " + mark;
    String first = publishedWithTags("WPC " + mark, "plain " + mark);
    String second = publishedWithTags("wpc " + mark);
    String third = publishedWithTags("  Wpc   " + mark);

    for (String id : List.of(first, second, third)) {
      var post = anonymous().get("/api/posts/" + id);
      assertThat(post.json().path("tags").path(0).asString()).as("one tag").isEqualTo(tag);
      assertThat(post.json().path("tagNames").path(0).asString())
          .as("the first spelling stays, whoever writes the tag otherwise later")
          .isEqualTo("WPC " + mark);
    }
    assertThat(names(anonymous().get("/api/posts/" + first).json()))
        .as("a tag only ever written in lower case is shown so")
        .containsExactly("WPC " + mark, "plain " + mark);

    var listed =
        anonymous().get("/api/posts?tag=" + UriUtils.encodeQueryParam(tag, StandardCharsets.UTF_8));
    assertThat(listed.json().path("items")).hasSize(3);
    for (JsonNode item : listed.json().path("items")) {
      assertThat(item.path("tagNames").path(0).asString()).isEqualTo("WPC " + mark);
    }

    var one =
        anonymous().get("/api/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8));
    assertThat(one.text("tag")).isEqualTo(tag);
    assertThat(one.text("name")).isEqualTo("WPC " + mark);
    assertThat(nameInTagList(tag)).isEqualTo("WPC " + mark);
    assertThat(nameInTagList("plain " + mark)).isEqualTo("plain " + mark);

    var feed =
        new SyndFeedInput()
            .build(
                new StringReader(
                    anonymous()
                        .get(
                            "/tags/"
                                + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8)
                                + "/feed.atom")
                        .raw()
                        .body()));
    assertThat(feed.getTitle()).as("the tag's feed").endsWith(" — WPC " + mark);
    assertThat(feed.getEntries())
        .allSatisfy(
            entry ->
                assertThat(entry.getCategories())
                    .extracting(SyndCategory::getName)
                    .contains("WPC " + mark));
  }

  @Test
  void anEditorRenamesATagToChangeItsCaseAndReadersSeeTheNewNameAtOnce() {
    String mark = mark();
    String tag = "javascript " + mark;
    String id = publishedWithTags("Javascript " + mark);
    var before = anonymous().get("/api/posts/" + id);
    String etag = before.header("ETag");

    var renamed = rename(tag, "JavaScript  " + mark);
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(renamed.text("tag")).as("the same tag").isEqualTo(tag);
    assertThat(renamed.text("name")).isEqualTo("JavaScript " + mark);

    var after = anonymous().get("/api/posts/" + id, "If-None-Match", etag);
    assertThat(after.status())
        .as("a cache that kept the post is told it changed, though its version did not")
        .isEqualTo(200);
    assertThat(after.json().path("version").asLong())
        .isEqualTo(before.json().path("version").asLong());
    assertThat(names(after.json())).containsExactly("JavaScript " + mark);

    var moved = rename(tag, "ECMAScript " + mark);
    assertThat(moved.status()).isEqualTo(200);
    assertThat(names(anonymous().get("/api/posts/" + id).json()))
        .containsExactly("ECMAScript " + mark);

    String later = publishedWithTags("javascript " + mark);
    assertThat(names(anonymous().get("/api/posts/" + later).json()))
        .as("the old tag's name went with the rename; written again, it starts afresh")
        .containsExactly("javascript " + mark);
  }

  @Test
  void aDescriptionTakenAwayLeavesTheNameAndANameNeverMakesATagOfItsOwn() {
    String mark = mark();
    String tag = "lisbon " + mark;
    String path = "/api/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8);
    publishedWithTags("Lisbon " + mark);

    assertThat(api().put(path, ApiClient.json(Map.of("description", "Trams."))).status())
        .isEqualTo(200);
    var undescribed = api().put(path, ApiClient.json(Map.of("description", "")));
    assertThat(undescribed.json().path("description").asString("")).isEmpty();
    assertThat(undescribed.text("name")).isEqualTo("Lisbon " + mark);

    String draft =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of("title", "Unsaved", "body", "B", "tags", List.of("Porto " + mark))))
            .text("id");
    assertThat(draft).isNotNull();
    assertThat(
            anonymous()
                .get(
                    "/api/tags/"
                        + UriUtils.encodePathSegment("porto " + mark, StandardCharsets.UTF_8))
                .status())
        .as("only a draft has the tag: readers have no page for it")
        .isEqualTo(404);
  }

  /**
   * A blog imported before tags had names keeps its labels in lower case; importing its export
   * again, which adds no post twice, names the tags as the export writes the labels, except one an
   * editor named meanwhile.
   */
  @Test
  void importingTheSameExportAgainNamesTheTagsItsLabelsWereSavedAs(
      @Autowired TagDescriptions descriptions) {
    String mark = mark();
    String export =
        """
        <?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><entry>
        <id>tag:blogger.com,1999:blog-80.post-%s</id>
        <published>2009-03-12T16:41:00.000Z</published>
        <category scheme="http://schemas.google.com/g/2005#kind"
          term="http://schemas.google.com/blogger/2008/kind#post"/>
        <category scheme="http://www.blogger.com/atom/ns#" term="WPC %s"/>
        <category scheme="http://www.blogger.com/atom/ns#" term="Travel %s"/>
        <category scheme="http://www.blogger.com/atom/ns#" term="notes %s"/>
        <title>Notes from the WPC %s</title><content type="html">Pipes.</content>
        </entry></feed>
        """
            .formatted(mark, mark, mark, mark, mark);
    var importer = as("admin-1", "Ada Admin", "ADMIN");
    assertThat(importer.postAs("/api/imports/blogger", "application/atom+xml", export).status())
        .isEqualTo(200);
    String slug = "/api/posts/notes-from-the-wpc-" + mark;
    // as such an import saved them
    descriptions.unname("wpc " + mark);
    descriptions.unname("travel " + mark);
    assertThat(names(anonymous().get(slug).json()))
        .containsExactly("wpc " + mark, "travel " + mark, "notes " + mark);
    var renamed = rename("travel " + mark, "TRAVEL " + mark);
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

    var again = importer.postAs("/api/imports/blogger", "application/atom+xml", export);

    assertThat(again.json().path("posts").asInt()).as(again.toString()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(1);
    assertThat(names(anonymous().get(slug).json()))
        .as("the labels' spellings, but the editor's name stays")
        .containsExactly("WPC " + mark, "TRAVEL " + mark, "notes " + mark);
  }

  /**
   * Each name a tag is given is told on {@code blog.post-events}, keyed by the tag, so that
   * notification-service names subscribers' chosen tags as readers are shown them: the first
   * spelling with capitals, an editor's rename (the old tag then its own name again), and once,
   * when the service starts, a name given before names were told.
   */
  @Test
  void eachNameATagIsGivenIsToldInTheOrderItWasGiven(
      @Autowired TagDescriptions descriptions, @Autowired MongoTemplate mongo) {
    String mark = mark();
    String tag = "wpc " + mark;
    publishedWithTags("WPC " + mark);
    publishedWithTags("Wpc " + mark);
    var renamed = rename(tag, "Pipe Smoking " + mark);
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    mongo.insert(
        new org.bson.Document("_id", "old " + mark).append("name", "Old " + mark),
        TagDescriptions.COLLECTION);
    assertThat(descriptions.announce()).isPositive();
    assertThat(descriptions.announce()).as("once").isZero();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(namesToldOf(tag)).containsExactly("WPC " + mark, tag);
              assertThat(namesToldOf("pipe smoking " + mark))
                  .containsExactly("Pipe Smoking " + mark);
              assertThat(namesToldOf("old " + mark)).containsExactly("Old " + mark);
            });
  }

  /** The names the tag's {@code TagNamed} events told, in order, each true to its contract. */
  private List<String> namesToldOf(String tag) {
    return postEventsOf(tag).stream()
        .peek(event -> assertThat(event.path("type").asString()).isEqualTo("TagNamed"))
        .peek(event -> assertThat(event.path("tag").asString()).isEqualTo(tag))
        .map(event -> event.path("name").asString())
        .toList();
  }

  /** An editor renames the tag at {@code /admin/tags}. */
  private ApiClient.Response rename(String tag, String name) {
    return api()
        .post(
            "/api/tags/" + UriUtils.encodePathSegment(tag, StandardCharsets.UTF_8) + "/rename",
            ApiClient.json(Map.of("name", name)));
  }

  private static String mark() {
    return UUID.randomUUID().toString().substring(0, 8).replaceAll("[^a-z]", "x");
  }

  private static List<String> names(JsonNode post) {
    return post.path("tagNames").valueStream().map(JsonNode::asString).toList();
  }

  private String nameInTagList(String tag) {
    for (JsonNode item : anonymous().get("/api/tags").json().path("items")) {
      if (item.path("tag").asString().equals(tag)) {
        return item.path("name").asString();
      }
    }
    throw new AssertionError(tag + " is not in the list");
  }
}
