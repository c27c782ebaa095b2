package io.inkwell.posts.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestPictures;
import io.inkwell.testsupport.ApiClient;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The media library: an author uploads a picture, puts it in a post, and readers' browsers fetch
 * exactly those bytes; nothing that is not a picture browsers show gets in.
 */
class ImagesTests extends IntegrationTest {

  /** The 1 × 1 lossless WebP browsers' feature tests use. */
  private static final byte[] WEBP =
      Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

  @Test
  void aContributorUploadsAPictureThatAPostShowsAndReadersFetchAsUploaded() throws IOException {
    byte[] png = TestPictures.picture("png", 40, 30);
    var contributor = as("contributor-" + UUID.randomUUID(), "Cora Contributor", "CONTRIBUTOR");

    var uploaded = contributor.upload("/api/images", "file", "holiday.png", "image/png", png);

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String url = uploaded.text("url");
    assertThat(url).matches("/api/images/[0-9a-f]{32}\\.png");
    assertThat(uploaded.header("Location")).isEqualTo(url);
    assertThat(uploaded.json().path("width").asInt()).isEqualTo(40);
    assertThat(uploaded.json().path("height").asInt()).isEqualTo(30);
    assertThat(uploaded.text("contentType")).isEqualTo("image/png");
    assertThat(uploaded.json().path("uploadedBy").path("name").asString())
        .isEqualTo("Cora Contributor");
    assertThat(uploaded.text("markdown")).isEqualTo("![holiday](" + url + ")");

    var fetched = anonymous().bytes(url);
    assertThat(fetched.statusCode()).isEqualTo(200);
    assertThat(fetched.body()).isEqualTo(png);
    assertThat(fetched.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(fetched.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000", "public", "immutable");
    assertThat(fetched.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    String etag = fetched.headers().firstValue("ETag").orElseThrow();
    assertThat(anonymous().bytes(url, "If-None-Match", etag).statusCode()).isEqualTo(304);

    var post =
        contributor.post(
            "/api/posts",
            ApiClient.json(
                Map.of(
                    "title", "Our holiday", "body", "We went.\n\n" + uploaded.text("markdown"))));
    assertThat(post.text("bodyHtml"))
        .as("the browser keeps the picture's room while it loads")
        .contains(
            "<img src=\"" + url + "\" alt=\"holiday\" loading=\"lazy\" width=\"40\" height=\"30\"");
  }

  @Test
  void thePictureIsCheckedNotTheNameOrTypeTheClientGave() throws IOException {
    byte[] jpeg = TestPictures.picture("jpg", 20, 10);
    var sentAsPng = api().upload("/api/images", "file", "photo.png", "image/png", jpeg);
    assertThat(sentAsPng.status()).isEqualTo(201);
    assertThat(sentAsPng.text("contentType")).isEqualTo("image/jpeg");
    assertThat(sentAsPng.text("url")).endsWith(".jpg");
    assertThat(anonymous().bytes(sentAsPng.text("url")).headers().firstValue("Content-Type"))
        .hasValue("image/jpeg");

    var gif =
        api()
            .upload("/api/images", "file", "a.gif", "image/gif", TestPictures.picture("gif", 3, 4));
    assertThat(gif.text("contentType")).isEqualTo("image/gif");
    var webp = api().upload("/api/images", "file", "a.webp", "image/webp", WEBP);
    assertThat(webp.status()).as(webp.toString()).isEqualTo(201);
    assertThat(webp.text("contentType")).isEqualTo("image/webp");
    assertThat(webp.json().path("width").asInt()).isEqualTo(1);
  }

  @Test
  void whatIsNotAPictureBrowsersShowIsRefusedWithAProblem() throws IOException {
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);
    byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
    byte[] png = TestPictures.picture("png", 40, 30);

    for (var upload :
        Map.of(
                "drawing.svg",
                svg,
                "page.png",
                html,
                "empty.png",
                new byte[0],
                "old.bmp",
                TestPictures.picture("bmp", 5, 5))
            .entrySet()) {
      var refused =
          api().upload("/api/images", "file", upload.getKey(), "image/png", upload.getValue());
      assertThat(refused.status()).as(upload.getKey()).isEqualTo(415);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(refused.text("type")).endsWith("/not-an-image");
    }
    var cutOff =
        api().upload("/api/images", "file", "cut.png", "image/png", Arrays.copyOf(png, 12));
    assertThat(cutOff.status()).isEqualTo(422);
    assertThat(cutOff.text("type")).endsWith("/unreadable-image");

    var noFile = api().upload("/api/images", "picture", "a.png", "image/png", png);
    assertThat(noFile.status()).isEqualTo(400);
    assertThat(noFile.header("Content-Type")).isEqualTo("application/problem+json");
  }

  @Test
  void aPhotoOfSeveralMegabytesIsTakenAsAPostsTextWouldNotBe() throws IOException {
    // random pixels do not compress: about 4 MB of PNG, twice what a post's body may be
    var noise = new BufferedImage(1200, 1100, BufferedImage.TYPE_INT_RGB);
    var random = new java.util.Random(7);
    for (int y = 0; y < noise.getHeight(); y++) {
      for (int x = 0; x < noise.getWidth(); x++) {
        noise.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    var out = new ByteArrayOutputStream();
    ImageIO.write(noise, "png", out);
    assertThat(out.size()).isBetween(3_500_000, 5 * 1024 * 1024);

    var uploaded = api().upload("/api/images", "file", "noise.png", "image/png", out.toByteArray());

    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(anonymous().bytes(uploaded.text("url")).body()).isEqualTo(out.toByteArray());
  }

  @Test
  void aFileTooLargeOrAPictureTooLargeToShowIsRefused() throws IOException {
    var large = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(TestPictures.picture("png", 10, 10), 0, large, 0, 50);
    var tooLarge = api().upload("/api/images", "file", "large.png", "image/png", large);
    assertThat(tooLarge.status()).isEqualTo(413);
    // Tomcat names a charset on answers to a multipart body it stopped reading
    assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
    assertThat(tooLarge.text("type")).endsWith("/payload-too-large");

    // a few kilobytes of file, 60 million pixels to decode in every reader's browser
    var bomb = new BufferedImage(10_000, 6_000, BufferedImage.TYPE_BYTE_BINARY);
    var out = new ByteArrayOutputStream();
    ImageIO.write(bomb, "png", out);
    var tooManyPixels =
        api().upload("/api/images", "file", "bomb.png", "image/png", out.toByteArray());
    assertThat(tooManyPixels.status()).isEqualTo(422);
    assertThat(tooManyPixels.text("type")).endsWith("/image-too-large");
    assertThat(tooManyPixels.text("detail")).contains("10000 × 6000");
  }

  @Test
  void theSamePictureUploadedTwiceIsOneImage() throws IOException {
    byte[] png = TestPictures.picture("png", 41, 31);
    var first = api().upload("/api/images", "file", "one.png", "image/png", png);
    var second = api().upload("/api/images", "file", "two.png", "image/png", png);

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.text("id")).isEqualTo(first.text("id"));
    assertThat(second.text("filename")).isEqualTo("one.png");
    assertThat(api().get("/api/images?limit=100").json().path("items").findValuesAsString("id"))
        .containsOnlyOnce(first.text("id"));
  }

  @Test
  void theSamePictureUploadedEightTimesAtOnceIsStoredOnceAndWhole() throws Exception {
    byte[] png = TestPictures.picture("png", 43, 33);
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var uploads =
          pool.invokeAll(
              java.util.Collections.<java.util.concurrent.Callable<ApiClient.Response>>nCopies(
                  8, () -> api().upload("/api/images", "file", "same.png", "image/png", png)));
      var statuses = new java.util.ArrayList<Integer>();
      for (var upload : uploads) {
        statuses.add(upload.get().status());
      }
      assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
      String url = uploads.get(0).get().text("url");
      assertThat(anonymous().bytes(url).body()).isEqualTo(png);
      assertThat(api().get("/api/images?limit=100").json().path("items").findValuesAsString("url"))
          .containsOnlyOnce(url);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theFilesNameLosesItsFoldersAndKeepsItsLetters() throws IOException {
    var uploaded =
        api()
            .upload(
                "/api/images",
                "file",
                "C:\\\\Users\\\\me\\\\Ürlaub [2007].png",
                "image/png",
                TestPictures.picture("png", 42, 32));
    assertThat(uploaded.text("filename")).isEqualTo("Ürlaub [2007].png");
    assertThat(uploaded.text("markdown")).startsWith("![Ürlaub 2007](/api/images/");
  }

  @Test
  void theLibraryIsListedNewestFirstToStaffOnlyAPageAtATime() throws IOException {
    for (int i = 0; i < 3; i++) {
      api()
          .upload(
              "/api/images",
              "file",
              "p" + i + ".png",
              "image/png",
              TestPictures.picture("png", 50 + i, 9));
    }
    var first = api().get("/api/images?limit=2");
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json().path("items").findValuesAsString("filename"))
        .containsExactly("p2.png", "p1.png");
    assertThat(first.raw().body()).doesNotContain("content\"");
    var next = api().get("/api/images?limit=2&cursor=" + first.text("nextCursor"));
    assertThat(next.json().path("items").path(0).path("filename").asString()).isEqualTo("p0.png");

    assertThat(anonymous().get("/api/images").status()).isEqualTo(401);
    assertThat(
            anonymous()
                .upload(
                    "/api/images", "file", "a.png", "image/png", TestPictures.picture("png", 1, 1))
                .status())
        .isEqualTo(401);
    assertThat(api().get("/api/images?cursor=not-one").status()).isEqualTo(400);
    assertThat(anonymous().get("/api/images/0123456789abcdef0123456789abcdef.png").status())
        .isEqualTo(404);
  }

  @Test
  void anImageIsDeletedByItsUploaderOrAnEditorAndNotWhileAPostShowsIt() throws IOException {
    var uploader = as("contributor-" + UUID.randomUUID(), "Cora", "CONTRIBUTOR");
    var another = as("contributor-" + UUID.randomUUID(), "Carl", "CONTRIBUTOR");
    var image =
        uploader.upload(
            "/api/images", "file", "x.png", "image/png", TestPictures.picture("png", 60, 6));
    String url = image.text("url");
    var draft =
        uploader.post(
            "/api/posts", ApiClient.json(Map.of("title", "Shown", "body", image.text("markdown"))));

    assertThat(another.delete(url).status()).isEqualTo(403);
    var inUse = uploader.delete(url);
    assertThat(inUse.status()).isEqualTo(409);
    assertThat(inUse.text("type")).endsWith("/image-in-use");
    assertThat(inUse.text("detail")).contains("shown in 1 post (\u201CShown\u201D)");
    assertThat(anonymous().bytes(url).statusCode()).isEqualTo(200);

    uploader.put(
        "/api/posts/" + draft.text("id"),
        ApiClient.json(Map.of("title", "Shown", "body", "No picture after all.")),
        "If-Match",
        draft.header("ETag"));
    assertThat(uploader.delete(url).status()).isEqualTo(204);
    assertThat(anonymous().bytes(url).statusCode()).isEqualTo(404);

    var byEditor =
        uploader.upload(
            "/api/images", "file", "y.png", "image/png", TestPictures.picture("png", 61, 6));
    assertThat(api().delete(byEditor.text("url")).status()).isEqualTo(204);
  }
}
