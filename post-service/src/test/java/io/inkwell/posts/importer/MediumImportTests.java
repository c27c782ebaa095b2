package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.PostStatus;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * Moving a Medium writer's stories here: the archive Medium gives becomes posts with their dates,
 * subtitles, tags and bylines, drafts stay drafts, and the writer's responses to others' stories
 * wait as drafts.
 */
class MediumImportTests extends IntegrationTest {

  private static final String ZIP = "application/zip";
  private static final String[] FILES = {
    "posts/2018-08-11_Harbour-Lights-efefef121212.html",
    "posts/draft_Fog-Signals-Unfinished-abc123def456.html",
    "posts/2024-06-03_Lovely-photos--thank-you-a1b2c3d4e5f6.html",
    "profile/profile.html"
  };

  @Test
  void aMediumExportBecomesPostsAndDraftsWithTheirDatesSubtitlesTagsAndBylines()
      throws IOException {
    byte[] export = Archives.zip(Archives.resources("medium", FILES));

    var first = admin().postAs("/api/imports/medium", ZIP, export);
    var again = admin().postAs("/api/imports/medium", ZIP, export);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("posts").asInt()).isEqualTo(3);
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(3);

    var story = anonymous().get("/api/posts/harbour-lights");
    assertThat(story.status()).isEqualTo(200);
    assertThat(story.text("title")).isEqualTo("Harbour lights");
    assertThat(Instant.parse(story.text("publishedAt")))
        .isEqualTo(Instant.parse("2018-08-11T21:23:34.123Z"));
    assertThat(story.text("excerpt")).isEqualTo("What the lamps say after dark");
    assertThat(story.json().path("tags").toString()).isEqualTo("[\"lighthouses\",\"night\"]");
    assertThat(story.json().path("author").path("name").asString()).isEqualTo("Nell Quay");
    var body = Jsoup.parseBodyFragment(story.text("bodyHtml"));
    assertThat(body.select("h3, h4").eachText())
        .as("the title and subtitle are the post's, not its first lines")
        .isEmpty();
    assertThat(body.select("figure img").attr("src"))
        .as("Medium's widest copy of the picture, not the one for 800 pixels")
        .isEqualTo("https://cdn-images-1.medium.com/max/2000/1*lamps.jpeg");
    assertThat(body.select("figure img").attr("alt")).isEqualTo("Lamps on the quay");
    assertThat(body.select("figure figcaption").first().text()).isEqualTo("The quay at nine");
    assertThat(body.select("iframe").attr("src"))
        .as("the YouTube player Medium showed through Embedly, cookie-free")
        .startsWith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");
    assertThat(body.select("hr")).as("a rule between Medium's two sections").hasSize(1);
    assertThat(body.select("figure.bookmark p").eachText())
        .containsExactly(
            "List of lights", "Every lamp on the coast, with its character.", "tides.example.org");
    assertThat(body.select("figure.bookmark a").attr("href"))
        .isEqualTo("https://tides.example.org/lights");
    assertThat(body.select("a:contains(the fog signals)").attr("href"))
        .as("another writer's story, at medium.com too, stays theirs")
        .isEqualTo("https://medium.com/@nellquay/fog-signals-0a1b2c3d4e5f");

    assertThat(statusOf("Fog signals, unfinished")).isEqualTo(PostStatus.DRAFT);
    assertThat(statusOf("Lovely photos, thank you"))
        .as("a response to someone else's story waits as a draft")
        .isEqualTo(PostStatus.DRAFT);

    // the story's address on Medium leads to the new one
    var moved =
        anonymous()
            .get(
                "/api/redirects?path="
                    + URLEncoder.encode(
                        "/@nellquay/harbour-lights-efefef121212", StandardCharsets.UTF_8));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.text("url")).isEqualTo("http://localhost:8080/posts/harbour-lights");
  }

  @Test
  void linksBetweenTheWritersOwnStoriesBecomePathsHere() throws IOException {
    var files = new LinkedHashMap<String, byte[]>();
    files.put("posts/2019-01-02_Tides-0f0f0f0f0f0f.html", story("Tides", "0f0f0f0f0f0f", ""));
    files.put(
        "posts/2019-01-03_Currents-1e1e1e1e1e1e.html",
        story(
            "Currents",
            "1e1e1e1e1e1e",
            "<p class=\"graf graf--p\">After <a href=\"https://medium.com/@ida/tides-0f0f0f0f0f0f\">"
                + "the tides</a>.</p>"));

    var imported = admin().postAs("/api/imports/medium", ZIP, Archives.zip(files));

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(2);
    var currents = Jsoup.parseBodyFragment(anonymous().get("/api/posts/currents").text("bodyHtml"));
    assertThat(currents.select("a").attr("href")).isEqualTo("/@ida/tides-0f0f0f0f0f0f");
  }

  /**
   * A story whose address ends in a long part with no Medium id (a damaged export) is named by its
   * file, as a draft's is, and is read once rather than from each of the address's characters.
   */
  @Test
  void aStoryWhoseAddressNamesNoIdIsNamedByItsFile() throws IOException {
    String noId = "@ida/" + "z".repeat(100_000);
    byte[] story =
        new String(story("Breakwater", "0123abcd", ""), StandardCharsets.UTF_8)
            .replace("@ida/breakwater-0123abcd", noId)
            .getBytes(StandardCharsets.UTF_8);

    var imported =
        admin()
            .postAs(
                "/api/imports/medium",
                ZIP,
                Archives.zip(Map.of("posts/2019-02-03_Breakwater-2d2d2d2d2d2d.html", story)));

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    var breakwater = anonymous().get("/api/posts/breakwater");
    assertThat(breakwater.status()).isEqualTo(200);
    assertThat(breakwater.text("title")).isEqualTo("Breakwater");
  }

  @Test
  void whatIsNotMediumsArchiveIsA422AndImportsNothing() throws IOException {
    var notAZip = admin().postAs("/api/imports/medium", ZIP, "<html></html>".getBytes());
    var noStories =
        admin()
            .postAs(
                "/api/imports/medium",
                ZIP,
                Archives.zip(
                    Map.of("claps/claps.html", "<p>claps</p>".getBytes(StandardCharsets.UTF_8))));

    assertThat(notAZip.status()).isEqualTo(422);
    assertThat(notAZip.text("detail")).contains("Medium's export");
    assertThat(noStories.status()).isEqualTo(422);
    assertThat(noStories.text("detail")).contains("posts/");
  }

  private static byte[] story(String title, String id, String more) {
    return ("""
        <html><body><article class="h-entry"><header><h1 class="p-name">%1$s</h1></header>
        <section data-field="body" class="e-content"><h3 class="graf graf--h3 graf--title">%1$s</h3>
        <p class="graf graf--p">Words about %1$s.</p>%3$s</section>
        <footer><p>By <a href="https://medium.com/@ida" class="p-author h-card">Ida Shore</a> on
        <time class="dt-published" datetime="2019-01-02T10:00:00.000Z">January 2, 2019</time>.</p>
        <p><a href="https://medium.com/@ida/%2$s-%4$s" class="p-canonical">Canonical link</a></p>
        </footer></article></body></html>
        """)
        .formatted(title, title.toLowerCase(), more, id)
        .getBytes(StandardCharsets.UTF_8);
  }
}
