package io.inkwell.posts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestPictures;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * An author heads a post with one of the blog's pictures (Ghost's feature image), says what it
 * shows, and changes or drops it; the post's readers and feed readers get it with its size.
 */
class CoversTests extends IntegrationTest {

  @Value("${spring.kafka.bootstrap-servers}")
  private String kafka;

  private final String authorId = "author-" + UUID.randomUUID();

  private ApiClient author() {
    return as(authorId, "Ana Author", "AUTHOR");
  }

  @Test
  void anAuthorHeadsAPostWithAPictureAndChangesWhatItSays() throws Exception {
    String url = upload(1400, 700);

    var created =
        author()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title", "Tram 28",
                        "body", "Up the hill.",
                        "coverImage", url,
                        "coverAlt", " A yellow tram\u0007 at dusk ")));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    var cover = created.json().path("cover");
    assertThat(cover.path("url").asString()).isEqualTo(url);
    assertThat(cover.path("image").asString()).isEqualTo(url.substring("/api/images/".length()));
    assertThat(cover.path("alt").asString()).isEqualTo("A yellow tram at dusk");
    assertThat(cover.path("width").asInt()).isEqualTo(1400);
    assertThat(cover.path("height").asInt()).isEqualTo(700);
    assertThat(cover.path("srcset").asString())
        .as("browsers on narrow screens load a narrower copy")
        .contains(url + "?w=600 600w", url + " 1400w");
    assertThat(cover.path("sizes").asString()).isNotBlank();

    String id = created.text("id");
    var altOnly = edit(id, created.header("ETag"), Map.of("coverAlt", "Tram 28 on its hill"));
    assertThat(altOnly.json().path("cover").path("alt").asString())
        .isEqualTo("Tram 28 on its hill");
    assertThat(altOnly.json().path("cover").path("url").asString()).isEqualTo(url);

    var untouched = edit(id, altOnly.header("ETag"), Map.of());
    assertThat(untouched.json().path("cover").path("url").asString())
        .as("a client that knows nothing of covers takes none away")
        .isEqualTo(url);
    assertThat(untouched.json().path("cover").path("alt").asString())
        .isEqualTo("Tram 28 on its hill");

    String other = upload(300, 200);
    var changed =
        edit(id, untouched.header("ETag"), Map.of("coverImage", "http://localhost:8080" + other));
    assertThat(changed.json().path("cover").path("url").asString()).isEqualTo(other);
    assertThat(changed.json().path("cover").path("alt").asString())
        .as("another picture shows something else")
        .isEmpty();
    assertThat(changed.json().path("cover").has("srcset")).as("too narrow for copies").isFalse();

    var pasted =
        edit(
            id,
            changed.header("ETag"),
            Map.of("coverImage", " ![Tram 28](" + url + ") ", "coverAlt", "Tram 28"));
    assertThat(pasted.json().path("cover").path("url").asString())
        .as("the Markdown the library gives, pasted whole")
        .isEqualTo(url);

    var dropped = edit(id, pasted.header("ETag"), Map.of("coverImage", ""));
    assertThat(dropped.json().has("cover")).isFalse();
  }

  @Test
  void aPictureThatHeadsAPostStaysInTheLibraryAndInTheFeed() throws Exception {
    String url = upload(900, 600);
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "Azulejos " + UUID.randomUUID(),
                        "body",
                        "Blue and white.",
                        "coverImage",
                        url + "?w=600",
                        "coverAlt",
                        "Blue tiles")));
    assertThat(created.json().path("cover").path("url").asString())
        .as("the address of a narrower copy names the picture too")
        .isEqualTo(url);

    var inUse = api().delete(url);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.text("type")).endsWith("/image-in-use");

    api().post("/api/posts/" + created.text("id") + "/publish", "");
    var published =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    Topics.readAll(kafka, "blog.post-events").stream()
                        .filter(event -> event.key().equals(created.text("id")))
                        .toList(),
                events -> !events.isEmpty())
            .get(0)
            .value();
    assertThat(Contracts.violations(published)).isEmpty();
    var announced = JsonMapper.builder().build().readTree(published).path("cover");
    assertThat(announced.path("url").asString()).as("subscribers' mails show it").isEqualTo(url);
    assertThat(announced.path("alt").asString()).isEqualTo("Blue tiles");
    assertThat(announced.path("width").asInt()).isEqualTo(900);
    var feed =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.atom").raw().body()));
    var entry =
        feed.getEntries().stream()
            .filter(e -> e.getTitle().equals(created.text("title")))
            .findFirst()
            .orElseThrow();
    assertThat(entry.getContents().get(0).getValue())
        .startsWith(
            "<p><img src=\"http://localhost:8080"
                + url
                + "\" alt=\"Blue tiles\" width=\"900\" height=\"600\"></p>");
  }

  @Test
  void aCoverThatIsNoPictureOfTheBlogIsRefused() throws Exception {
    for (String nowhere :
        List.of(
            "/api/images/0123456789abcdef0123456789abcdef.png",
            "https://elsewhere.example/cat.jpg",
            "../../etc/passwd")) {
      var refused =
          author()
              .post(
                  "/api/posts",
                  ApiClient.json(Map.of("title", "T", "body", "B", "coverImage", nowhere)));
      assertThat(refused.status()).as(nowhere).isEqualTo(422);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.text("type")).endsWith("/unknown-picture");
    }
    for (String odd :
        List.of(
            "{\"title\":\"T\",\"body\":\"B\",\"coverImage\":{\"$ne\":null}}",
            "{\"title\":\"T\",\"body\":\"B\",\"coverImage\":[\"a\"]}",
            "{\"title\":\"T\",\"body\":\"B\",\"coverAlt\":\"" + "x".repeat(301) + "\"}")) {
      var refused = author().post("/api/posts", odd);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  private String upload(int width, int height) throws Exception {
    return author()
        .upload(
            "/api/images",
            "file",
            "cover.png",
            "image/png",
            TestPictures.picture("png", width, height))
        .text("url");
  }

  private ApiClient.Response edit(String id, String etag, Map<String, String> cover) {
    var body = new HashMap<String, Object>(Map.of("title", "Tram 28", "body", "Up the hill."));
    body.putAll(cover);
    var edited = author().put("/api/posts/" + id, ApiClient.json(body), "If-Match", etag);
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    return edited;
  }
}
