package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PostImports.ImportedPost;
import io.inkwell.testsupport.ApiClient;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.input.SAXBuilder;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/**
 * An admin takes the blog elsewhere, as WordPress's Tools → Export and Ghost's "Export your
 * content" let them: a WordPress export (WXR) of every post and page that WordPress, and Inkwell's
 * own importer, read back as they were.
 */
class BlogExportTests extends IntegrationTest {

  private static final Namespace CONTENT =
      Namespace.getNamespace("content", "http://purl.org/rss/1.0/modules/content/");
  private static final Namespace WP = Namespace.getNamespace("http://wordpress.org/export/1.2/");

  @Test
  void theWholeBlogGoesOutAsAWordPressExportThatReadsBackAsItWas() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var ruth = as("ruth-" + run, "Ruth Ngata", "AUTHOR");
    String published =
        created(ruth, "When ]]> ends the data " + run, "First *paragraph*.\n\nSecond.", "Café");
    assertThat(ruth.post("/api/posts/" + published + "/publish", "{}").status()).isEqualTo(200);
    assertThat(ruth.put("/api/posts/" + published + "/featured", "{\"featured\":true}").status())
        .isEqualTo(200);
    created(ruth, "Half a thought " + run, "Not yet.", "c/c++");
    String scheduled = created(api(), "Next week " + run, "Soon.", "Café");
    Instant next = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    assertThat(
            api()
                .post(
                    "/api/posts/" + scheduled + "/publish",
                    ApiClient.json(Map.of("publishAt", next.toString())))
                .status())
        .isEqualTo(200);
    var page =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "About " + run,
                        "body",
                        "Us.",
                        "excerpt",
                        "Who we are.",
                        "page",
                        true)));
    assertThat(api().post("/api/posts/" + page.text("id") + "/publish", "{}").status())
        .isEqualTo(200);
    String deleted = created(api(), "Regretted " + run, "Gone.", "Café");
    assertThat(api().delete("/api/posts/" + deleted).status()).isEqualTo(204);
    String trashed = created(api(), "Second thoughts " + run, "Maybe.", "Café");
    assertThat(api().post("/api/posts/" + trashed + "/trash", "").status()).isEqualTo(200);

    LocalDate before = LocalDate.now(ZoneOffset.UTC);
    var export = admin().get("/api/exports/wordpress");
    LocalDate after = LocalDate.now(ZoneOffset.UTC); // the same day but around midnight

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("application/rss+xml");
    assertThat(export.header("Content-Disposition"))
        .isIn(
            "attachment; filename=\"inkwell-" + before + ".xml\"",
            "attachment; filename=\"inkwell-" + after + ".xml\"");
    Map<String, ImportedPost> read =
        WordPressExport.read(new StringReader(export.raw().body())).stream()
            .filter(post -> post.title().endsWith(run))
            .collect(Collectors.toMap(ImportedPost::title, Function.identity()));
    assertThat(read)
        .as("all but the deleted one, and the trashed one, which WordPress keeps in its trash")
        .containsOnlyKeys(
            "When ]]> ends the data " + run,
            "Half a thought " + run,
            "Next week " + run,
            "About " + run);
    var post = read.get("When ]]> ends the data " + run);
    var original = api().get("/api/posts/" + published).json();
    assertThat(post.isPublished()).isTrue();
    assertThat(post.published())
        .isEqualTo(
            Instant.parse(original.path("publishedAt").asString()).truncatedTo(ChronoUnit.SECONDS));
    assertThat(post.name()).isEqualTo(original.path("slug").asString());
    assertThat(post.labels())
        .as("the tag by its name, as its author wrote it")
        .containsExactly("Café");
    assertThat(post.author().name()).isEqualTo("Ruth Ngata");
    assertThat(post.html()).contains("<p>First <em>paragraph</em>.</p>").contains("<p>Second.</p>");
    assertThat(post.excerpt())
        .as("the first words are not an excerpt of the author's, which WordPress's excerpt is")
        .isNullOrEmpty();
    assertThat(read.get("About " + run).excerpt()).isEqualTo("Who we are.");
    assertThat(post.featured()).isTrue();
    assertThat(post.commentsOpen()).isTrue();
    assertThat(post.permalinkPath()).isEqualTo("/posts/" + original.path("slug").asString());
    assertThat(read.get("Half a thought " + run).isPublished()).isFalse();
    assertThat(read.get("Half a thought " + run).labels()).containsExactly("c/c++");
    assertThat(read.get("About " + run).page()).isTrue();
    assertThat(read.get("Next week " + run).scheduled()).isTrue();
    assertThat(read.get("Next week " + run).published()).isEqualTo(next);

    // what WordPress itself needs of each item
    var items = items(export.raw().body(), run);
    Element future = items.get("Next week " + run);
    assertThat(future.getChildText("status", WP)).isEqualTo("future");
    assertThat(future.getChildText("post_date_gmt", WP)).isEqualTo(wordPressDate(next));
    Element unfinished = items.get("Half a thought " + run);
    assertThat(unfinished.getChildText("status", WP)).isEqualTo("draft");
    assertThat(unfinished.getChildText("post_date_gmt", WP)).isEqualTo("0000-00-00 00:00:00");
    assertThat(unfinished.getChild("category").getAttributeValue("nicename")).isEqualTo("c-c");
    assertThat(items.get("Second thoughts " + run).getChildText("status", WP)).isEqualTo("trash");
    assertThat(items.get("Second thoughts " + run).getChildText("post_name", WP))
        .as("by the address it gave up for the trash")
        .isEqualTo(api().get("/api/posts/" + trashed).text("slug").replaceAll("__trashed-.*", ""))
        .doesNotContain("__trashed");
    Element first = items.get("When ]]> ends the data " + run);
    assertThat(Long.parseLong(first.getChildText("post_id", WP))).isPositive();
    var meta = first.getChild("postmeta", WP);
    assertThat(meta.getChildText("meta_key", WP)).isEqualTo("_inkwell_id");
    assertThat(meta.getChildText("meta_value", WP)).isEqualTo(published);
    assertThat(export.raw().body())
        .as("staff addresses stay inside the platform")
        .contains("<wp:author_email><![CDATA[]]></wp:author_email>");
    var again = items(admin().get("/api/exports/wordpress").raw().body(), run);
    assertThat(again.get("When ]]> ends the data " + run).getChildText("post_id", WP))
        .as("a post keeps its number from one export to the next")
        .isEqualTo(first.getChildText("post_id", WP));
  }

  @Test
  void whatSearchEnginesAreShownOfAPostGoesOutWhereYoastSeoAndOurImportReadIt() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var post =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title", "Harbour lights " + run,
                        "body", "At dusk.",
                        "metaTitle", "Harbour lights: a photo walk",
                        "metaDescription", "Ten pictures & notes from the harbour.",
                        "canonicalUrl", "https://photos.example.org/harbour")));
    assertThat(post.status()).as(post.toString()).isEqualTo(201);

    String export = admin().get("/api/exports/wordpress").raw().body();

    var read =
        WordPressExport.read(new StringReader(export)).stream()
            .filter(item -> item.title().equals("Harbour lights " + run))
            .findFirst()
            .orElseThrow();
    assertThat(read.metaTags())
        .isEqualTo(
            new MetaTags(
                "Harbour lights: a photo walk",
                "Ten pictures & notes from the harbour.",
                "https://photos.example.org/harbour"));
    var keys =
        items(export, run).get("Harbour lights " + run).getChildren("postmeta", WP).stream()
            .map(meta -> meta.getChildText("meta_key", WP))
            .toList();
    assertThat(keys)
        .contains("_yoast_wpseo_title", "_yoast_wpseo_metadesc", "_yoast_wpseo_canonical");
  }

  /**
   * A blog that moves takes its pictures and files along: its posts name them by their whole
   * address, and each is an attachment WordPress's importer downloads ("Download and import file
   * attachments"), the cover its featured image.
   */
  @Test
  void aPostsPicturesAndFilesGoAlongAsAttachmentsAndItsCoverAsItsFeaturedImage() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String cover = uploaded(1200, 600);
    String quay = uploaded(800, 401);
    String recording = "ID3\u0003\0\0\0\0\0\0" + run;
    String sounds = uploadedFile("sounds.mp3", "audio/mpeg", recording);
    String timetable = uploadedFile("ferries.pdf", "application/pdf", "%PDF-1.4\n% " + run);
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "Harbour at dawn " + run,
                        "body",
                        "Boats.\n\n![The quay]("
                            + quay
                            + ")\n\n[Harbour sounds]("
                            + sounds
                            + ")\n\nThe ferries' [timetable]("
                            + timetable
                            + ").\n\nMore [about me](/pages/about).",
                        "coverImage",
                        cover,
                        "coverAlt",
                        "Dawn over the water")));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    created(api(), "The quay again " + run, "![The quay](" + quay + ")", "harbour");

    String export = admin().get("/api/exports/wordpress").raw().body();

    var post = items(export, run).get("Harbour at dawn " + run);
    var body = org.jsoup.Jsoup.parseBodyFragment(post.getChildText("encoded", CONTENT));
    String site = "http://localhost:8080";
    assertThat(body.select("img").attr("src")).isEqualTo(site + quay);
    assertThat(body.select("img").hasAttr("srcset")).as("another platform makes its own").isFalse();
    assertThat(body.select("a").eachAttr("href")).contains(site + "/pages/about");
    var attachments = attachments(export);
    var featured = attachments.get(meta(post, "_thumbnail_id"));
    assertThat(featured.getChildText("attachment_url", WP)).isEqualTo(site + cover);
    assertThat(featured.getChildText("post_parent", WP))
        .isEqualTo(post.getChildText("post_id", WP));
    assertThat(meta(featured, "_wp_attachment_image_alt")).isEqualTo("Dawn over the water");
    var shown =
        attachments.values().stream()
            .filter(item -> item.getChildText("attachment_url", WP).equals(site + quay))
            .toList();
    assertThat(shown).as("a picture two posts show goes once").hasSize(1);
    assertThat(meta(shown.get(0), "_wp_attachment_image_alt")).isEqualTo("The quay");
    // what it plays (a player and its caption's link, one file) and what it links
    var files =
        attachments.values().stream()
            .filter(item -> item.getChildText("attachment_url", WP).contains("/api/files/"))
            .filter(
                item ->
                    item.getChildText("post_parent", WP).equals(post.getChildText("post_id", WP)))
            .collect(
                Collectors.toMap(item -> item.getChildText("attachment_url", WP), item -> item));
    assertThat(files).containsOnlyKeys(site + sounds, site + timetable);
    assertThat(files.get(site + sounds).getChildText("title")).isEqualTo("Harbour sounds");
    assertThat(files.get(site + timetable).getChildText("title")).isEqualTo("timetable");
    assertThat(meta(post, "enclosure"))
        .as("what it plays, where WordPress's feed and PowerPress find a post's episode")
        .isEqualTo(site + sounds + "\n" + recording.length() + "\naudio/mpeg\n");

    // Inkwell's own import reads the featured image back as the picture heading the post
    var read =
        WordPressExport.read(new StringReader(export)).stream()
            .filter(item -> item.title().equals("Harbour at dawn " + run))
            .findFirst()
            .orElseThrow();
    assertThat(read.cover()).isEqualTo(site + cover);
    assertThat(Jsoup.parseBodyFragment(read.html()).select("a[href=" + site + sounds + "]"))
        .as("the episode it names apart from the text, once: where the post plays it")
        .hasSize(1);
  }

  private String uploaded(int width, int height) throws Exception {
    var upload =
        api()
            .upload(
                "/api/images",
                "file",
                "harbour.png",
                "image/png",
                io.inkwell.posts.TestPictures.picture("png", width, height));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    return upload.text("url");
  }

  private String uploadedFile(String name, String type, String content) throws Exception {
    var upload =
        api()
            .upload(
                "/api/files", "file", name, type, content.getBytes(StandardCharsets.ISO_8859_1));
    assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
    return upload.text("url");
  }

  /** The export's attachments by their number. */
  private static Map<String, Element> attachments(String xml) throws Exception {
    var channel =
        new SAXBuilder().build(new StringReader(xml)).getRootElement().getChild("channel");
    return channel.getChildren("item").stream()
        .filter(item -> "attachment".equals(item.getChildText("post_type", WP)))
        .collect(Collectors.toMap(item -> item.getChildText("post_id", WP), Function.identity()));
  }

  private static String meta(Element item, String key) {
    return item.getChildren("postmeta", WP).stream()
        .filter(meta -> key.equals(meta.getChildText("meta_key", WP)))
        .map(meta -> meta.getChildText("meta_value", WP))
        .findFirst()
        .orElse(null);
  }

  /**
   * WordPress keeps a post's date twice, in the blog's zone and in UTC, and shows the first: a blog
   * in Kolkata (UTC+5:30) that moves to WordPress keeps the hours its readers saw.
   */
  @Test
  void wordPressIsGivenEachDateInTheBlogsZoneAndInUtc() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant next = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String scheduled = created(api(), "Monsoon " + run, "Rain.", "weather");
    api()
        .post(
            "/api/posts/" + scheduled + "/publish",
            ApiClient.json(Map.of("publishAt", next.toString())));
    admin()
        .put(
            "/api/site",
            ApiClient.json(
                Map.of("title", "Inkwell", "description", "", "timeZone", "Asia/Kolkata")));
    try {
      Element item =
          items(admin().get("/api/exports/wordpress").raw().body(), run).get("Monsoon " + run);

      assertThat(item.getChildText("post_date_gmt", WP)).isEqualTo(wordPressDate(next));
      assertThat(item.getChildText("post_date", WP))
          .isEqualTo(
              wordPressDate(
                  next.atZone(ZoneId.of("Asia/Kolkata"))
                      .toLocalDateTime()
                      .toInstant(ZoneOffset.UTC)));
    } finally {
      admin()
          .put(
              "/api/site",
              ApiClient.json(Map.of("title", "Inkwell", "description", "", "timeZone", "UTC")));
    }
  }

  @Test
  void onlyAdminsExportTheBlogDraftsAndAll() {
    assertThat(anonymous().get("/api/exports/wordpress").status()).isEqualTo(401);
    assertThat(api().get("/api/exports/wordpress").status()).isEqualTo(403);
    var refused = as("author-9", "Al", "AUTHOR").get("/api/exports/wordpress");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
  }

  private static String created(ApiClient who, String title, String body, String tag) {
    var created =
        who.post(
            "/api/posts",
            ApiClient.json(Map.of("title", title, "body", body, "tags", List.of(tag))));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.text("id");
  }

  private static String wordPressDate(Instant at) {
    return at.toString().replace("T", " ").replace("Z", "");
  }

  /** This run's items of the export by title, as an XML parser reads them. */
  private static Map<String, Element> items(String xml, String run) throws Exception {
    var channel =
        new SAXBuilder().build(new StringReader(xml)).getRootElement().getChild("channel");
    return channel.getChildren("item").stream()
        .filter(item -> item.getChildText("title").endsWith(run))
        .collect(Collectors.toMap(item -> item.getChildText("title"), Function.identity()));
  }
}
