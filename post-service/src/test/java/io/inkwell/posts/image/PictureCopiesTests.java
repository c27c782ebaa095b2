package io.inkwell.posts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A reader on a phone is sent a copy of a post's photo as wide as their screen needs, not the
 * megabytes the author's camera wrote; pictures that cannot or need not be scaled arrive whole.
 */
class PictureCopiesTests extends IntegrationTest {

  @Autowired MongoTemplate mongo;

  @Test
  void aWidePhotoReachesSmallScreensAsANarrowerCopyOfIt() throws IOException {
    byte[] photo = photo(2400, 1600);
    var uploaded = api().upload("/api/images", "file", "beach.jpg", "image/jpeg", photo);
    String url = uploaded.text("url");

    var post =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "At the beach", "body", uploaded.text("markdown"))));
    assertThat(post.text("bodyHtml"))
        .contains(
            "srcset=\"%1$s?w=600 600w, %1$s?w=1000 1000w, %1$s?w=1600 1600w, %1$s?w=2000 2000w, %1$s 2400w\""
                .formatted(url))
        .contains("sizes=\"(max-width: 42rem) calc(100vw - 2.5rem), 39.5rem\"")
        .contains("width=\"2400\" height=\"1600\"");

    var whole = anonymous().bytes(url);
    var copy = anonymous().bytes(url + "?w=1000");
    assertThat(copy.statusCode()).isEqualTo(200);
    assertThat(copy.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(copy.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000", "immutable");
    assertThat(copy.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    BufferedImage shown = decode(copy);
    assertThat(shown.getWidth()).isEqualTo(1000);
    assertThat(shown.getHeight()).isEqualTo(667);
    assertThat(copy.body().length).isLessThan(whole.body().length / 3);
    assertThat(blueAt(shown, 0.25, 0.5)).as("the copy shows the same picture").isTrue();

    String etag = copy.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isNotEqualTo(whole.headers().firstValue("ETag").orElseThrow());
    assertThat(anonymous().bytes(url + "?w=1000", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    assertThat(anonymous().bytes(url + "?w=1000").body())
        .as("the copy is kept, not made again")
        .isEqualTo(copy.body());
    assertThat(whole.body()).isEqualTo(photo);
  }

  @Test
  void aPictureNarrowerThanACopyOrOneThatMayMoveIsSentWhole() throws IOException {
    byte[] png = photoAs("png", 800, 500);
    var uploadedPng = api().upload("/api/images", "file", "chart.png", "image/png", png);
    String pngUrl = uploadedPng.text("url");
    assertThat(rendered(uploadedPng.text("markdown")))
        .contains("srcset=\"%1$s?w=600 600w, %1$s 800w\"".formatted(pngUrl));
    assertThat(anonymous().bytes(pngUrl + "?w=1000").body()).isEqualTo(png);
    var narrower = anonymous().bytes(pngUrl + "?w=600");
    assertThat(narrower.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(decode(narrower).getWidth()).isEqualTo(600);

    byte[] gif = photoAs("gif", 1200, 90);
    var uploadedGif = api().upload("/api/images", "file", "dance.gif", "image/gif", gif);
    assertThat(rendered(uploadedGif.text("markdown"))).doesNotContain("srcset");
    var asked = anonymous().bytes(uploadedGif.text("url") + "?w=600");
    assertThat(asked.headers().firstValue("Content-Type")).hasValue("image/gif");
    assertThat(asked.body()).isEqualTo(gif);
  }

  @Test
  void aPhotoTakenWithTheCameraOnItsSideShowsUprightWithItsCopies() throws IOException {
    // the camera stores 1200 × 800 and says "turn it a quarter clockwise" (EXIF orientation 6)
    byte[] sideways = withOrientation(photo(1200, 800), 6);
    var uploaded = api().upload("/api/images", "file", "tower.jpg", "image/jpeg", sideways);

    assertThat(uploaded.json().path("width").asInt()).isEqualTo(800);
    assertThat(uploaded.json().path("height").asInt()).isEqualTo(1200);
    BufferedImage copy = decode(anonymous().bytes(uploaded.text("url") + "?w=600"));
    assertThat(copy.getWidth()).isEqualTo(600);
    assertThat(copy.getHeight()).isEqualTo(900);
    // the blue left half of the stored picture is its top half once turned
    assertThat(blueAt(copy, 0.5, 0.25)).isTrue();
    assertThat(blueAt(copy, 0.5, 0.75)).isFalse();
  }

  @Test
  void onlyTheOfferedWidthsAreMade() throws IOException {
    var uploaded = api().upload("/api/images", "file", "odd.jpg", "image/jpeg", photo(1300, 700));
    String url = uploaded.text("url");

    var odd = anonymous().get(url + "?w=1234");
    assertThat(odd.status()).isEqualTo(400);
    assertThat(odd.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(odd.text("type")).endsWith("/unsupported-width");
    assertThat(odd.text("detail")).contains("600", "1000", "1600", "2000");
    var notANumber = anonymous().get(url + "?w=wide");
    assertThat(notANumber.status()).isEqualTo(400);
    assertThat(notANumber.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(anonymous().get("/api/images/0123456789abcdef0123456789abcdef.jpg?w=600").status())
        .isEqualTo(404);
  }

  @Test
  void eightBrowsersAskingAtOnceGetOneCopy() throws Exception {
    var uploaded =
        api().upload("/api/images", "file", "crowd.jpg", "image/jpeg", photo(1700, 1100));
    String url = uploaded.text("url") + "?w=1600";
    var pool = Executors.newFixedThreadPool(8);
    try {
      var answers =
          pool.invokeAll(
              Collections.<Callable<HttpResponse<byte[]>>>nCopies(8, () -> anonymous().bytes(url)));
      var bodies = new ArrayList<byte[]>();
      for (var answer : answers) {
        assertThat(answer.get().statusCode()).isEqualTo(200);
        bodies.add(answer.get().body());
      }
      assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
      assertThat(decode(answers.get(0).get()).getWidth()).isEqualTo(1600);
      assertThat(copiesOf(uploaded.text("id"))).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDeletedPicturesCopiesGoWithIt() throws IOException {
    var uploaded = api().upload("/api/images", "file", "gone.jpg", "image/jpeg", photo(1250, 800));
    String url = uploaded.text("url");
    assertThat(anonymous().bytes(url + "?w=600").statusCode()).isEqualTo(200);
    assertThat(anonymous().bytes(url + "?w=1000").statusCode()).isEqualTo(200);
    assertThat(copiesOf(uploaded.text("id"))).isEqualTo(2);

    assertThat(api().delete(url).status()).isEqualTo(204);

    assertThat(copiesOf(uploaded.text("id"))).isZero();
    assertThat(anonymous().bytes(url + "?w=600").statusCode()).isEqualTo(404);
  }

  private String rendered(String markdown) {
    return api()
        .post("/api/posts", ApiClient.json(Map.of("title", "Pictures", "body", markdown)))
        .text("bodyHtml");
  }

  private long copiesOf(String imageId) {
    return mongo.count(Query.query(where("imageId").is(imageId)), ImageCopy.class);
  }

  private static BufferedImage decode(HttpResponse<byte[]> answer) throws IOException {
    assertThat(answer.statusCode()).isEqualTo(200);
    return ImageIO.read(new ByteArrayInputStream(answer.body()));
  }

  /** Whether the picture is blue at that fraction of its width and height. */
  private static boolean blueAt(BufferedImage image, double x, double y) {
    var colour =
        new Color(image.getRGB((int) (image.getWidth() * x), (int) (image.getHeight() * y)));
    return colour.getBlue() > 150 && colour.getRed() < 100;
  }

  private static byte[] photo(int width, int height) throws IOException {
    return photoAs("jpg", width, height);
  }

  /**
   * A picture with a camera's amount of detail: the left half blue, the right half a fine pattern
   * of warm colours, so the scaled copies have something to lose.
   */
  private static byte[] photoAs(String format, int width, int height) throws IOException {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int grain = (x * 7919 + y * 104729) % 61;
        image.setRGB(
            x,
            y,
            x < width / 2
                ? new Color(20 + grain / 4, 90 + grain / 2, 210).getRGB()
                : new Color(200 + grain / 2, 120 + grain, 40 + grain).getRGB());
      }
    }
    var out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, format, out)) {
      throw new IllegalStateException("no writer for " + format);
    }
    return out.toByteArray();
  }

  /** The JPEG with an EXIF segment after its JFIF one saying how the camera was held. */
  private static byte[] withOrientation(byte[] jpeg, int orientation) {
    int app0Length = ((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff);
    int at = 4 + app0Length;
    byte[] exif = {
      (byte) 0xFF,
      (byte) 0xE1,
      0,
      34, // APP1 and its length
      'E',
      'x',
      'i',
      'f',
      0,
      0,
      'M',
      'M',
      0,
      42,
      0,
      0,
      0,
      8, // big-endian TIFF, first directory at 8
      0,
      1, // one entry
      0x01,
      0x12,
      0,
      3,
      0,
      0,
      0,
      1,
      0,
      (byte) orientation,
      0,
      0, // Orientation, SHORT, 1 value
      0,
      0,
      0,
      0 // no next directory
    };
    var out = new ByteArrayOutputStream();
    out.write(jpeg, 0, at);
    out.write(exif, 0, exif.length);
    out.write(jpeg, at, jpeg.length - at);
    return out.toByteArray();
  }
}
