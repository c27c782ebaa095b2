package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;

/** An editor says what a tag is about; its page and the tag list tell readers. */
class TagDescriptionsTests extends IntegrationTest {

  @Test
  void anEditorDescribesATagThatReadersThenSee() {
    String tag = "lisbon-" + UUID.randomUUID().toString().substring(0, 8);
    publishedWithTags(tag);

    assertThat(anonymous().get("/api/tags/" + tag).json().path("count").asLong()).isEqualTo(1);
    assertThat(anonymous().get("/api/tags/" + tag).json().path("description").asString(""))
        .isEmpty();

    var described =
        api()
            .put(
                "/api/tags/" + tag.toUpperCase(),
                ApiClient.json(
                    Map.of(
                        "description",
                        "  Trams, tiles and <b>pastéis</b>:\n\nnotes from a city of hills.\u0007 ")));
    assertThat(described.status()).as(described.toString()).isEqualTo(200);
    assertThat(described.text("tag")).isEqualTo(tag);
    assertThat(described.text("description"))
        .as("one paragraph of plain text, kept as written (pages escape it)")
        .isEqualTo("Trams, tiles and <b>pastéis</b>: notes from a city of hills.");

    var read = anonymous().get("/api/tags/" + tag);
    assertThat(read.text("description")).startsWith("Trams, tiles");
    assertThat(read.json().path("count").asLong()).isEqualTo(1);
    var listed = anonymous().get("/api/tags").json().path("items");
    assertThat(listed.findValues("tag").stream().map(n -> n.asString()).toList()).contains(tag);
    for (var item : listed) {
      if (item.path("tag").asString().equals(tag)) {
        assertThat(item.path("description").asString()).startsWith("Trams, tiles");
      }
    }

    assertThat(
            api()
                .put("/api/tags/" + tag, ApiClient.json(Map.of("description", " ")))
                .json()
                .path("description")
                .asString(""))
        .as("an empty description takes it away")
        .isEmpty();
  }

  @Test
  void onlyEditorsDescribeAndNonsenseIsRefused() {
    String tag = "porto-" + UUID.randomUUID().toString().substring(0, 8);
    publishedWithTags(tag);
    String body = ApiClient.json(Map.of("description", "Wine."));

    assertThat(anonymous().put("/api/tags/" + tag, body).status()).isEqualTo(401);
    assertThat(as("a-" + UUID.randomUUID(), "Ann", "AUTHOR").put("/api/tags/" + tag, body).status())
        .isEqualTo(403);
    var tooLong =
        api().put("/api/tags/" + tag, ApiClient.json(Map.of("description", "x".repeat(501))));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(tooLong.json().path("errors").path(0).path("field").asString())
        .as("the field the editor typed too much in")
        .isEqualTo("description");
    for (String odd : List.of("{\"description\":{\"$ne\":null}}", "{\"description\":[]}", "[]")) {
      assertThat(api().put("/api/tags/" + tag, odd).status()).as(odd).isEqualTo(400);
    }
    var tooLongName = anonymous().get("/api/tags/" + "x".repeat(51));
    assertThat(tooLongName.status()).isEqualTo(400);
    assertThat(tooLongName.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(anonymous().get("/api/tags/%E6%97%85%E8%A1%8C").status())
        .as("a unicode tag nobody used")
        .isEqualTo(404);
    var unknown = anonymous().get("/api/tags/never-used-" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(anonymous().get("/api/tags/" + tag).json().path("description").asString(""))
        .isEmpty();
  }

  @Test
  void aTagNoPathCanCarryIsReachedByItsSlug() throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 6);
    String slashed = "c/c++ " + mark;
    String percent = "100% " + mark;
    publishedWithTags("C/C++ " + mark, "100%  " + mark, "plain-" + mark);

    var listed = anonymous().get("/api/tags").json().path("items");
    Map<String, String> slugs = new java.util.HashMap<>();
    listed.forEach(item -> slugs.put(item.path("tag").asString(), item.path("slug").asString()));
    assertThat(slugs)
        .containsEntry(slashed, "c-c++ " + mark)
        .containsEntry(percent, "100- " + mark);
    assertThat(slugs)
        .as("most tags are their own slug")
        .containsEntry("plain-" + mark, "plain-" + mark);

    String slug = UriUtils.encodePathSegment("c-c++ " + mark, StandardCharsets.UTF_8);
    var read = anonymous().get("/api/tags/" + slug);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("tag")).isEqualTo(slashed);
    assertThat(read.json().path("count").asLong()).isEqualTo(1);

    var described =
        api().put("/api/tags/" + slug, ApiClient.json(Map.of("description", "Pointers.")));
    assertThat(described.text("tag")).isEqualTo(slashed);
    assertThat(anonymous().get("/api/tags/" + slug).text("description")).isEqualTo("Pointers.");

    var feed =
        new SyndFeedInput()
            .build(new StringReader(anonymous().get("/tags/" + slug + "/feed.atom").raw().body()));
    assertThat(feed.getEntries()).hasSize(1);
    assertThat(feed.getLinks())
        .extracting(link -> link.getHref())
        .as("the feed's page and itself, at the slug")
        .contains(
            "http://localhost:8080/tags/" + slug,
            "http://localhost:8080/tags/" + slug + "/feed.atom");

    publishedWithTags("c-c++ " + mark);
    assertThat(anonymous().get("/api/tags/" + slug).text("tag"))
        .as("a tag of that very name comes first")
        .isEqualTo("c-c++ " + mark);
  }

  @Test
  void aTagIsReachedByTheSlugWordPressAndGhostMadeOfIt() throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 6).replaceAll("[^a-z]", "x");
    String cafe = "caf\u00e9 " + mark;
    String dessert = "cr\u00e8me br\u00fbl\u00e9e " + mark;
    publishedWithTags("Caf\u00e9 " + mark, "Cr\u00e8me Br\u00fbl\u00e9e " + mark, "\ud83c\udf89");

    var typed = anonymous().get("/api/tags/cafe-" + mark);
    assertThat(typed.status()).as("its accent left out, as a reader types it").isEqualTo(200);
    assertThat(typed.text("tag")).isEqualTo(cafe);
    assertThat(typed.text("slug")).as("its own path stays the tag").isEqualTo(cafe);
    assertThat(anonymous().get("/api/tags/Creme-Brulee-" + mark).text("tag")).isEqualTo(dessert);
    var feed =
        new SyndFeedInput()
            .build(
                new StringReader(
                    anonymous().get("/tags/creme-brulee-" + mark + "/feed.rss").raw().body()));
    assertThat(feed.getEntries()).as("an old tag feed's address").hasSize(1);
    assertThat(anonymous().get("/api/tags/caf-" + mark).status())
        .as("only the whole slug")
        .isEqualTo(404);
    assertThat(anonymous().get("/api/tags/post").status())
        .as("a tag of no letters has no such slug")
        .isEqualTo(404);

    publishedWithTags("cafe-" + mark);
    assertThat(anonymous().get("/api/tags/cafe-" + mark).text("tag"))
        .as("a tag of that very name comes first")
        .isEqualTo("cafe-" + mark);
  }
}
