package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestPictures;
import io.inkwell.testsupport.ApiClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An old blog on a real HTTP server whose posts are imported with their pictures copied: Blogger's
 * picture inside a link to its full size, one picture in two posts, a host that is down for a
 * moment, a picture that is gone, a page where a picture should be, and the same server by a
 * private address, which the import must not reach.
 */
class PictureCopyingTests extends IntegrationTest {

  private static HttpServer oldBlog;
  private static final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  private static byte[] large;
  private static byte[] small;
  private static byte[] quay;
  private static final byte[] EPISODE =
      "ID3\u0003\0\0\0\0\0\0an episode of a podcast".getBytes(StandardCharsets.ISO_8859_1);
  private static final byte[] MENU =
      "%PDF-1.4\n% the menu\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

  @BeforeAll
  static void oldBlogServesItsPictures() throws IOException {
    large = TestPictures.picture("jpg", 1600, 1067);
    small = TestPictures.picture("jpg", 320, 213);
    quay = TestPictures.picture("png", 800, 600);
    oldBlog = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    oldBlog.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          int asked = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          switch (path) {
            case "/img/s1600/harbour.jpg" -> answer(exchange, 200, "image/jpeg", large);
            case "/img/s320/harbour.jpg" -> answer(exchange, 200, "image/jpeg", small);
            case "/img/quay.png", "/secret.png" -> answer(exchange, 200, "image/png", quay);
            // down the first time it is asked, up the next
            case "/img/fog.png" ->
                answer(exchange, asked == 1 ? 503 : 200, "image/png", asked == 1 ? null : quay);
            case "/content/media/episode.mp3", "/wp-content/uploads/2011/05/episode-5.mp3" ->
                answer(exchange, 200, "audio/mpeg", EPISODE);
            case "/wp-content/uploads/2011/05/menu.pdf", "/elsewhere/paper.pdf" ->
                answer(exchange, 200, "application/pdf", MENU);
            case "/img/page.jpg" ->
                answer(exchange, 200, "text/html", "<html>Sign in</html>".getBytes());
            default -> answer(exchange, 404, "text/plain", "gone".getBytes());
          }
        });
    oldBlog.start();
  }

  private static void answer(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
    if (body != null) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }

  @AfterAll
  static void oldBlogCloses() {
    oldBlog.stop(0);
  }

  private static String oldBlog(String path) {
    return "http://localhost:" + oldBlog.getAddress().getPort() + path;
  }

  /** A Ghost export of these posts: id and slug to HTML. */
  private static String export(Map<String, String> posts) {
    var list =
        posts.entrySet().stream()
            .map(
                post ->
                    Map.of(
                        "id", post.getKey(),
                        "uuid", post.getKey(),
                        "title", post.getKey(),
                        "slug", post.getKey(),
                        "html", post.getValue(),
                        "type", "post",
                        "status", "published",
                        "published_at", "2011-05-02T08:00:00.000Z"))
            .toList();
    return ApiClient.json(Map.of("db", List.of(Map.of("data", Map.of("posts", list)))));
  }

  private JsonNode progress() {
    var progress = admin().get("/api/imports/pictures");
    assertThat(progress.status()).as(progress.toString()).isEqualTo(200);
    return progress.json();
  }

  private Document bodyOf(String slug) {
    return Jsoup.parseBodyFragment(anonymous().get("/api/posts/" + slug).text("bodyHtml"));
  }

  @Test
  void anImportsPicturesBecomeTheBlogsOwnAndWhatCannotBeFetchedStaysWhereItWas() {
    String harbour =
        "<p>Dawn.</p><a href=\""
            + oldBlog("/img/s1600/harbour.jpg")
            + "\"><img src=\""
            + oldBlog("/img/s320/harbour.jpg")
            + "\" alt=\"The harbour\" width=\"320\"></a>"
            + "<p>And the quay:</p><img src='"
            + oldBlog("/img/quay.png")
            + "' alt=\"The quay\"><img src=\""
            + oldBlog("/img/fog.png")
            + "\" alt=\"Fog\">";
    String quayAgain =
        "<p>The quay once more.</p><img src=\""
            + oldBlog("/img/quay.png")
            + "\" alt=\"The quay\"><img src=\""
            + oldBlog("/img/gone.jpg")
            + "\" alt=\"Gone\"><img src=\""
            + oldBlog("/img/page.jpg")
            + "\" alt=\"A page\"><img src=\"http://127.0.0.1:"
            + oldBlog.getAddress().getPort()
            + "/secret.png\" alt=\"Inside\">";
    String export = export(Map.of("copy-harbour", harbour, "copy-quay-again", quayAgain));

    var imported =
        admin().postAs("/api/imports/ghost?copyPictures=true", "application/json", export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("picturesToCopy").asInt()).isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(progress().path("waiting").asInt()).isZero());

    // Blogger's picture in a link to its full size: both are the full size, now the blog's own
    var dawn = bodyOf("copy-harbour");
    var picture = dawn.selectFirst("a > img");
    String own = picture.attr("src");
    assertThat(own).startsWith("/api/images/");
    assertThat(picture.parent().attr("href")).isEqualTo(own);
    assertThat(picture.attr("srcset")).contains(own + "?w=600");
    assertThat(anonymous().bytes(own).body()).isEqualTo(large);
    assertThat(requests).doesNotContainKey("/img/s320/harbour.jpg");
    // the host that was down for a moment gave its picture when asked again
    assertThat(dawn.select("img[alt=Fog]").attr("src")).startsWith("/api/images/");
    assertThat(requests.get("/img/fog.png")).hasValue(2);

    // a picture two posts show is fetched once, and both show the blog's own
    var quay = bodyOf("copy-quay-again");
    assertThat(quay.select("img[alt=The quay]").attr("src"))
        .startsWith("/api/images/")
        .isEqualTo(dawn.select("img[alt=The quay]").attr("src"));
    assertThat(requests.get("/img/quay.png")).hasValue(1);
    // what could not be fetched stays where it was; the private address was never asked
    assertThat(quay.select("img[alt=Gone]").attr("src")).isEqualTo(oldBlog("/img/gone.jpg"));
    assertThat(quay.select("img[alt=A page]").attr("src")).isEqualTo(oldBlog("/img/page.jpg"));
    assertThat(quay.select("img[alt=Inside]").attr("src")).startsWith("http://127.0.0.1:");
    assertThat(requests).doesNotContainKey("/secret.png");

    var failures = progress().path("failures");
    assertThat(failures.valueStream().map(f -> f.path("postId").asString()))
        .containsOnly(idOf("copy-quay-again"));
    assertThat(
            failures
                .valueStream()
                .map(f -> f.path("address").asString() + " " + f.path("reason").asString()))
        .containsExactlyInAnyOrder(
            oldBlog("/img/gone.jpg") + " not there any more (404)",
            oldBlog("/img/page.jpg") + " not a PNG, JPEG, GIF or WebP picture",
            "http://127.0.0.1:"
                + oldBlog.getAddress().getPort()
                + "/secret.png 127.0.0.1 inside this blog's network");
    assertThat(progress().path("failed").asInt()).isEqualTo(3);

    // the same file again: nothing new, and what stayed is tried once more, nothing copied twice
    var again = admin().postAs("/api/imports/ghost?copyPictures=true", "application/json", export);
    assertThat(again.json().path("alreadyThere").asInt()).as(again.toString()).isEqualTo(2);
    // only the post whose pictures stayed behind: the other's are all here
    assertThat(again.json().path("picturesToCopy").asInt()).isEqualTo(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(requests.get("/img/gone.jpg")).hasValue(2));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(progress().path("waiting").asInt()).isZero());
    assertThat(progress().path("failed").asInt()).isEqualTo(3);
    assertThat(requests.get("/img/quay.png")).hasValue(1);
    assertThat(requests.get("/img/s1600/harbour.jpg")).hasValue(1);

    // and when the admin asks for it, without the file
    var retried = admin().post("/api/imports/pictures/retry", "");
    assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(requests.get("/img/page.jpg")).hasValue(3));
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(progress().path("waiting").asInt()).isZero());
    assertThat(progress().path("failed").asInt()).isEqualTo(3);
  }

  @Test
  void anImportsEpisodesAndUploadedDocumentsBecomeTheBlogsOwnFilesAndOthersLinksStayLinks() {
    String html =
        "<div class=\"kg-card kg-audio-card\"><audio src=\""
            + oldBlog("/content/media/episode.mp3")
            + "\" preload=\"metadata\"></audio><div class=\"kg-audio-title\">Episode 4</div></div>"
            + "<p>Tonight's <a href=\""
            + oldBlog("/wp-content/uploads/2011/05/menu.pdf")
            + "\">menu</a>, and <a href=\""
            + oldBlog("/elsewhere/paper.pdf")
            + "\">someone's paper</a>.</p>";

    var imported =
        admin()
            .postAs(
                "/api/imports/ghost?copyPictures=true",
                "application/json",
                export(Map.of("copy-episode", html)));

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(bodyOf("copy-episode").select("figure.media audio").attr("src"))
                    .startsWith("/api/files/"));
    var post = bodyOf("copy-episode");
    String episode = post.select("figure.media audio").attr("src");
    assertThat(post.select("figure.media figcaption a").text()).isEqualTo("Episode 4");
    assertThat(anonymous().bytes(episode).body()).isEqualTo(EPISODE);
    String menu = post.select("a:contains(menu)").attr("href");
    assertThat(menu).matches("/api/files/[0-9a-f]{32}\\.pdf");
    assertThat(anonymous().bytes(menu).body()).isEqualTo(MENU);
    // a link to another site's file is a link, not the blog's to keep
    assertThat(post.select("a:contains(paper)").attr("href"))
        .isEqualTo(oldBlog("/elsewhere/paper.pdf"));
    assertThat(requests).doesNotContainKey("/elsewhere/paper.pdf");
    assertThat(admin().get("/api/files?limit=100").json().path("items").findValuesAsString("url"))
        .contains(episode, menu);
  }

  /**
   * WordPress (and PowerPress, for a podcast) keeps a post's episode beside its text, in the post's
   * {@code enclosure} field, which a WordPress blog's feed carries: here it plays at the end of the
   * post, the blog's own once copied.
   */
  @Test
  void aWordPressPostsEpisodeKeptBesideItsTextPlaysAtItsEnd() {
    String uploaded = oldBlog("/wp-content/uploads/2011/05/episode-5.mp3");
    String export =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>The show</title><link>%1$s</link><wp:wxr_version>1.2</wp:wxr_version>
        %2$s%3$s%4$s</channel></rss>"""
            .formatted(
                oldBlog("/"),
                withEnclosure(
                    "enclosed-5",
                    "<p>Show notes.</p>",
                    uploaded + "\n23\naudio/mpeg\na:1:{s:8:\"duration\";s:8:\"00:45:00\";}"),
                withEnclosure(
                    "enclosed-elsewhere",
                    "<p>Hosted elsewhere.</p>",
                    oldBlog("/elsewhere/show.mp3") + "\n23\naudio/mpeg"),
                withEnclosure(
                    "enclosed-linked",
                    "<p>Listen: <a href=\"" + uploaded + "\">the episode</a>.</p>",
                    uploaded + "\n23\naudio/mpeg"));

    var imported =
        admin().postAs("/api/imports/wordpress?copyPictures=true", "application/xml", export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("picturesToCopy").asInt())
        .as("the posts with a file among the old blog's uploads, not the one hosted elsewhere")
        .isEqualTo(2);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(bodyOf("enclosed-5").select("figure.media audio").attr("src"))
                    .startsWith("/api/files/"));
    var post = bodyOf("enclosed-5");
    assertThat(post.select("p").first().text()).isEqualTo("Show notes.");
    assertThat(post.select("figure.media figcaption a").text()).isEqualTo("episode-5.mp3");
    assertThat(anonymous().bytes(post.select("figure.media audio").attr("src")).body())
        .isEqualTo(EPISODE);
    assertThat(
            bodyOf("enclosed-elsewhere").select("a[href=" + oldBlog("/elsewhere/show.mp3") + "]"))
        .as("the blog plays only its own files: another host's stays a link to it")
        .hasSize(1);
    assertThat(requests).doesNotContainKey("/elsewhere/show.mp3");
    assertThat(bodyOf("enclosed-linked").select("a[href]"))
        .as("a post that links its episode already keeps it once, where it is")
        .hasSize(1);
  }

  /** A published WordPress post with an {@code enclosure} field. */
  private static String withEnclosure(String name, String html, String enclosure) {
    return """
        <item><title>%1$s</title><content:encoded><![CDATA[%2$s]]></content:encoded>
          <wp:post_id>%1$s</wp:post_id><wp:post_date_gmt>2011-05-02 08:00:00</wp:post_date_gmt>
          <wp:post_name>%1$s</wp:post_name><wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type>
          <wp:postmeta><wp:meta_key>enclosure</wp:meta_key>
            <wp:meta_value><![CDATA[%3$s]]></wp:meta_value></wp:postmeta></item>
        """
        .formatted(name, html, enclosure);
  }

  @Test
  void aGhostPostsFeatureImageBecomesItsCoverOnceItIsTheBlogsOwn() {
    String export =
        """
        {"db": [{"data": {
          "posts": [
            {"id": "dawn", "uuid": "cover-dawn", "title": "Dawn", "slug": "cover-dawn",
             "status": "published", "published_at": "2023-11-15T06:30:00.000Z",
             "feature_image": "__GHOST_URL__/img/s1600/harbour.jpg",
             "html": "<p>The boats went out before six.</p>"},
            {"id": "credited", "uuid": "cover-credited", "title": "Credited",
             "slug": "cover-credited", "status": "published",
             "published_at": "2023-11-16T06:30:00.000Z",
             "feature_image": "__GHOST_URL__/img/quay.png",
             "html": "<p>With a credit.</p>"}],
          "posts_meta": [
            {"post_id": "dawn", "feature_image_alt": "Boats leaving the harbour"},
            {"post_id": "credited", "feature_image_caption": "Photo by <a href=\\"https://x.example\\">Ann</a>"}]}}]}
        """;

    var imported =
        admin()
            .postAs(
                "/api/imports/ghost?copyPictures=true&site=" + oldBlog("/"),
                "application/json",
                export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(anonymous().get("/api/posts/cover-dawn").json().path("cover").isObject())
                    .isTrue());
    var dawn = anonymous().get("/api/posts/cover-dawn").json();
    assertThat(dawn.path("cover").path("url").asString()).startsWith("/api/images/");
    assertThat(dawn.path("cover").path("alt").asString()).isEqualTo("Boats leaving the harbour");
    assertThat(anonymous().bytes(dawn.path("cover").path("url").asString()).body())
        .isEqualTo(large);
    // it stood in for the cover at the head of the body, where it is no more
    assertThat(Jsoup.parseBodyFragment(dawn.path("bodyHtml").asString()).select("img")).isEmpty();
    // a cover has no caption: a credited picture stays at the head of the body, copied
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(bodyOf("cover-credited").select("figure > img").attr("src"))
                    .startsWith("/api/images/"));
    var credited = anonymous().get("/api/posts/cover-credited").json();
    assertThat(credited.path("cover").isMissingNode() || credited.path("cover").isNull()).isTrue();
    assertThat(bodyOf("cover-credited").select("figcaption").text()).isEqualTo("Photo by Ann");
  }

  @Test
  void withoutBeingAskedAnImportLeavesThePicturesWhereTheyAre() {
    String html = "<p>Left.</p><img src=\"" + oldBlog("/img/left.png") + "\" alt=\"Left\">";

    var imported =
        admin().postAs("/api/imports/ghost", "application/json", export(Map.of("left", html)));

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(bodyOf("left").select("img").attr("src")).isEqualTo(oldBlog("/img/left.png"));
    assertThat(requests).doesNotContainKey("/img/left.png");
    assertThat(anonymous().get("/api/imports/pictures").status()).isEqualTo(401);
    assertThat(api().get("/api/imports/pictures").status()).isEqualTo(403);
    assertThat(api().post("/api/imports/pictures/retry", "").status()).isEqualTo(403);
  }

  private String idOf(String slug) {
    return anonymous().get("/api/posts/" + slug).text("id");
  }
}
