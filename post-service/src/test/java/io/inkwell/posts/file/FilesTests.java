package io.inkwell.posts.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestFiles;
import io.inkwell.posts.post.Actor;
import io.inkwell.testsupport.ApiClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.InputStreamSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Files beside pictures: an author uploads a podcast's episode or a PDF, a post plays or links it,
 * and readers' browsers fetch exactly those bytes, a player a part at a time; nothing a browser
 * would run in the blog's name gets in.
 */
class FilesTests extends IntegrationTest {

  @Autowired MongoTemplate mongo;
  @Autowired BlogFiles files;

  private static byte[] pdf(String words) {
    return ("%PDF-1.4\n% " + words + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anAuthorUploadsAnEpisodeThatTheirPostPlaysAndReadersFetchAsUploaded() throws IOException {
    // a megabyte, four chunks of the tests' 256 KB, playing 62.7 s
    byte[] mp3 = TestFiles.mp3Playing(2_400);
    var author = as("author-" + UUID.randomUUID(), "Pod Caster", "AUTHOR");

    var uploaded = author.upload("/api/files", "file", "Episode 1.mp3", "audio/mpeg", mp3);

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String url = uploaded.text("url");
    assertThat(url).matches("/api/files/[0-9a-f]{32}\\.mp3");
    assertThat(uploaded.header("Location")).isEqualTo(url);
    assertThat(uploaded.text("contentType")).isEqualTo("audio/mpeg");
    assertThat(uploaded.text("kind")).isEqualTo("AUDIO");
    assertThat(uploaded.json().path("size").asLong()).isEqualTo(mp3.length);
    assertThat(uploaded.json().path("uploadedBy").path("name").asString()).isEqualTo("Pod Caster");
    assertThat(uploaded.text("markdown")).isEqualTo("[Episode 1](" + url + ")");
    assertThat(uploaded.json().path("duration").asLong()).as("seconds it plays").isEqualTo(63);

    var fetched = anonymous().bytes(url);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(mp3);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("audio/mpeg");
    assertThat(fetched.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(fetched.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000", "public", "immutable");
    assertThat(fetched.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(fetched.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline")
        .contains("Episode 1.mp3");
    String etag = fetched.headers().firstValue("ETag").orElseThrow();
    assertThat(anonymous().bytes(url, "If-None-Match", etag).statusCode()).isEqualTo(304);

    var post =
        author.post(
            "/api/posts",
            ApiClient.json(
                Map.of(
                    "title",
                    "Episode 1",
                    "body",
                    "Our first episode.\n\n"
                        + uploaded.text("markdown")
                        + "\n\nOr [download it]("
                        + url
                        + ") for later.")));
    assertThat(post.text("bodyHtml"))
        .as("a link alone on its line plays; one in a sentence stays a link")
        .contains(
            "<figure class=\"media\"><audio controls=\"controls\" preload=\"metadata\" src=\""
                + url
                + "\"></audio><figcaption><a href=\""
                + url
                + "\">Episode 1</a></figcaption></figure>")
        .contains("Or <a href=\"" + url + "\">download it</a> for later.");
  }

  @Test
  void aPostsEpisodeIsItsFeedEntrysEnclosureAsPodcastAppsFindThem() throws Exception {
    byte[] mp3 = TestFiles.mp3(400_000);
    var uploaded = api().upload("/api/files", "file", "Episode 2.mp3", "audio/mpeg", mp3);
    String title = "Episode 2 " + UUID.randomUUID();
    String id =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of("title", title, "body", "Show notes.\n\n" + uploaded.text("markdown"))))
            .text("id");
    api().post("/api/posts/" + id + "/publish", "");

    for (String feed : List.of("/feed.rss", "/feed.atom")) {
      SyndFeed parsed =
          new SyndFeedInput().build(new StringReader(anonymous().get(feed).raw().body()));
      SyndEntry entry =
          parsed.getEntries().stream()
              .filter(each -> each.getTitle().equals(title))
              .findFirst()
              .orElseThrow();
      assertThat(entry.getEnclosures()).as(feed).hasSize(1);
      var enclosure = entry.getEnclosures().get(0);
      assertThat(enclosure.getUrl()).startsWith("http").endsWith(uploaded.text("url"));
      assertThat(enclosure.getType()).isEqualTo("audio/mpeg");
      assertThat(enclosure.getLength()).isEqualTo(mp3.length);
    }
  }

  @Test
  void aPlayerFetchesThePartItSeeksToWithoutTheRest() throws IOException {
    byte[] mp3 = TestFiles.mp3(900_000);
    String url = api().upload("/api/files", "file", "long.mp3", "audio/mpeg", mp3).text("url");

    // a part that starts in the third chunk and ends in the fourth
    var part = anonymous().bytes(url, "Range", "bytes=600000-800009");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 600000-800009/900000");
    assertThat(part.body()).isEqualTo(Arrays.copyOfRange(mp3, 600_000, 800_010));

    var end = anonymous().bytes(url, "Range", "bytes=-10");
    assertThat(end.statusCode()).isEqualTo(206);
    assertThat(end.body()).isEqualTo(Arrays.copyOfRange(mp3, 899_990, 900_000));

    var beyond = anonymous().bytes(url, "Range", "bytes=900000-");
    assertThat(beyond.statusCode()).isEqualTo(416);
    assertThat(beyond.headers().firstValue("Content-Range")).hasValue("bytes */900000");

    // a range in another unit, or none a server understands, is ignored: the whole file
    for (String ignored : List.of("items=0-5", "bytes=abc", "bytes=5-1")) {
      var whole = anonymous().bytes(url, "Range", ignored);
      assertThat(whole.statusCode()).as(ignored).isEqualTo(200);
      assertThat(whole.body()).as(ignored).isEqualTo(mp3);
    }
  }

  @Test
  void aDocumentIsOpenedOrSavedAsABrowserWouldWant() throws IOException {
    var shown = api().upload("/api/files", "file", "menu.pdf", "application/pdf", pdf("menu"));
    assertThat(shown.status()).as(shown.toString()).isEqualTo(201);
    assertThat(shown.text("kind")).isEqualTo("DOCUMENT");
    assertThat(shown.text("url")).endsWith(".pdf");
    assertThat(shown.json().hasNonNull("duration")).as("a document plays for no time").isFalse();
    var pdf = anonymous().bytes(shown.text("url"));
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");

    byte[] zip = "PK\u0003\u0004 the rest of an archive".getBytes(StandardCharsets.ISO_8859_1);
    var saved =
        api().upload("/api/files", "file", "Rezepte\u202E für Ostern.zip", "application/zip", zip);
    assertThat(saved.status()).isEqualTo(201);
    assertThat(saved.text("filename")).isEqualTo("Rezepte für Ostern.zip");
    var archive = anonymous().bytes(saved.text("url"));
    assertThat(archive.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(archive.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment")
        .contains("filename*=UTF-8''Rezepte%20f%C3%BCr%20Ostern.zip");
    assertThat(archive.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox");

    // a PDF called an archive is saved as the PDF it is
    var misnamed =
        api().upload("/api/files", "file", "Minutes.zip", "application/zip", pdf("minutes"));
    assertThat(misnamed.status()).isEqualTo(201);
    assertThat(misnamed.text("filename")).isEqualTo("Minutes.pdf");
    assertThat(misnamed.text("markdown")).startsWith("[Minutes](");
    assertThat(anonymous().bytes(misnamed.text("url")).headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(disposition -> assertThat(disposition).contains("Minutes.pdf"));
  }

  @Test
  void whatABrowserWouldRunInTheBlogsNameIsRefusedWhateverItIsCalled() throws IOException {
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] exe = "MZ\u0090\0\u0003\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    for (var upload :
        Map.of("notes.pdf", html, "page.html", html, "drawing.txt", svg, "setup.mp3", exe)
            .entrySet()) {
      var refused =
          api().upload("/api/files", "file", upload.getKey(), "audio/mpeg", upload.getValue());
      assertThat(refused.status()).as(upload.getKey()).isEqualTo(415);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.text("type")).endsWith("/file-type-not-taken");
    }
    var empty = api().upload("/api/files", "file", "empty.mp3", "audio/mpeg", new byte[0]);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text("type")).endsWith("/empty-file");
    var noFile = api().upload("/api/files", "episode", "a.mp3", "audio/mpeg", TestFiles.mp3(100));
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(mongo.count(new Query(), BlogFile.class))
        .as("nothing refused is listed")
        .isEqualTo(api().get("/api/files?limit=100").json().path("items").size());
  }

  @Test
  void aFileLargerThanTheBlogTakesIsRefusedAndNothingOfItIsKept() throws IOException {
    long chunksBefore = mongo.count(new Query(), FileChunk.class);
    var tooLarge =
        api()
            .upload(
                "/api/files", "file", "long.mp3", "audio/mpeg", TestFiles.mp3(3 * 1024 * 1024 + 1));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
    assertThat(tooLarge.text("type")).endsWith("/payload-too-large");
    assertThat(tooLarge.text("detail")).contains("3 MB");
    assertThat(mongo.count(new Query(), FileChunk.class)).isEqualTo(chunksBefore);
  }

  @Test
  void whatAnUploadThatDiedHalfWayWroteIsRemovedOnceItsTimeIsOverAndNothingElse()
      throws IOException {
    byte[] bytes = TestFiles.mp3(1_000_000);
    String id = sha256Prefix(bytes) + ".mp3";
    InputStreamSource dying =
        new InputStreamSource() {
          int opened;

          @Override
          public InputStream getInputStream() {
            // read for its kind, for its hash, then its chunks: the process stops after two
            return ++opened < 3
                ? new ByteArrayInputStream(bytes)
                : new SequenceInputStream(
                    new ByteArrayInputStream(bytes, 0, 600_000),
                    new InputStream() {
                      @Override
                      public int read() throws IOException {
                        throw new IOException("the process stopped");
                      }
                    });
          }
        };
    var uploader = new Actor("author-" + UUID.randomUUID(), "Ann", Set.of("AUTHOR"));
    assertThatThrownBy(() -> files.store(dying, bytes.length, "died.mp3", uploader))
        .isInstanceOf(IOException.class);
    assertThat(mongo.findById(id + ":1", FileChunk.class)).as("written before it died").isNotNull();

    files.removeUnfinishedUploads();
    assertThat(mongo.findById(id + ":1", FileChunk.class))
        .as("an upload still going is left alone")
        .isNotNull();

    var finished = api().upload("/api/files", "file", "whole.pdf", "application/pdf", pdf("whole"));
    mongo.updateMulti(
        new Query(),
        Update.update("startedAt", Instant.now().minus(2, ChronoUnit.HOURS)),
        "file-uploads");
    assertThat(files.removeUnfinishedUploads()).isGreaterThanOrEqualTo(1);

    assertThat(mongo.findById(id + ":0", FileChunk.class)).isNull();
    assertThat(mongo.findById(id + ":1", FileChunk.class)).isNull();
    assertThat(anonymous().bytes(finished.text("url")).body()).isEqualTo(pdf("whole"));
    var again = api().upload("/api/files", "file", "again.mp3", "audio/mpeg", bytes);
    assertThat(again.text("id")).isEqualTo(id);
    assertThat(anonymous().bytes(again.text("url")).body()).isEqualTo(bytes);
  }

  private static String sha256Prefix(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void theSameFileUploadedSixTimesAtOnceIsStoredOnceAndWhole() throws Exception {
    byte[] mp3 = TestFiles.mp3(700_000);
    var pool = Executors.newFixedThreadPool(6);
    try {
      var uploads =
          pool.invokeAll(
              Collections.<Callable<ApiClient.Response>>nCopies(
                  6, () -> api().upload("/api/files", "file", "same.mp3", "audio/mpeg", mp3)));
      var statuses = new ArrayList<Integer>();
      for (var upload : uploads) {
        statuses.add(upload.get().status());
      }
      assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
      String url = uploads.get(0).get().text("url");
      assertThat(anonymous().bytes(url).body()).isEqualTo(mp3);
      assertThat(api().get("/api/files?limit=100").json().path("items").findValuesAsString("url"))
          .containsOnlyOnce(url);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void episodesUploadedBeforeDurationsWereReadGetTheirsOnceAndOnesThatSayNothingAreLeft()
      throws IOException {
    String episode =
        api()
            .upload("/api/files", "file", "Older.mp3", "audio/mpeg", TestFiles.mp3Playing(1_500))
            .text("id");
    String mute =
        api().upload("/api/files", "file", "Mute.m4a", "audio/mp4", TestFiles.m4a(0, 1)).text("id");
    // as uploads before durations were read left them
    mongo.updateMulti(
        Query.query(where("_id").in(episode, mute)),
        new Update().unset("duration"),
        BlogFile.class);
    assertThat(files.find(episode).orElseThrow().duration()).isNull();

    assertThat(files.readOlderPlayingTimes(1_000)).isPositive();

    var listed = api().get("/api/files?limit=10").json().path("items");
    assertThat(listed.findValuesAsString("id")).contains(episode, mute);
    for (var file : listed) {
      if (file.path("id").asString().equals(episode)) {
        assertThat(file.path("duration").asLong()).as("1,500 frames: 39.2 s").isEqualTo(39);
      }
      if (file.path("id").asString().equals(mute)) {
        assertThat(file.hasNonNull("duration")).as("its header says nothing").isFalse();
      }
    }
    assertThat(files.readOlderPlayingTimes(1_000)).as("each is read once").isZero();
  }

  @Test
  void filesAreListedNewestFirstToStaffOnly() throws IOException {
    for (int i = 0; i < 3; i++) {
      api().upload("/api/files", "file", "f" + i + ".pdf", "application/pdf", pdf("f" + i));
    }
    var first = api().get("/api/files?limit=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("items").findValuesAsString("filename"))
        .containsExactly("f2.pdf", "f1.pdf");
    var next = api().get("/api/files?limit=2&cursor=" + first.text("nextCursor"));
    assertThat(next.json().path("items").path(0).path("filename").asString()).isEqualTo("f0.pdf");

    assertThat(anonymous().get("/api/files").status()).isEqualTo(401);
    assertThat(
            anonymous().upload("/api/files", "file", "a.pdf", "application/pdf", pdf("a")).status())
        .isEqualTo(401);
    assertThat(api().get("/api/files?cursor=not-one").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/files/0123456789abcdef0123456789abcdef.mp3").status())
        .isEqualTo(404);
  }

  /**
   * A podcast app checks an episode's size and type, and a feed reader or a link checker a feed,
   * with a HEAD: answered as the GET's headers, without a token, and without the bytes.
   */
  @Test
  void aHeadTellsAFilesSizeAndTypeToAnyoneAndTheLibraryOnlyToStaff() throws IOException {
    byte[] mp3 = TestFiles.mp3(600_000);
    var uploaded = api().upload("/api/files", "file", "head.mp3", "audio/mpeg", mp3);

    var head = anonymous().head(uploaded.text("url"));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Length")).isEqualTo("600000");
    assertThat(head.header("Content-Type")).isEqualTo("audio/mpeg");
    assertThat(head.header("Accept-Ranges")).isEqualTo("bytes");
    assertThat(head.raw().body()).isEmpty();
    assertThat(anonymous().head("/feed.rss").status()).isEqualTo(200);
    assertThat(anonymous().head("/api/posts").status()).isEqualTo(200);
    assertThat(anonymous().head("/api/files").status()).isEqualTo(401);
    assertThat(api().head("/api/files").status()).isEqualTo(200);
  }

  @Test
  void aFileIsDeletedByItsUploaderOrAnEditorAndNotWhileAPostLinksIt() throws IOException {
    var uploader = as("contributor-" + UUID.randomUUID(), "Cora", "CONTRIBUTOR");
    var another = as("contributor-" + UUID.randomUUID(), "Carl", "CONTRIBUTOR");
    var file = uploader.upload("/api/files", "file", "x.mp3", "audio/mpeg", TestFiles.mp3(300_000));
    String url = file.text("url");
    var draft =
        uploader.post(
            "/api/posts", ApiClient.json(Map.of("title", "Linked", "body", file.text("markdown"))));

    assertThat(another.delete(url).status()).isEqualTo(403);
    var inUse = uploader.delete(url);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.text("type")).endsWith("/file-in-use");
    assertThat(inUse.text("detail")).contains("linked from 1 post (\u201CLinked\u201D)");
    var editorsDraft =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Editor's secret", "body", file.text("markdown"))));
    assertThat(uploader.delete(url).text("detail"))
        .as("what a contributor may not read is counted, not named")
        .contains("2 posts (\u201CLinked\u201D and 1 more)");
    api().delete("/api/posts/" + editorsDraft.text("id"));
    assertThat(anonymous().bytes(url).statusCode()).isEqualTo(200);

    uploader.put(
        "/api/posts/" + draft.text("id"),
        ApiClient.json(Map.of("title", "Linked", "body", "Nothing to hear after all.")),
        "If-Match",
        draft.header("ETag"));
    assertThat(uploader.delete(url).status()).isEqualTo(204);
    assertThat(anonymous().bytes(url).statusCode()).isEqualTo(404);
    assertThat(mongo.count(Query.query(where("fileId").is(file.text("id"))), FileChunk.class))
        .as("its bytes go with it")
        .isZero();

    var byEditor = uploader.upload("/api/files", "file", "y.pdf", "application/pdf", pdf("y"));
    assertThat(api().delete(byEditor.text("url")).status()).isEqualTo(204);
  }

  @Test
  void aPostPlaysOnlyTheBlogsOwnFilesAndNothingAPlayerCouldRun() throws IOException {
    String own =
        api().upload("/api/files", "file", "v.mp3", "audio/mpeg", TestFiles.mp3(1000)).text("url");
    var post =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "Players",
                        "body",
                        "<audio src=\"https://elsewhere.example/x.mp3\" controls></audio>\n\n"
                            + "<video src=\"/api/files/../../api/posts\" autoplay></video>\n\n"
                            + "<audio src=\""
                            + own
                            + "\" controls onplay=\"alert(1)\" autoplay></audio>\n\n"
                            + "[a page](/api/files/0123.html)\n\n"
                            + "[▶ Listen](https://elsewhere.example/y.mp3)")));

    String html = post.text("bodyHtml");
    assertThat(html)
        .doesNotContain("elsewhere.example/x.mp3", "/api/posts\"", "onplay", "autoplay", "<video")
        .contains("<audio src=\"" + own + "\" controls=\"controls\"></audio>")
        .contains("<a href=\"/api/files/0123.html\">a page</a>")
        .contains("<a href=\"https://elsewhere.example/y.mp3\"");
  }
}
