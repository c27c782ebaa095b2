package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Moving a Ghost blog here: its JSON export (Settings → Advanced → Import/Export) becomes posts,
 * pages and drafts with their dates, tags, bylines and search fields; nothing members paid for
 * becomes public.
 */
class GhostImportTests extends IntegrationTest {

  @Autowired private Posts posts;

  @Test
  void aGhostExportBecomesPostsPagesAndDraftsWithTheirDatesTagsBylinesAndSearchFields()
      throws IOException {
    String export = resource("/ghost/export.json");

    var first = admin().postAs("/api/imports/ghost", "application/json", export);
    var again = admin().postAs("/api/imports/ghost", "application/json", export);

    // the post, the page, the draft, the paid post (as a draft) and the scheduled one; not the
    // newsletter-only one
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("posts").asInt()).isEqualTo(5);
    assertThat(first.json().path("comments").asInt()).isZero();
    assertThat(first.json().path("picturesToCopy").asInt())
        .as("the feature images stay on the old blog's host unless copying is asked for")
        .isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(5);

    var harbour = anonymous().get("/api/posts/harbour-at-dawn");
    assertThat(harbour.status()).isEqualTo(200);
    assertThat(harbour.text("title")).isEqualTo("Harbour at dawn");
    assertThat(Instant.parse(harbour.text("publishedAt")))
        .isEqualTo(Instant.parse("2023-11-15T06:30:00Z"));
    assertThat(harbour.json().path("tags").toString())
        .as("in Ghost's order, without its internal #tags")
        .isEqualTo("[\"harbour\",\"early mornings\"]");
    // a tag whose slug on the old blog was its own: its page there, /tag/dawn/, leads to it
    assertThat(anonymous().get("/api/tags/dawn").header("Location"))
        .isEqualTo("/api/tags/early%20mornings");
    assertThat(harbour.json().path("author").path("name").asString())
        .as("the first of its authors")
        .isEqualTo("Sam Rope");
    assertThat(harbour.text("excerpt")).isEqualTo("Boats, fog and a quiet quay.");
    assertThat(harbour.json().path("featured").asBoolean()).isTrue();
    assertThat(harbour.text("metaTitle")).isEqualTo("Harbour at dawn: boats and fog");
    assertThat(harbour.text("metaDescription"))
        .isEqualTo("The fishing boats leave the harbour before six, in the fog.");
    assertThat(harbour.text("canonicalUrl")).isEqualTo("https://first.example.org/harbour-at-dawn");
    assertThat(harbour.text("bodyHtml"))
        .as("headed by its feature image, with its alt text and caption")
        .startsWith(
            "<figure><img src=\"https://harbour.example.org/content/images/2023/11/dawn.jpg\""
                + " alt=\"The quay at dawn\"")
        .contains("<figcaption>Photo by <a href=\"https://harbour.example.org/nell\"")
        .doesNotContain("onclick")
        .contains("<p>The boats went out before six.</p>")
        .contains("alt=\"Boats leaving\"")
        .contains("<figcaption>Leaving at six</figcaption>")
        .contains("<em>spoke</em>")
        .as("a callout card a callout of the kind its colour says")
        .contains(
            "<div class=\"callout callout-warning\" role=\"note\"><p>⚠️ Fog <b>warnings</b> at"
                + " six.</p></div>")
        .as("a bookmark card a link to its page with its description and site, not its pictures")
        .contains(
            "<figure class=\"bookmark\"><p><a href=\"https://tides.example.org/today\""
                + ">Tides today</a></p><p>High water at 06:12.</p>"
                + "<p>Tide Office</p></figure>")
        .as("a toggle card a question that opens")
        .contains("<details><summary>Why so early?</summary><p>The fish do not wait.</p></details>")
        .doesNotContain("<script", "kg-", "tides.example.org/icon.png", "<svg", "<button");

    var about = anonymous().get("/api/posts/about-the-harbour-blog");
    assertThat(about.json().path("page").asBoolean()).isTrue();
    assertThat(about.json().path("author").path("name").asString()).isEqualTo("Nell Quay");
    assertThat(statusOf("Half a thought about nets")).isEqualTo(PostStatus.DRAFT);
    assertThat(statusOf("For paying members: the tide tables"))
        .as("what members paid for is not made public by the move")
        .isEqualTo(PostStatus.DRAFT);
    assertThat(anonymous().get("/api/posts/tide-tables").status()).isEqualTo(404);
    assertThat(statusOf("The regatta, next summer")).isEqualTo(PostStatus.SCHEDULED);
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Only in the newsletter"));

    // Ghost's addresses, /{slug}/, lead to the new ones
    var moved =
        anonymous()
            .get(
                "/api/redirects?path="
                    + URLEncoder.encode("/harbour-at-dawn/", StandardCharsets.UTF_8));
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.text("url")).isEqualTo("http://localhost:8080/posts/harbour-at-dawn");
  }

  @Test
  void aGhostOneExportWithNumbersForDatesAndFlagsIsReadToo() {
    String export =
        """
        {"db": [{"meta": {"exported_on": 1426263451924, "version": "003"},
          "data": {
            "posts": [{"id": 1, "uuid": "d15e5c91-0083-4d56-a20c-f95832e2b8aa",
              "title": "Welcome to the old Ghost", "slug": "welcome-to-the-old-ghost",
              "markdown": "You're live!", "html": "<p>You're live!</p>",
              "featured": 0, "page": 0, "status": "published",
              "meta_title": null, "meta_description": "The first post, from 2015.",
              "author_id": 1, "published_at": 1426078349156},
             {"id": 2, "uuid": "d15e5c91-0083-4d56-a20c-f95832e2b8ab",
              "title": "Colophon of the old Ghost", "slug": "colophon-of-the-old-ghost",
              "html": "<p>Made with Ghost.</p>", "featured": 1, "page": 1,
              "status": "published", "author_id": 1, "published_at": 1426078350000}],
            "users": [{"id": 1, "name": "Cozy", "slug": "cozy"}],
            "tags": [], "posts_tags": []}}]}
        """;

    var imported = admin().postAs("/api/imports/ghost", "application/json", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(2);
    var welcome = anonymous().get("/api/posts/welcome-to-the-old-ghost");
    assertThat(Instant.parse(welcome.text("publishedAt")))
        .isEqualTo(Instant.ofEpochMilli(1426078349156L));
    assertThat(welcome.json().path("author").path("name").asString()).isEqualTo("Cozy");
    assertThat(welcome.text("metaDescription")).isEqualTo("The first post, from 2015.");
    assertThat(
            anonymous().get("/api/posts/colophon-of-the-old-ghost").json().path("page").asBoolean())
        .isTrue();
  }

  /**
   * Ghost 4 and later write the blog's own address as {@code __GHOST_URL__}: its pictures are on
   * the old blog, at the address the importer gives, and its links to its own pages lead to them
   * here.
   */
  @Test
  void aGhostFivePostsOwnAddressesLeadToItsPicturesThereAndItsPagesHere() {
    String run = java.util.UUID.randomUUID().toString().substring(0, 8);
    String export =
        """
        {"db": [{"meta": {"version": "5.75.0"}, "data": {
            "posts": [{"id": "g5-%1$s", "uuid": "g5-%1$s", "title": "Own addresses",
              "slug": "own-addresses-%1$s", "status": "published",
              "published_at": "2024-02-01T10:00:00.000Z",
              "feature_image": "__GHOST_URL__/content/images/2024/02/cover.jpg",
              "html": "<p>See <a href=\\"__GHOST_URL__/harbour-at-dawn/\\">the harbour</a>, <a href=\\"https://www.harbour.example.org/tag/boats/\\">boats</a> and <a href=\\"https://harbour.example.org/content/files/2024/02/tides.pdf\\">the tides</a>.</p><figure class=\\"kg-card kg-image-card\\"><img src=\\"__GHOST_URL__/content/images/2024/02/boats.jpg\\" class=\\"kg-image\\" alt=\\"Boats\\" srcset=\\"__GHOST_URL__/content/images/size/w600/2024/02/boats.jpg 600w\\"></figure>"}],
            "users": [], "tags": [], "posts_tags": []}}]}
        """
            .formatted(run);

    var refused =
        admin().postAs("/api/imports/ghost?site=javascript:alert(1)", "application/json", export);
    var imported =
        admin()
            .postAs(
                "/api/imports/ghost?site=https://harbour.example.org/", "application/json", export);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.text("type")).endsWith("/validation");
    assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("site");
    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    var body =
        Jsoup.parseBodyFragment(admin().get("/api/posts/own-addresses-" + run).text("bodyHtml"));
    assertThat(body.select("img").eachAttr("src"))
        .containsExactly(
            "https://harbour.example.org/content/images/2024/02/cover.jpg",
            "https://harbour.example.org/content/images/2024/02/boats.jpg");
    assertThat(body.select("a").eachAttr("href"))
        .as("its pages here, also at the address older Ghosts wrote whole; its files there")
        .containsExactly(
            "/harbour-at-dawn/",
            "/tag/boats/",
            "https://harbour.example.org/content/files/2024/02/tides.pdf");
    assertThat(body.html()).doesNotContain("__GHOST_URL__");
  }

  /** A date no calendar shows (a file edited by hand) is read as no date, not a failed import. */
  @Test
  void aDateABillionYearsAwayIsNoDateAndThePostComesIn() {
    String export =
        """
        {"db": [{"meta": {"exported_on": 1426263451924, "version": "5.0.0"},
          "data": {
            "posts": [{"id": "far", "title": "Far future", "slug": "far-future-%s",
              "html": "<p>Soon.</p>", "status": "published",
              "published_at": "+999999999-12-31T23:59:59Z"}],
            "users": [], "tags": [], "posts_tags": []}}]}
        """
            .formatted(java.util.UUID.randomUUID());

    var imported = admin().postAs("/api/imports/ghost", "application/json", export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(1);
  }

  /**
   * A file edited by hand may say more than Ghost lets an author: it is cut to what Inkwell takes.
   */
  @Test
  void anExcerptLongerThanTheEditorTakesEndsAtAWholeWord() {
    String excerpt = "In short, ".repeat(150).strip();
    String export =
        """
        {"db": [{"data": {
            "posts": [{"id": "x1", "title": "Long excerpt", "slug": "long-excerpt",
              "html": "<p>Fine.</p>", "custom_excerpt": "%s", "status": "draft"}],
            "users": [], "tags": [], "posts_tags": []}}]}
        """
            .formatted(excerpt);

    var imported = admin().postAs("/api/imports/ghost", "application/json", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    String kept = admin().get("/api/posts/long-excerpt").text("excerpt");
    assertThat(kept).hasSizeLessThanOrEqualTo(1_000).endsWith("…");
    String words = kept.substring(0, kept.length() - 1);
    assertThat(excerpt).startsWith(words);
    assertThat(excerpt.charAt(words.length())).as("cut after a whole word").isEqualTo(' ');
  }

  /** A title of nothing visible could not be saved in the editor: it comes in as "Untitled". */
  @Test
  void aTitleOfNothingVisibleComesInUntitled() {
    String export =
        """
        {"db": [{"data": {
            "posts": [{"id": "z1", "title": "\\u200b\\u2060", "slug": "zero-width",
              "html": "<p>Fine.</p>", "status": "draft"}],
            "users": [], "tags": [], "posts_tags": []}}]}
        """;

    var imported = admin().postAs("/api/imports/ghost", "application/json", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    assertThat(admin().get("/api/posts/zero-width").text("title")).isEqualTo("Untitled");
  }

  @Test
  void controlCharactersInAnExportAreCleanedSoTheFeedStaysReadable() throws Exception {
    String export =
        """
        {"db": [{"data": {
            "posts": [{"id": "c1", "title": "Nul\\u0000and\\u001bescape", "slug": "nul-and-escape",
              "html": "<p>Fine.</p>", "custom_excerpt": "Half \\ud800 a character",
              "status": "published", "published_at": "%s"}],
            "users": [], "tags": [], "posts_tags": []}}]}
        """
            .formatted(Instant.now().minusSeconds(1));

    var imported = admin().postAs("/api/imports/ghost", "application/json", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    var post = anonymous().get("/api/posts/nul-and-escape");
    assertThat(post.text("title")).isEqualTo("Nul and escape");
    assertThat(post.text("excerpt")).isEqualTo("Half \uFFFD a character");
    var feed = anonymous().get("/feed.rss");
    assertThat(feed.status()).isEqualTo(200);
    assertThat(new SyndFeedInput().build(new StringReader(feed.raw().body())).getEntries())
        .extracting(SyndEntry::getTitle)
        .contains("Nul and escape");
  }

  /**
   * A Ghost blog of some years is an export of megabytes, most of it what the import does not read
   * (each post's text again as Lexical and as plain text, the members, the settings): it is taken
   * up to the limit for exports (20 MB, 8 MB in these tests), above the 6 MB of other uploads, as
   * it is read as it arrives, alone or in a zip archive, as Ghost's own importer takes it beside
   * its pictures; one beyond the limit is refused, nothing of it imported.
   */
  @Test
  void anExportOfSomeMegabytesIsImportedAloneOrZippedAndOneBeyondTheLimitIsRefused() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String roomy = largeExport(run, "ferry", 7_000_000);
    String tooLarge = largeExport(run, "crowded-ferry", 10_000_000);
    byte[] zipped =
        Archives.zip(
            Map.of(
                "harbour.ghost.2026-12-05-08-00-00.json",
                largeExport(run, "zipped-ferry", 1_000).getBytes(StandardCharsets.UTF_8),
                "content/images/2024/05/ferry.jpg",
                new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    byte[] picturesOnly =
        Archives.zip(Map.of("content/images/2024/05/ferry.jpg", new byte[] {(byte) 0xFF}));

    var imported = admin().postAs("/api/imports/ghost", "application/json", roomy);
    var refused = admin().postAs("/api/imports/ghost", "application/json", tooLarge);
    var fromArchive = admin().postAs("/api/imports/ghost", "application/zip", zipped);
    var noExport = admin().postAs("/api/imports/ghost", "application/zip", picturesOnly);

    assertThat(roomy.length()).isGreaterThan(6 * 1024 * 1024);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(1);
    var ferry = anonymous().get("/api/posts/ferry-" + run);
    assertThat(ferry.text("title")).isEqualTo("The early ferry");
    assertThat(ferry.text("bodyHtml"))
        .as("its HTML, not its other copies")
        .contains("<p>The ferry leaves at seven.</p>")
        .doesNotContain("gulls");
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.text("detail"))
        .isEqualTo("The file is larger than the 8 MB an import takes.");
    assertThat(anonymous().get("/api/posts/crowded-ferry-" + run).status()).isEqualTo(404);
    assertThat(fromArchive.status()).as(fromArchive.toString()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/zipped-ferry-" + run).text("title"))
        .isEqualTo("The early ferry");
    assertThat(noExport.status()).isEqualTo(422);
    assertThat(noExport.text("detail")).contains("no Ghost export");
  }

  /**
   * A Ghost 5 export of one post ({@code <name>-<run>}) of about {@code size} characters: the
   * post's text as Lexical and as plain text beside its HTML, and its members, fill it.
   */
  private static String largeExport(String run, String name, int size) {
    String paragraph = "The ferry leaves at seven, and the gulls follow it out. ";
    String members =
        "{\"id\": \"m\", \"email\": \"reader@example.org\", \"status\": \"free\"},"
            .repeat(size / 140);
    return """
        {"db": [{"meta": {"version": "5.80.0"}, "data": {
          "posts": [{"id": "p-%1$s-%2$s", "uuid": "ghost-%1$s-%2$s", "title": "The early ferry",
            "slug": "%1$s-%2$s", "html": "<p>The ferry leaves at seven.</p>",
            "lexical": "{\\"root\\": \\"%3$s\\"}", "plaintext": "%3$s",
            "status": "published", "visibility": "public", "type": "post",
            "published_at": "2024-05-01T07:00:00.000Z"}],
          "members": [%4$s {"id": "last"}],
          "settings": [{"key": "title", "value": "Harbour"}]}}]}
        """
        .formatted(name, run, paragraph.repeat(size / 4 / paragraph.length()), members);
  }

  /**
   * A file someone made by hand, or that went through a tool, may hold anything where Ghost writes
   * text, numbers and flags, MongoDB's operators too: what is not of its kind is left out as if it
   * were not there, and the post comes in, its text as it was written.
   */
  @Test
  void fieldsOfTheWrongKindAreLeftOutAndThePostComesIn() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String export =
        """
        {"db": [{"data": {
          "posts": [{"id": {"$gt": ""}, "uuid": "odd-%1$s", "title": {"$ne": null},
            "slug": "odd-%1$s", "html": "<p>שלום <script>alert(1)</script>😀</p>",
            "status": "published", "visibility": "public", "published_at": {"$date": 1},
            "featured": "yes", "type": ["page"], "custom_excerpt": 42}],
          "tags": [{"id": ["t"], "name": "Odd"}, {"id": true, "name": {"$where": "1"}}],
          "posts_tags": [{"post_id": {"$gt": ""}, "tag_id": ["t"], "sort_order": "first"}],
          "users": [{"id": {"$in": []}, "name": 7, "slug": "odd"}]}}]}
        """
            .formatted(run);

    var imported = admin().postAs("/api/imports/ghost", "application/json", export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(1);
    var post = anonymous().get("/api/posts/odd-" + run);
    assertThat(post.text("title")).isEqualTo("Untitled");
    assertThat(post.json().path("page").asBoolean()).isFalse();
    assertThat(post.json().path("tags").isEmpty()).isTrue();
    assertThat(post.text("bodyHtml")).doesNotContain("<script");
    assertThat(Jsoup.parse(post.text("bodyHtml")).text()).isEqualTo("שלום 😀");
  }

  @Test
  void somethingThatIsNotAGhostExportIsRefusedAndNothingIsImported() {
    long before = posts.count();

    var notJson = admin().postAs("/api/imports/ghost", "application/json", "not json at all");
    var otherJson = admin().postAs("/api/imports/ghost", "application/json", "{\"posts\": 3}");
    var xml = admin().postAs("/api/imports/ghost", "application/xml", "<rss/>");
    var empty = admin().postAs("/api/imports/ghost", "application/json", "");
    var author =
        as("author-1", "Ann Author", "AUTHOR")
            .postAs("/api/imports/ghost", "application/json", "{\"db\": []}");

    assertThat(notJson.status()).isEqualTo(422);
    assertThat(notJson.header("Content-Type")).startsWith("application/problem+json");
    assertThat(otherJson.status()).isEqualTo(422);
    assertThat(otherJson.text("detail")).contains("Ghost export");
    assertThat(xml.status()).isEqualTo(415);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
    assertThat(author.status()).isEqualTo(403);
    assertThat(posts.count()).isEqualTo(before);
  }
}
