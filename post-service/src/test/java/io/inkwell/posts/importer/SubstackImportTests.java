package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moving a Substack newsletter here: its export archive (posts.csv and a body per post) becomes
 * posts and drafts with their dates and subtitles, its widgets the blog's own, and nothing paid for
 * becomes public.
 */
class SubstackImportTests extends IntegrationTest {

  private static final String ZIP = "application/zip";
  private static final String[] FILES = {
    "posts.csv",
    "posts/90210001.letters-from-the-lighthouse.html",
    "posts/90210002.the-keepers-logbook.html",
    "posts/90210003.half-a-thought.html",
    "posts/90210005.episode-one-the-lamp.html"
  };

  @Autowired private Posts posts;

  @Test
  void aSubstackExportBecomesPostsAndDraftsWithTheirDatesSubtitlesPicturesAndButtons()
      throws IOException {
    byte[] export = Archives.zip(Archives.resources("substack", FILES));

    var first = admin().postAs("/api/imports/substack", ZIP, export);
    var again = admin().postAs("/api/imports/substack", ZIP, export);

    // the letter, the paid post and the draft (as drafts), the episode; not the thread
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("posts").asInt()).isEqualTo(4);
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(4);
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Ask the keeper anything"));

    var letter = anonymous().get("/api/posts/letters-from-the-lighthouse");
    assertThat(letter.status()).isEqualTo(200);
    assertThat(letter.text("title")).isEqualTo("Letters from the lighthouse");
    assertThat(Instant.parse(letter.text("publishedAt")))
        .isEqualTo(Instant.parse("2022-03-14T07:15:00Z"));
    assertThat(letter.text("excerpt")).isEqualTo("Fog, foghorns and a keeper's \"quiet\" week");
    var body = Jsoup.parseBodyFragment(letter.text("bodyHtml"));
    assertThat(body.select("figure > img").attr("src"))
        .as("the picture whole, on Substack's storage, not the CDN's copy for one width")
        .isEqualTo(
            "https://substack-post-media.s3.amazonaws.com/public/images/5f1e2d3c-lamp_1456x970.jpeg");
    assertThat(body.select("figure > img").attr("alt")).isEqualTo("The lamp room at dusk");
    assertThat(body.select("figure:not(.gallery) > figcaption").html())
        .isEqualTo("The lamp room, <em>at dusk</em>");
    assertThat(body.select("a[href=/p/episode-one-the-lamp]").text())
        .as("a link to one of its own posts a path here, which leads to the imported post")
        .isEqualTo("how the light turns");
    assertThat(body.select("a[href=https://other-keeper.substack.com/p/their-lamp]")).hasSize(1);
    assertThat(body.select("p.button a").eachAttr("href"))
        .as("the subscribe form and button this blog's, the share and comment buttons gone")
        .containsExactly("/subscribe", "/subscribe", "https://tides.example.org/tables");
    assertThat(body.text())
        .contains("Thanks for reading Letters from the lighthouse!")
        .doesNotContain("Share", "Leave a comment", "Type your email", "alert");
    assertThat(body.select("figure.gallery img").eachAttr("src"))
        .containsExactly(
            "https://substack-post-media.s3.amazonaws.com/public/images/aa11-rocks_800x600.jpeg",
            "https://substack-post-media.s3.amazonaws.com/public/images/bb22-gulls_800x600.jpeg");
    assertThat(body.select("figure.gallery figcaption").text()).isEqualTo("Rocks and gulls");
    assertThat(letter.text("bodyHtml")).doesNotContain("<svg", "<button", "<form", "<input");

    assertThat(statusOf("The keeper's logbook"))
        .as("what subscribers paid for is not made public by the move")
        .isEqualTo(PostStatus.DRAFT);
    assertThat(anonymous().get("/api/posts/the-keepers-logbook").status()).isEqualTo(404);
    assertThat(statusOf("Half a thought about tides")).isEqualTo(PostStatus.DRAFT);

    var episode = anonymous().get("/api/posts/episode-one-the-lamp");
    var heading = Jsoup.parseBodyFragment(episode.text("bodyHtml")).select("a").first();
    assertThat(heading.attr("href"))
        .as("the episode heads its post, named by the post (Substack names its file by a hash)")
        .isEqualTo("https://api.substack.com/feed/podcast/90210005/0a1b2c.mp3");
    assertThat(heading.text()).isEqualTo("▶ Episode 1: The lamp");

    // Substack's addresses, /p/{slug}, lead to the new ones
    var moved =
        anonymous()
            .get(
                "/api/redirects?path="
                    + URLEncoder.encode("/p/letters-from-the-lighthouse", StandardCharsets.UTF_8));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.text("url"))
        .isEqualTo("http://localhost:8080/posts/letters-from-the-lighthouse");
  }

  @Test
  void anArchivePackedAgainWithItsFilesInAFolderAndItsListSavedAgainIsReadToo() throws IOException {
    var files = new LinkedHashMap<String, byte[]>();
    files.put(
        "export/posts.csv",
        // saved again by a spreadsheet, with a byte-order mark and Windows' line ends
        ("\uFEFFpost_id,post_date,is_published,type,audience,title,subtitle\r\n"
                + "90219999.folded-letter,2023-01-02T10:00:00.000Z,true,newsletter,everyone,"
                + "A folded letter,\r\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put(
        "export/posts/90219999.folded-letter.html",
        "<p>Unfolded here.</p>".getBytes(StandardCharsets.UTF_8));

    var imported = admin().postAs("/api/imports/substack", ZIP, Archives.zip(files));

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    assertThat(anonymous().get("/api/posts/folded-letter").text("bodyHtml"))
        .contains("Unfolded here.");
  }

  /**
   * A newsletter with many subscribers has an archive of many megabytes, most of it the lists of
   * who received and opened each post, which are not read: it is imported all the same.
   */
  @Test
  void aLargeArchiveOfSubscribersListsIsImportedWithoutReadingThem() throws IOException {
    var files = new LinkedHashMap<String, byte[]>();
    files.put(
        "posts.csv",
        ("post_id,post_date,is_published,type,audience,title,subtitle\n"
                + "90218888.a-widely-read-letter,2023-02-03T10:00:00.000Z,true,newsletter,"
                + "everyone,A widely read letter,\n")
            .getBytes(StandardCharsets.UTF_8));
    files.put(
        "posts/90218888.a-widely-read-letter.html",
        "<p>Read by many.</p>".getBytes(StandardCharsets.UTF_8));
    byte[] opens = new byte[12 * 1024 * 1024];
    new Random(7).nextBytes(opens); // as incompressible as a long list of addresses nearly is
    files.put("posts/90218888.a-widely-read-letter.opens.csv", opens);
    byte[] archive = Archives.zip(files);

    var imported = admin().postAs("/api/imports/substack", ZIP, archive);

    assertThat(archive.length).isGreaterThan(10 * 1024 * 1024);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/a-widely-read-letter").text("bodyHtml"))
        .contains("Read by many.");
  }

  @Test
  void anArchiveLargerThanAnImportTakesIsRefusedAsItArrives() {
    // 101 MB of zeros, never held whole: refused once more than 100 MB have arrived
    var endless =
        new InputStream() {
          private long left = ExportArchive.LARGEST_ARCHIVE + 1024 * 1024;

          @Override
          public int read() {
            return left-- > 0 ? 0 : -1;
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
              return -1;
            }
            int read = (int) Math.min(length, left);
            Arrays.fill(buffer, offset, offset + read, (byte) 0);
            left -= read;
            return read;
          }
        };

    assertThatThrownBy(() -> SubstackExport.read(endless, null))
        .isInstanceOf(ImportTooLarge.class)
        .hasMessage("The file is larger than the 100 MB an import takes.");
  }

  @Test
  void theApiDocsOfferTheZipImportsAnUpload() {
    var docs = anonymous().get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    for (String platform : new String[] {"substack", "medium", "blogger", "wordpress"}) {
      assertThat(
              docs.json()
                  .path("paths")
                  .path("/api/imports/" + platform)
                  .path("post")
                  .path("requestBody")
                  .path("content")
                  .path("application/zip")
                  .path("schema")
                  .path("format")
                  .asString())
          .as(platform)
          .isEqualTo("binary");
    }
  }

  @Test
  void whatIsNotSubstacksArchiveIsA422AndImportsNothing() throws IOException {
    long before = posts.count();
    var notAZip =
        admin()
            .postAs("/api/imports/substack", ZIP, "post_id\n1.a".getBytes(StandardCharsets.UTF_8));
    var noList =
        admin()
            .postAs(
                "/api/imports/substack",
                ZIP,
                Archives.zip(Map.of("notes.txt", "hello".getBytes(StandardCharsets.UTF_8))));
    var cut =
        admin()
            .postAs(
                "/api/imports/substack",
                ZIP,
                halfOf(Archives.zip(Archives.resources("substack", FILES))));
    var bomb =
        admin()
            .postAs(
                "/api/imports/substack",
                ZIP,
                Archives.zip(Map.of("posts.csv", new byte[ExportArchive.LARGEST_ENTRY + 1])));
    var wrongType = admin().postAs("/api/imports/substack", "application/json", "{\"posts\": []}");

    for (var refused : new ApiClient.Response[] {notAZip, noList, cut, bomb}) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    }
    assertThat(noList.text("detail")).contains("posts.csv");
    assertThat(bomb.text("detail")).contains("more than 4 MB");
    assertThat(wrongType.status()).isEqualTo(415);
    assertThat(posts.count()).isEqualTo(before);
  }

  private static byte[] halfOf(byte[] archive) {
    return Arrays.copyOf(archive, archive.length / 2);
  }
}
