package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestPictures;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

class BloggerImportTests extends IntegrationTest {

  @Autowired private Posts posts;

  @Test
  void aBloggerExportBecomesPostsWithTheirDatesLabelsDraftsRedirectsAndComments()
      throws IOException {
    String export = resource("/blogger/export.xml");

    var first = importBlogger(export);
    var again = importBlogger(export);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    // three posts and the page
    assertThat(first.json().path("posts").asInt()).isEqualTo(4);
    assertThat(first.json().path("comments").asInt()).isEqualTo(2);
    assertThat(again.json().path("posts").asInt()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(4);

    var wrap = api().get("/api/posts/wpc-wrap");
    assertThat(wrap.status()).isEqualTo(200);
    assertThat(wrap.text("title")).isEqualTo("WPC wrap");
    assertThat(Instant.parse(wrap.text("publishedAt")))
        .isEqualTo(Instant.parse("2009-03-12T16:41:00Z"));
    assertThat(wrap.json().path("tags").toString()).isEqualTo("[\"conferences\",\"wpc 2009\"]");
    assertThat(wrap.json().path("tagNames").toString())
        .as("the labels as Blogger showed them")
        .isEqualTo("[\"Conferences\",\"WPC 2009\"]");
    assertThat(wrap.text("bodyHtml"))
        .contains("<p>The last day of the conference was the best one.</p>")
        .doesNotContain("<script");

    var quiet = api().get("/api/posts/home-again");
    assertThat(quiet.status()).isEqualTo(200);
    // Blogger's caption table: a captioned picture, not a table with borders
    var harbour = Jsoup.parse(quiet.text("bodyHtml"));
    assertThat(harbour.select("table")).isEmpty();
    assertThat(harbour.select("figure > a > img").attr("src")).endsWith("/s320/harbour.jpg");
    assertThat(harbour.select("figure > figcaption").text()).isEqualTo("The harbour at dawn");
    // The Blogger author's name is the byline, and their posts share one author id.
    assertThat(wrap.json().path("author").path("name").asString()).isEqualTo("Jo");
    assertThat(wrap.json().path("author").path("id").asString())
        .startsWith("blogger-")
        .isEqualTo(quiet.json().path("author").path("id").asString());
    var draft = posts.findBySlug("half-written-thoughts").orElseThrow();
    assertThat(draft.status()).isEqualTo(PostStatus.DRAFT);
    assertThat(anonymous().get("/api/posts/half-written-thoughts").status()).isEqualTo(404);

    // Blogger's pages (About, Contact) stay pages, and their old address leads to them
    var contact = anonymous().get("/api/posts/write-to-jo");
    assertThat(contact.json().path("page").asBoolean()).isTrue();
    assertThat(contact.text("bodyHtml").strip())
        .isEqualTo("<p>Letters reach me at the post office in Lyme.</p>");
    assertThat(anonymous().get("/api/pages").raw().body()).contains("write-to-jo");
    var oldPage = anonymous().get("/api/redirects?path=/p/write-to-jo.html");
    assertThat(oldPage.text("slug")).isEqualTo("write-to-jo");
    assertThat(oldPage.json().path("page").asBoolean()).isTrue();

    var oldPost = anonymous().get("/api/redirects?path=/2009/03/wpc-wrap.html");
    assertThat(oldPost.text("url")).isEqualTo("http://localhost:8080/posts/wpc-wrap");
    assertThat(anonymous().get("/api/redirects?path=/2009/03/never-was.html").status())
        .isEqualTo(404);

    String wrapId = wrap.text("id");
    List<JsonNode> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> postEventsOf(wrapId), found -> found.size() == 3);
    assertThat(events.get(0).path("type").asString()).isEqualTo("PostPublished");
    assertThat(events.get(0).path("imported").asBoolean()).isTrue();
    assertThat(events.subList(1, 3))
        .allSatisfy(
            event -> assertThat(event.path("type").asString()).isEqualTo("CommentImported"));
    assertThat(events.get(1).path("authorName").asString()).isEqualTo("Ada");
    assertThat(events.get(1).hasNonNull("parentId")).isFalse();
    assertThat(events.get(2).path("body").asString()).isEqualTo("Thanks for the <b>notes</b>.");
    // Linus answered Ada in Blogger's threaded comments: his reply hangs under hers.
    assertThat(events.get(2).path("parentId").asString())
        .isEqualTo(events.get(1).path("commentId").asString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> postEventsOf(quiet.text("id")), found -> found.size() == 1);
  }

  /**
   * Blogger's "Back up content" now leads to Google Takeout, whose export says what each entry is
   * in Blogger's own elements rather than in categories: it comes in the same way.
   */
  @Test
  void aGoogleTakeoutExportComesInAsBloggersOwnDoes() throws IOException {
    String export = resource("/blogger/takeout-feed.atom");

    var first = importBlogger(export);
    var again = importBlogger(export);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    // the post, the draft, the scheduled one and the page; not the trash, nor a deleted comment
    assertThat(first.json().path("posts").asInt()).isEqualTo(4);
    assertThat(first.json().path("comments").asInt()).isEqualTo(3);
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(4);

    var suzhou = anonymous().get("/api/posts/nach-suzhou");
    assertThat(suzhou.status()).isEqualTo(200);
    assertThat(suzhou.text("title"))
        .as("Takeout's titles are HTML, as Blogger keeps them")
        .isEqualTo("Nach Suzhou & 'zurück'");
    assertThat(Instant.parse(suzhou.text("publishedAt")))
        .isEqualTo(Instant.parse("2011-05-11T19:46:00Z"));
    assertThat(suzhou.json().path("tags").toString()).isEqualTo("[\"china\",\"reisen\"]");
    assertThat(suzhou.text("metaDescription")).isEqualTo("Ein Tag in den Gärten von Suzhou.");
    assertThat(suzhou.json().path("author").path("name").asString()).isEqualTo("Bernd");
    assertThat(suzhou.text("bodyHtml")).contains("Die Gärten sind schön.");
    assertThat(anonymous().get("/api/redirects?path=/2011/05/nach-suzhou.html").text("slug"))
        .isEqualTo("nach-suzhou");

    assertThat(posts.findBySlug("halb-geschrieben").orElseThrow().status())
        .isEqualTo(PostStatus.DRAFT);
    var soon = as("admin-1", "Ada Admin", "ADMIN").get("/api/posts/bald");
    assertThat(soon.text("status")).as("scheduled there, and here").isEqualTo("SCHEDULED");
    assertThat(Instant.parse(soon.text("publishAt")))
        .isEqualTo(Instant.parse("2031-01-01T08:00:00Z"));
    assertThat(anonymous().get("/api/posts/bald").status()).isEqualTo(404);
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Weggeworfen"));

    var about = anonymous().get("/api/redirects?path=/p/uber-mich.html");
    assertThat(about.json().path("page").asBoolean()).isTrue();
    var aboutPage = anonymous().get("/api/posts/" + about.text("slug"));
    assertThat(aboutPage.text("title")).isEqualTo("Über mich");
    assertThat(Jsoup.parse(aboutPage.text("bodyHtml")).select("a").eachAttr("href"))
        .as("Takeout names no blog address; its blogspot one is the blog's own")
        .containsExactly(
            "/2011/05/nach-suzhou.html", "https://anna.example/2011/05/nach-suzhou.html?x=1");

    List<JsonNode> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> postEventsOf(suzhou.text("id")), found -> found.size() == 4);
    assertThat(events.get(1).path("authorName").asString()).isEqualTo("Anna");
    assertThat(events.get(1).hasNonNull("parentId")).isFalse();
    assertThat(events.get(2).path("body").asString()).isEqualTo("Sonnig, zum <b>Glück</b>.");
    assertThat(events.get(2).path("parentId").asString())
        .as("Bernd answered Anna: his reply hangs under hers")
        .isEqualTo(events.get(1).path("commentId").asString());
    assertThat(events.get(3).path("authorName").asString())
        .as("signed with no name, as Blogger shows it")
        .isEqualTo("Anonymous");
  }

  /**
   * Google Takeout hands the export over in a zip archive, beside the blog's pictures, theme and
   * settings: the archive as it came is imported, and importing it again creates nothing twice.
   * Blogger's own file, packed by its owner, is taken as well, also with a byte-order mark.
   */
  @Test
  void googleTakeoutsArchiveAsItCameIsImported() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var files = new LinkedHashMap<String, byte[]>();
    files.put("Takeout/archive_browser.html", "<html><body>Takeout</body></html>".getBytes());
    files.put("Takeout/Blogger/Blogs/Letters from Lisbon/feed.atom", takeoutFeed(run, "tram"));
    files.put("Takeout/Blogger/Blogs/Letters from Lisbon/settings.csv", "Name,Value\n".getBytes());
    files.put(
        "Takeout/Blogger/Albums/Letters from Lisbon/tram.png", TestPictures.picture("png", 8, 8));
    byte[] takeout = Archives.zip(files);
    // Blogger's own file, saved again in Notepad (a byte-order mark) before it was packed
    byte[] ownFile =
        Archives.zip(
            Map.of(
                "blog-03-14-2024.xml",
                ("\uFEFF" + new String(takeoutFeed(run, "harbour"), StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8)));

    var first = admin().postAs("/api/imports/blogger", "application/zip", takeout);
    var again = admin().postAs("/api/imports/blogger", "application/x-zip-compressed", takeout);
    var packed = admin().postAs("/api/imports/blogger", "application/octet-stream", ownFile);

    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("posts").asInt()).isEqualTo(1);
    assertThat(first.json().path("comments").asInt()).isEqualTo(1);
    assertThat(again.json().path("posts").asInt()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(1);
    var post = anonymous().get("/api/posts/tram-" + run);
    assertThat(post.text("title")).isEqualTo("Tram " + run + " à Lisboa");
    assertThat(post.text("bodyHtml")).contains("The 28 climbs to the castle.");
    assertThat(anonymous().get("/api/redirects?path=/2012/03/tram-" + run + ".html").text("slug"))
        .isEqualTo("tram-" + run);
    assertThat(packed.status()).as(packed.toString()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/harbour-" + run).text("title"))
        .isEqualTo("Harbour " + run + " à Lisboa");
  }

  /**
   * Takeout packs every blog of the Google account: the owner names the one to import, by its
   * folder's name there, and until then nothing is imported.
   */
  @Test
  void anArchiveOfSeveralBlogsImportsTheOneNamed() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    byte[] takeout =
        Archives.zip(
            Map.of(
                "Takeout/Blogger/Blogs/Letters/feed.atom", takeoutFeed(run, "letter"),
                "Takeout/Blogger/Blogs/Recipes/feed.atom", takeoutFeed(run, "recipe")));
    long before = posts.count();

    var unnamed = admin().postAs("/api/imports/blogger", "application/zip", takeout);
    var unknown = admin().postAs("/api/imports/blogger?blog=Travel", "application/zip", takeout);
    long afterRefusals = posts.count();
    var named = admin().postAs("/api/imports/blogger?blog=letters", "application/zip", takeout);

    assertThat(unnamed.status()).isEqualTo(422);
    assertThat(unnamed.text("detail"))
        .isEqualTo(
            "This archive holds 2 blogs (Letters, Recipes); say which one to import by its name.");
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.text("detail"))
        .isEqualTo("This archive holds no blog named \"Travel\"; it holds Letters, Recipes.");
    assertThat(afterRefusals).isEqualTo(before);
    assertThat(named.status()).as(named.toString()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/letter-" + run).status()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/recipe-" + run).status()).isEqualTo(404);
  }

  /**
   * An archive without the export (another of Takeout's several parts), with one larger than an
   * import takes, or a damaged one is refused, and nothing of it is imported.
   */
  @Test
  void anArchiveWithoutAReadableExportIsRefused() throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    byte[] picturesOnly =
        Archives.zip(
            Map.of("Takeout/Blogger/Albums/x/tram.png", TestPictures.picture("png", 8, 8)));
    String feed = new String(takeoutFeed(run, "large"), StandardCharsets.UTF_8);
    byte[] tooLarge =
        Archives.zip(
            Map.of(
                "Takeout/Blogger/Blogs/Letters/feed.atom",
                feed.replace("</feed>", "<!--" + " ".repeat(9_000_000) + "--></feed>")
                    .getBytes(StandardCharsets.UTF_8)));
    byte[] whole = Archives.zip(Map.of("Takeout/Blogger/Blogs/Letters/feed.atom", feed.getBytes()));
    byte[] damaged = Arrays.copyOf(whole, whole.length / 2);
    long before = posts.count();

    var noExport = admin().postAs("/api/imports/blogger", "application/zip", picturesOnly);
    var large = admin().postAs("/api/imports/blogger", "application/zip", tooLarge);
    var broken = admin().postAs("/api/imports/blogger", "application/zip", damaged);

    assertThat(noExport.status()).isEqualTo(422);
    assertThat(noExport.text("detail"))
        .contains("no Blogger export")
        .contains("Takeout/Blogger/Blogs/<the blog>/feed.atom");
    assertThat(tooLarge.length).as("a small archive of a large file").isLessThan(100_000);
    assertThat(large.status()).isEqualTo(413);
    assertThat(large.text("detail"))
        .isEqualTo(
            "Takeout/Blogger/Blogs/Letters/feed.atom is larger than the 8 MB an import takes.");
    assertThat(broken.status()).isEqualTo(422);
    assertThat(broken.text("detail")).contains("damaged or incomplete");
    assertThat(posts.count()).isEqualTo(before);
  }

  /**
   * A Blogger export is read entry by entry as it arrives, so that it may be larger than the
   * gateway's other uploads (6 MB): a blog of many years, most of whose file here is its template,
   * which is not imported. One larger than the limit for exports (20 MB, 8 MB in these tests) is
   * refused as it is read, and nothing of it is imported.
   */
  @Test
  void aBloggerExportOfSomeMegabytesComesInAndOneBeyondTheLimitDoesNot() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String roomy = ownExport(run, "roomy", 7_000_000);
    String tooLarge = ownExport(run, "crowded", 9_000_000);

    var imported = importBlogger(roomy);
    var refused = importBlogger(tooLarge);

    assertThat(roomy.length()).isGreaterThan(6 * 1024 * 1024);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(1);
    var post = anonymous().get("/api/posts/roomy-" + run);
    assertThat(post.text("title")).isEqualTo("Room to spare");
    assertThat(post.text("bodyHtml")).contains("A blog of many years.");
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.text("detail"))
        .isEqualTo("The file is larger than the 8 MB an import takes.");
    assertThat(anonymous().get("/api/posts/crowded-" + run).status()).isEqualTo(404);
  }

  /**
   * Blogger's own export ("Back up content") of one post ({@code <name>-<run>}), with a template of
   * about {@code size} characters before it, as a blog's template and settings come first.
   */
  private static String ownExport(String run, String name, int size) {
    String blog = "tag:blogger.com,1999:blog-" + Math.abs((run + name).hashCode());
    String skin = "&lt;b:skin&gt;body { margin: 0 }&lt;/b:skin&gt;\n";
    return """
        <?xml version='1.0' encoding='UTF-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom'>
          <id>%1$s</id><title>Roomy</title>
          <entry>
            <id>%1$s.layout</id>
            <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#template'/>
            <title type='text'>Template: Roomy</title><content type='text'>%2$s</content>
          </entry>
          <entry>
            <id>%1$s.post-1</id>
            <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
            <published>2010-05-01T10:00:00.000Z</published>
            <title type='text'>Room to spare</title>
            <content type='html'>&lt;p&gt;A blog of many years.&lt;/p&gt;</content>
            <link rel='alternate' type='text/html' href='http://roomy.blogspot.com/2010/05/%3$s-%4$s.html'/>
            <author><name>Rita</name></author>
          </entry>
        </feed>
        """
        .formatted(blog, skin.repeat(size / skin.length()), name, run);
  }

  @Test
  void somethingThatIsNotABloggerExportIsRefused() throws IOException {
    var notXml =
        as("admin-1", "Ada Admin", "ADMIN")
            .postAs("/api/imports/blogger", "application/xml", "not xml at all");
    var doctype =
        as("admin-1", "Ada Admin", "ADMIN")
            .postAs(
                "/api/imports/blogger",
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE feed [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<feed xmlns='http://www.w3.org/2005/Atom'><title>&x;</title></feed>");
    var json = as("admin-1", "Ada Admin", "ADMIN").post("/api/imports/blogger", "{}");

    assertThat(notXml.status()).isEqualTo(422);
    assertThat(notXml.header("Content-Type")).startsWith("application/problem+json");
    assertThat(doctype.status()).isEqualTo(422);
    assertThat(doctype.raw().body()).doesNotContain("root:");
    assertThat(json.status()).isEqualTo(415);
    var empty = as("admin-1", "Ada Admin", "ADMIN").postAs("/api/imports/blogger", "text/xml", "");
    assertThat(empty.status()).isEqualTo(400);
    assertThat(empty.text("detail")).isEqualTo("The request has no body; this address takes one.");
  }

  /**
   * A Google Takeout export of one post ({@code <name>-<run>}) with one comment, of a blog of its
   * own.
   */
  private static byte[] takeoutFeed(String run, String name) {
    String blog = "tag:blogger.com,1999:blog-" + Math.abs((run + name).hashCode());
    String title = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return """
        <?xml version='1.0' encoding='utf-8'?>
        <feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
          <id>%1$s</id><title>Letters</title>
          <entry>
            <id>%1$s.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
            <author><name>Rita</name></author>
            <title>%4$s %2$s à Lisboa</title>
            <content type='html'>&lt;p&gt;The 28 climbs to the castle.&lt;/p&gt;</content>
            <published>2012-03-04T09:00:00Z</published>
            <blogger:filename>/2012/03/%3$s-%2$s.html</blogger:filename>
          </entry>
          <entry>
            <id>%1$s.post-2</id><blogger:type>COMMENT</blogger:type><blogger:status>LIVE</blogger:status>
            <blogger:parent>%1$s.post-1</blogger:parent>
            <author><name>Ana</name></author>
            <content type='html'>Saudades!</content>
            <published>2012-03-05T09:00:00Z</published>
          </entry>
        </feed>
        """
        .formatted(blog, run, name, title)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The export imported by an admin, as Blogger's file comes. */
  private ApiClient.Response importBlogger(String export) {
    return as("admin-1", "Ada Admin", "ADMIN")
        .postAs("/api/imports/blogger", "application/atom+xml", export);
  }

  /**
   * A picture pasted into Blogger's editor is inside the post as a {@code data:} address, which no
   * reader's page would show: it becomes one of the blog's pictures, and the post shows it from
   * there. What only looks like a picture stays out, as before.
   */
  @Test
  void aPicturePastedIntoThePostBecomesOneOfTheBlogsPictures() throws IOException {
    byte[] png = TestPictures.picture("png", 31, 17);
    String pasted = Base64.getMimeEncoder().encodeToString(png);
    String notAPicture = Base64.getEncoder().encodeToString("hello".getBytes());
    String html =
        "<p>The harbour at dawn:</p><img alt=\"Boats\" src=\"data:image/png;base64,"
            + pasted
            + "\"><img src='data:image/png;base64,"
            + notAPicture
            + "'>";
    String export =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
            + "<id>tag:blogger.com,1999:blog-77.post-4242</id>"
            + "<published>2010-05-01T07:00:00.000Z</published>"
            + "<category scheme=\"http://schemas.google.com/g/2005#kind\""
            + " term=\"http://schemas.google.com/blogger/2008/kind#post\"/>"
            + "<title>The quay, pasted in</title><content type=\"html\">"
            + html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</content></entry></feed>";

    var imported = importBlogger(export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    var post = anonymous().get("/api/posts/the-quay-pasted-in");
    var shown = Jsoup.parse(post.text("bodyHtml")).select("img");
    assertThat(shown).hasSize(1);
    assertThat(shown.attr("alt")).isEqualTo("Boats");
    assertThat(shown.attr("src")).matches("/api/images/[0-9a-f]{32}\\.png");
    assertThat(anonymous().bytes(shown.attr("src")).body()).isEqualTo(png);
    assertThat(post.text("bodyMarkdown")).doesNotContain(pasted.substring(0, 40));
  }

  /**
   * A post that opens thousands of picture tags nothing closes (a damaged export) is looked through
   * once: its pasted picture becomes the blog's, rather than the import holding post-service while
   * every tag is read to the end of the post.
   */
  @Test
  void aPastedPictureIsFoundAmongThousandsOfTagsNothingCloses() throws IOException {
    byte[] png = TestPictures.picture("png", 23, 11);
    String html =
        "<p>Before the storm:</p><img alt=\"Clouds\" src=\"data:image/png;base64,"
            + Base64.getEncoder().encodeToString(png)
            + "\">"
            + "<img src=\"x\" ".repeat(20_000);
    String run = UUID.randomUUID().toString().substring(0, 8);
    String export =
        "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
            + "<id>tag:blogger.com,1999:blog-78.post-"
            + run
            + "</id><published>2011-09-01T07:00:00.000Z</published>"
            + "<category scheme=\"http://schemas.google.com/g/2005#kind\""
            + " term=\"http://schemas.google.com/blogger/2008/kind#post\"/>"
            + "<title>Storm coming "
            + run
            + "</title><content type=\"html\">"
            + html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            + "</content></entry></feed>";

    var imported = importBlogger(export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    var post = anonymous().get("/api/posts/storm-coming-" + run);
    var shown = Jsoup.parse(post.text("bodyHtml")).select("img[alt=Clouds]");
    assertThat(shown.attr("src")).matches("/api/images/[0-9a-f]{32}\\.png");
    assertThat(anonymous().bytes(shown.attr("src")).body()).isEqualTo(png);
  }

  /**
   * A post that links to another of the blog's posts at its blogspot.com address, which cannot
   * follow the blog here, links to it here: the old path, which leads to the post. Links to other
   * sites, and to pictures Blogger keeps on its own hosts, stay.
   */
  @Test
  void linksToTheOldBlogsOwnPagesLeadToThemHere() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String blog = "http://trails-" + run + ".blogspot.com";
    String links =
        "<p><a href=\"%1$s/2010/07/the-ridge-%2$s.html?m=1#map\">the ridge</a>,"
            + " <a href=\"https://trails-%2$s.blogspot.fr/search/label/Hiking\">more hikes</a>,"
            + " <a href=\"https://elsewhere.example/2010/07/the-ridge-%2$s.html\">theirs</a>,"
            + " <a href=\"http://1.bp.blogspot.com/abc/s1600/ridge.jpg\">photo</a></p>";
    String export =
        ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<link rel=\"alternate\" type=\"text/html\" href=\"%1$s/\"/>"
                + entry("1", "The valley %2$s", "%1$s/2010/06/the-valley-%2$s.html", links)
                + entry("2", "The ridge %2$s", "%1$s/2010/07/the-ridge-%2$s.html", "Up high.")
                + "</feed>")
            .formatted(blog, run);

    var imported = importBlogger(export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    var valley = anonymous().get("/api/posts/the-valley-" + run);
    assertThat(Jsoup.parse(valley.text("bodyHtml")).select("a").eachAttr("href"))
        .containsExactly(
            "/2010/07/the-ridge-" + run + ".html?m=1#map",
            "/search/label/Hiking",
            "https://elsewhere.example/2010/07/the-ridge-" + run + ".html",
            "http://1.bp.blogspot.com/abc/s1600/ridge.jpg");
    assertThat(
            anonymous().get("/api/redirects?path=/2010/07/the-ridge-" + run + ".html").text("slug"))
        .isEqualTo("the-ridge-" + run);
  }

  /** A Blogger post entry of the older export, its HTML escaped as Blogger writes it. */
  private static String entry(String number, String title, String address, String html) {
    return "<entry><id>tag:blogger.com,1999:blog-79.post-%s</id>".formatted(number)
        + "<published>2010-06-01T07:00:00.000Z</published>"
        + "<category scheme=\"http://schemas.google.com/g/2005#kind\""
        + " term=\"http://schemas.google.com/blogger/2008/kind#post\"/>"
        + "<link rel=\"alternate\" type=\"text/html\" href=\"%s\"/>".formatted(address)
        + "<title>%s</title><content type=\"html\">".formatted(title)
        + HtmlUtils.htmlEscape(html)
        + "</content></entry>";
  }

  /**
   * An old address no URI can carry (a raw space) leads nowhere; the post comes in all the same.
   */
  @Test
  void aPostWhoseOldAddressIsNoAddressComesInWithoutARedirect() {
    var imported =
        as("admin-1", "Ada Admin", "ADMIN")
            .postAs(
                "/api/imports/blogger",
                "application/atom+xml",
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                    + "<id>tag:blogger.com,1999:blog-78.post-1</id>"
                    + "<published>2010-05-01T07:00:00.000Z</published>"
                    + "<category scheme=\"http://schemas.google.com/g/2005#kind\""
                    + " term=\"http://schemas.google.com/blogger/2008/kind#post\"/>"
                    + "<link rel=\"alternate\" href=\"http://old.example/2010/05/a walk.html\"/>"
                    + "<title>A walk by the sea</title><content type=\"html\">Salt.</content>"
                    + "</entry></feed>");

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/a-walk-by-the-sea").text("bodyHtml")).contains("Salt.");
  }

  /** A post without its Blogger id could not be told apart on a second import: none is made. */
  @Test
  void aPostWithoutItsIdIsRefusedByNameAndNothingIsImported() {
    long before = posts.count();
    var withoutId =
        as("admin-1", "Ada Admin", "ADMIN")
            .postAs(
                "/api/imports/blogger",
                "application/atom+xml",
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
                    + "<category scheme=\"http://schemas.google.com/g/2005#kind\""
                    + " term=\"http://schemas.google.com/blogger/2008/kind#post\"/>"
                    + "<title>Lost its id</title><content type=\"html\">Hello</content></entry>"
                    + "</feed>");

    assertThat(withoutId.status()).as(withoutId.toString()).isEqualTo(422);
    assertThat(withoutId.header("Content-Type")).startsWith("application/problem+json");
    assertThat(withoutId.text("detail")).contains("\"Lost its id\"").contains("<id>");
    assertThat(posts.count()).isEqualTo(before);
  }
}
