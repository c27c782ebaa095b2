package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class WordPressImportTests extends IntegrationTest {

  @Autowired private Posts posts;

  @Test
  void aWordPressExportBecomesPostsPagesAndDraftsWithTheirDatesTagsBylinesAndComments()
      throws IOException {
    String export = resource("/wordpress/export.xml");

    var first = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);
    var again = admin().postAs("/api/imports/wordpress", "application/xml", export);

    // two posts, the Japanese one, the About page and the draft; not the picture nor the trash
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("posts").asInt()).isEqualTo(5);
    assertThat(first.json().path("comments").asInt()).isEqualTo(2);
    assertThat(again.json().path("posts").asInt()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(5);

    var fog = api().get("/api/posts/fog-on-the-downs");
    assertThat(fog.status()).isEqualTo(200);
    assertThat(fog.text("title")).isEqualTo("Fog on the Downs");
    assertThat(Instant.parse(fog.text("publishedAt")))
        .isEqualTo(Instant.parse("2019-05-14T06:30:00Z"));
    assertThat(fog.json().path("tags").toString()).isEqualTo("[\"walks\",\"birds\"]");
    assertThat(fog.json().path("author").path("name").asString()).isEqualTo("Marta Ruiz");
    assertThat(fog.text("excerpt")).isEqualTo("A walk above the fog.");
    assertThat(fog.json().path("featured").asBoolean()).isTrue();
    assertThat(fog.json().path("commentsOpen").asBoolean()).isTrue();
    assertThat(fog.text("bodyHtml"))
        // WordPress's paragraphs and line breaks, which it adds only when it shows a post
        .contains(
            "<p>We left before dawn. The fog sat in the valleys<br>"
                + "\nand the ridge stood above it like a shore.</p>")
        .contains("<p>Back by *nine*, for breakfast.</p>")
        .contains(
            "<figure><a href=\"https://fieldnotes.example.org/wp-content/uploads/2019/05/ridge.jpg\"")
        .contains("<figcaption>The ridge at six</figcaption></figure>")
        .contains("alt=\"The ridge above the fog\"")
        .contains("<h2>What we saw</h2>")
        .contains("wind  calm\n\nfog   thick</pre>")
        .doesNotContain("[caption")
        .doesNotContain("<script")
        .doesNotContain("old plugin");

    var cafe = api().get("/api/posts/deja-vu-at-the-cafe");
    assertThat(cafe.text("bodyHtml"))
        .contains("<p>The block editor keeps <strong>whole</strong> HTML.</p>")
        .contains("<figcaption>Flat white</figcaption>");
    assertThat(cafe.json().path("commentsOpen").asBoolean()).isFalse();
    assertThat(cafe.json().path("tags").size()).isZero();
    assertThat(cafe.json().path("author").path("name").asString()).isEqualTo("Tom Hale");
    assertThat(cafe.json().path("featured").asBoolean()).isFalse();

    var draft = posts.findAll().stream().filter(p -> p.title().equals("Notes for a winter walk"));
    assertThat(draft.findFirst().orElseThrow().status()).isEqualTo(PostStatus.DRAFT);
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Deleted thoughts"));
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Ridge photo"));

    // the old addresses, with or without WordPress's trailing slash, lead to the new ones
    var moved = redirect("/2019/05/14/fog-on-the-downs/");
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.text("url")).isEqualTo("http://localhost:8080/posts/fog-on-the-downs");
    assertThat(redirect("/2019/05/14/fog-on-the-downs").text("slug")).isEqualTo("fog-on-the-downs");
    var page = redirect("/about");
    assertThat(page.json().path("page").asBoolean()).isTrue();
    // "about", or "about-2" when another About page was here first
    assertThat(page.text("url")).isEqualTo("http://localhost:8080/pages/" + page.text("slug"));
    var about = api().get("/api/posts/" + page.text("slug"));
    assertThat(about.json().path("page").asBoolean()).isTrue();
    assertThat(about.text("bodyHtml"))
        .isEqualToIgnoringWhitespace("<p>I walk and write things down.</p>");
    var japanese = redirect("/2022/10/01/日本の散歩/");
    assertThat(japanese.status()).isEqualTo(200);
    assertThat(api().get("/api/posts/" + japanese.text("slug")).text("title")).isEqualTo("日本の散歩");
    // a draft's address leads nowhere, nor does one that never was
    assertThat(redirect("/?p=55").status()).isEqualTo(404);
    assertThat(redirect("/2019/05/14/never-was/").status()).isEqualTo(404);
    assertThat(redirect("/2019/05/14/never-was/").header("Content-Type"))
        .startsWith("application/problem+json");

    List<JsonNode> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> postEventsOf(fog.text("id")), found -> found.size() == 3);
    assertThat(events.get(0).path("type").asString()).isEqualTo("PostPublished");
    assertThat(events.get(0).path("imported").asBoolean()).isTrue();
    // the approved comment and its threaded answer; not the spam, not the pingback
    var question = events.get(1);
    var answer = events.get(2);
    assertThat(question.path("authorName").asString()).isEqualTo("Priya");
    assertThat(question.path("body").asString())
        .isEqualTo("<p>Lovely. <em>Which</em> path did you take?</p>\n\n<p>The chalk one?</p>");
    assertThat(question.path("postedAt").asString()).isEqualTo("2019-05-14T19:05:00Z");
    assertThat(answer.path("parentId").asString()).isEqualTo(question.path("commentId").asString());
  }

  @Test
  void somethingThatIsNotAWordPressExportIsRefusedAndNothingIsImported() {
    long before = posts.count();
    var notXml = admin().postAs("/api/imports/wordpress", "application/xml", "not xml at all");
    var plainRss =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/rss+xml",
                "<rss version='2.0'><channel><title>A feed</title><item><title>x</title></item>"
                    + "</channel></rss>");
    var doctype =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<rss><channel><title>&x;</title></channel></rss>");
    var json = admin().post("/api/imports/wordpress", "{}");
    var author =
        as("author-1", "Ann Author", "AUTHOR")
            .postAs("/api/imports/wordpress", "application/xml", "<rss/>");

    assertThat(notXml.status()).isEqualTo(422);
    assertThat(notXml.header("Content-Type")).startsWith("application/problem+json");
    assertThat(plainRss.status()).isEqualTo(422);
    assertThat(plainRss.text("detail")).contains("WordPress");
    assertThat(doctype.status()).isEqualTo(422);
    assertThat(doctype.raw().body()).doesNotContain("root:");
    assertThat(json.status()).isEqualTo(415);
    assertThat(author.status()).isEqualTo(403);
    assertThat(posts.count()).isEqualTo(before);
  }

  private ApiClient.Response redirect(String oldPath) {
    return anonymous()
        .get("/api/redirects?path=" + URLEncoder.encode(oldPath, StandardCharsets.UTF_8));
  }
}
