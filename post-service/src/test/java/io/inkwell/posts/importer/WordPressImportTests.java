package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Posts;
import io.inkwell.testsupport.ApiClient;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class WordPressImportTests extends IntegrationTest {

  @Autowired private Posts posts;

  @Test
  void aWordPressExportBecomesPostsPagesAndDraftsWithTheirDatesTagsBylinesAndComments()
      throws IOException {
    String export = resource("/wordpress/export.xml");

    var first = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);
    var again = admin().postAs("/api/imports/wordpress", "application/xml", export);

    // two posts, the Japanese one, the About page and the draft; not the picture nor the trash
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().path("posts").asInt()).isEqualTo(5);
    assertThat(first.json().path("comments").asInt()).isEqualTo(2);
    assertThat(again.json().path("posts").asInt()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(5);

    var fog = api().get("/api/posts/fog-on-the-downs");
    assertThat(fog.status()).isEqualTo(200);
    assertThat(fog.text("title")).isEqualTo("Fog on the Downs");
    assertThat(Instant.parse(fog.text("publishedAt")))
        .isEqualTo(Instant.parse("2019-05-14T06:30:00Z"));
    assertThat(fog.json().path("tags").toString()).isEqualTo("[\"walks\",\"birds\"]");
    // "Walks" had its own slug on the old blog: its page there, /category/walking/, leads to it
    var oldTagPage = anonymous().get("/api/tags/walking");
    assertThat(oldTagPage.status()).isEqualTo(301);
    assertThat(oldTagPage.header("Location")).isEqualTo("/api/tags/walks");
    assertThat(fog.json().path("author").path("name").asString()).isEqualTo("Marta Ruiz");
    assertThat(fog.text("excerpt")).isEqualTo("A walk above the fog.");
    assertThat(fog.json().path("featured").asBoolean()).isTrue();
    // Yoast SEO's description; its title template and an address that is no web address stay
    assertThat(fog.text("metaDescription"))
        .isEqualTo("A dawn walk on the South Downs above a sea of fog, with the birds we saw.");
    assertThat(fog.json().has("metaTitle")).isFalse();
    assertThat(fog.json().has("canonicalUrl")).isFalse();
    assertThat(fog.json().path("commentsOpen").asBoolean()).isTrue();
    assertThat(fog.text("bodyHtml"))
        // WordPress's paragraphs and line breaks, which it adds only when it shows a post
        .contains(
            "<p>We left before dawn. The fog sat in the valleys<br>"
                + "\nand the ridge stood above it like a shore.</p>")
        .contains("<p>Back by *nine*, for breakfast.</p>")
        .contains(
            "<figure><a href=\"https://fieldnotes.example.org/wp-content/uploads/2019/05/ridge.jpg\"")
        .contains("<figcaption>The ridge at six</figcaption></figure>")
        .contains("alt=\"The ridge above the fog\"")
        .contains("<h2 id=\"h-what-we-saw\">What we saw</h2>")
        .contains("wind  calm\n\nfog   thick</pre>")
        .as("[gallery]: the pictures uploaded to the post, side by side")
        .contains(
            "<figure class=\"gallery\"><p><img"
                + " src=\"https://fieldnotes.example.org/wp-content/uploads/2019/05/ridge.jpg\""
                + " alt=\"The ridge above the fog\"")
        .as("[sourcecode]: a block of code in its language")
        .contains(
            "<pre><code class=\"language-python\">if fog and dawn:\n    walk()\n</code></pre>")
        .doesNotContain("[gallery", "[sourcecode", "[/sourcecode]")
        .doesNotContain("[caption")
        .doesNotStartWith("<figure>")
        .doesNotContain("<script")
        .doesNotContain("old plugin");

    var cafe = api().get("/api/posts/deja-vu-at-the-cafe");
    assertThat(cafe.text("bodyHtml"))
        .as("headed by its featured image, as WordPress themes show it")
        .startsWith(
            "<figure><img src=\"https://fieldnotes.example.org/wp-content/uploads/2019/05/ridge.jpg\""
                + " alt=\"The ridge above the fog\"")
        .contains("<p>The block editor keeps <strong>whole</strong> HTML.</p>")
        .contains("<figcaption>Flat white</figcaption>");
    assertThat(cafe.json().path("commentsOpen").asBoolean()).isFalse();
    assertThat(cafe.json().path("tags").size()).isZero();
    assertThat(cafe.json().path("author").path("name").asString()).isEqualTo("Tom Hale");
    assertThat(cafe.json().path("featured").asBoolean()).isFalse();

    var draft = posts.findAll().stream().filter(p -> p.title().equals("Notes for a winter walk"));
    assertThat(draft.findFirst().orElseThrow().status()).isEqualTo(PostStatus.DRAFT);
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Deleted thoughts"));
    assertThat(posts.findAll()).noneMatch(post -> post.title().equals("Ridge photo"));

    // the old addresses, with or without WordPress's trailing slash, lead to the new ones
    var moved = redirect("/2019/05/14/fog-on-the-downs/");
    assertThat(moved.status()).isEqualTo(200);
    assertThat(moved.text("url")).isEqualTo("http://localhost:8080/posts/fog-on-the-downs");
    assertThat(redirect("/2019/05/14/fog-on-the-downs").text("slug")).isEqualTo("fog-on-the-downs");
    var page = redirect("/about");
    assertThat(page.json().path("page").asBoolean()).isTrue();
    // "about", or "about-2" when another About page was here first
    assertThat(page.text("url")).isEqualTo("http://localhost:8080/pages/" + page.text("slug"));
    var about = api().get("/api/posts/" + page.text("slug"));
    assertThat(about.json().path("page").asBoolean()).isTrue();
    assertThat(about.text("bodyHtml"))
        .isEqualToIgnoringWhitespace("<p>I walk and write things down.</p>");
    var japanese = redirect("/2022/10/01/日本の散歩/");
    assertThat(japanese.status()).isEqualTo(200);
    assertThat(api().get("/api/posts/" + japanese.text("slug")).text("title")).isEqualTo("日本の散歩");
    // a draft's address leads nowhere, nor does one that never was
    assertThat(redirect("/?p=55").status()).isEqualTo(404);
    assertThat(redirect("/2019/05/14/never-was/").status()).isEqualTo(404);
    assertThat(redirect("/2019/05/14/never-was/").header("Content-Type"))
        .startsWith("application/problem+json");

    List<JsonNode> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> postEventsOf(fog.text("id")), found -> found.size() == 3);
    assertThat(events.get(0).path("type").asString()).isEqualTo("PostPublished");
    assertThat(events.get(0).path("imported").asBoolean()).isTrue();
    // the approved comment and its threaded answer; not the spam, not the pingback
    var question = events.get(1);
    var answer = events.get(2);
    assertThat(question.path("authorName").asString()).isEqualTo("Priya");
    assertThat(question.path("body").asString())
        .isEqualTo("<p>Lovely. <em>Which</em> path did you take?</p>\n\n<p>The chalk one?</p>");
    assertThat(question.path("postedAt").asString()).isEqualTo("2019-05-14T19:05:00Z");
    assertThat(answer.path("parentId").asString()).isEqualTo(question.path("commentId").asString());
  }

  @Test
  void aPostScheduledOnTheOldBlogComesOutHereAtItsTimeAndMailsItsSubscribers() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String site = "https://later-" + run + ".example";
    Instant soon = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.SECONDS);
    Instant past = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
    String export =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Later</title><link>%1$s</link><wp:wxr_version>1.2</wp:wxr_version>
        %2$s%3$s</channel></rss>"""
            .formatted(
                site,
                future(1, "Coming soon", "coming-soon-" + run, soon),
                future(2, "Missed its slot", "missed-" + run, past));

    var imported = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(2);
    var soonPost = api().get("/api/posts/coming-soon-" + run);
    assertThat(soonPost.text("status")).isEqualTo("SCHEDULED");
    assertThat(Instant.parse(soonPost.text("publishAt"))).isEqualTo(soon);
    assertThat(api().get("/api/posts/missed-" + run).text("status"))
        .as("a date that has passed does not publish it unasked")
        .isEqualTo("DRAFT");
    String id = soonPost.text("id");
    var published =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> postEventsOf(id), events -> !events.isEmpty())
            .get(0);
    assertThat(published.path("type").asString()).isEqualTo("PostPublished");
    assertThat(published.path("imported").asBoolean())
        .as("new when it comes out: its subscribers are mailed")
        .isFalse();
    assertThat(anonymous().get("/api/posts/" + id).status()).isEqualTo(200);
  }

  /**
   * WordPress shows a password-protected post to those who know its password only; this blog has no
   * such posts, so publishing one would show it to everyone.
   */
  @Test
  void aPostBehindAPasswordOnTheOldBlogComesInAsADraftThatNobodyReadsOrIsMailed() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant soon = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
    String export =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Family</title><link>https://family-%1$s.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <item><title>Our new address</title>
          <link>https://family-%1$s.example/2021/03/02/address-%1$s/</link>
          <content:encoded><![CDATA[We live at 4 Elm Row now.]]></content:encoded>
          <wp:post_id>1</wp:post_id><wp:post_date_gmt>2021-03-02 10:00:00</wp:post_date_gmt>
          <wp:post_name>address-%1$s</wp:post_name><wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type><wp:post_password>elm</wp:post_password>
          <wp:comment_status>open</wp:comment_status>
          <wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author>Gran</wp:comment_author>
            <wp:comment_date_gmt>2021-03-02 12:00:00</wp:comment_date_gmt>
            <wp:comment_content>See you there.</wp:comment_content>
            <wp:comment_approved>1</wp:comment_approved></wp:comment></item>
        %2$s</channel></rss>"""
            .formatted(run, future(2, "Party plans", "party-" + run, soon))
            .replace(
                "<wp:post_type>post</wp:post_type></item>",
                "<wp:post_type>post</wp:post_type><wp:post_password>cake</wp:post_password></item>");

    var imported = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(2);
    assertThat(imported.json().path("comments").asInt()).isZero();
    var address = admin().get("/api/posts/address-" + run);
    var party = admin().get("/api/posts/party-" + run);
    assertThat(address.text("status")).isEqualTo("DRAFT");
    assertThat(address.text("bodyHtml")).contains("4 Elm Row");
    assertThat(party.text("status")).isEqualTo("DRAFT");
    assertThat(anonymous().get("/api/posts/address-" + run).status()).isEqualTo(404);
    assertThat(redirect("/2021/03/02/address-" + run + "/").status()).isEqualTo(404);
    assertThat(party.json().has("publishAt")).as("not scheduled to come out by itself").isFalse();
    // nothing raised for subscribers, commenters or webhooks to hear of
    for (String id : List.of(address.text("id"), party.text("id"))) {
      assertThat(posts.findById(id).orElseThrow().outbox()).isEmpty();
      assertThat(postEventsOf(id)).isEmpty();
    }
  }

  /**
   * A post linking to another of the blog's pages at the old domain links to it here (the old path,
   * which leads to it); its uploads stay at the old address, where an import copies them from.
   */
  @Test
  void linksToTheOldBlogsOwnPagesLeadToThemHereAndItsUploadsStay() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String site = "https://walks-" + run + ".example";
    String html =
        ("<p><a href=\"%1$s/2019/05/14/ridge-%2$s/\">the ridge</a>,"
                + " <a href=\"http://www.walks-%2$s.example/?p=2\">again</a>,"
                + " <a href=\"%1$s/wp-content/uploads/2019/05/route.pdf\">the route</a>,"
                + " <a href=\"https://elsewhere.example/2019/05/14/ridge-%2$s/\">theirs</a></p>")
            .formatted(site, run);
    String export =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Walks</title><link>%1$s</link><wp:wxr_version>1.2</wp:wxr_version>
        <wp:base_site_url>%1$s</wp:base_site_url>
        <item><title>Valley %2$s</title><link>%1$s/2019/05/13/valley-%2$s/</link>
          <content:encoded><![CDATA[%3$s]]></content:encoded>
          <wp:post_id>1</wp:post_id><wp:post_date_gmt>2019-05-13 08:00:00</wp:post_date_gmt>
          <wp:post_name>valley-%2$s</wp:post_name><wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type></item>
        <item><title>Ridge %2$s</title><link>%1$s/2019/05/14/ridge-%2$s/</link>
          <content:encoded><![CDATA[Up high.]]></content:encoded>
          <wp:post_id>2</wp:post_id><wp:post_date_gmt>2019-05-14 08:00:00</wp:post_date_gmt>
          <wp:post_name>ridge-%2$s</wp:post_name><wp:status>publish</wp:status>
          <wp:post_type>post</wp:post_type></item>
        </channel></rss>"""
            .formatted(site, run, html);

    var imported = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(2);
    var valley = api().get("/api/posts/valley-" + run);
    assertThat(org.jsoup.Jsoup.parse(valley.text("bodyHtml")).select("a").eachAttr("href"))
        .containsExactly(
            "/2019/05/14/ridge-" + run + "/",
            "/?p=2",
            site + "/wp-content/uploads/2019/05/route.pdf",
            "https://elsewhere.example/2019/05/14/ridge-" + run + "/");
    assertThat(redirect("/2019/05/14/ridge-" + run + "/").text("slug")).isEqualTo("ridge-" + run);
  }

  /** A WordPress item waiting for its date ("future"). */
  private static String future(int number, String title, String name, Instant at) {
    String date = at.toString().replace("T", " ").replace("Z", "");
    return """
        <item><title>%1$s</title>
          <content:encoded><![CDATA[Words.]]></content:encoded>
          <wp:post_id>%2$d</wp:post_id><wp:post_date_gmt>%3$s</wp:post_date_gmt>
          <wp:post_name>%4$s</wp:post_name><wp:status>future</wp:status>
          <wp:post_type>post</wp:post_type></item>
        """
        .formatted(title, number, date, name);
  }

  /**
   * WordPress takes a title or a tag of any length, and any number of tags; the editor here does
   * not. An imported post is cut to what the editor takes, so that it can be saved again.
   */
  @Test
  void aTitleOrTagsBeyondWhatTheEditorTakesAreCutSoThePostCanBeSavedAgain() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String title = "Many words about trams ".repeat(20).strip();
    var categories = new StringBuilder();
    for (int i = 0; i < 40; i++) {
      categories.append(
          "<category domain=\"post_tag\" nicename=\"t%d\"><![CDATA[t%d]]></category>"
              .formatted(i, i));
    }
    categories.append(
        "<category domain=\"post_tag\" nicename=\"l\"><![CDATA["
            + "long ".repeat(30)
            + "]]></category>");
    String export =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Long</title><link>https://long-%1$s.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <item><title>%2$s</title><content:encoded><![CDATA[Words.]]></content:encoded>
          <wp:post_id>1</wp:post_id><wp:post_name>long-%1$s</wp:post_name>
          <wp:status>draft</wp:status><wp:post_type>post</wp:post_type>%3$s</item>
        </channel></rss>"""
            .formatted(run, title, categories);

    var imported = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);

    assertThat(imported.json().path("posts").asInt()).as(imported.toString()).isEqualTo(1);
    var post = admin().get("/api/posts/long-" + run);
    assertThat(post.text("title")).hasSizeLessThanOrEqualTo(300).endsWith("trams…");
    assertThat(title).startsWith(post.text("title").replace("…", ""));
    var tags = new ArrayList<String>();
    post.json().path("tags").forEach(tag -> tags.add(tag.asString()));
    assertThat(tags).hasSize(30).allSatisfy(tag -> assertThat(tag).hasSizeLessThanOrEqualTo(50));
    var saved =
        admin()
            .put(
                "/api/posts/" + post.text("id"),
                ApiClient.json(
                    Map.of("title", post.text("title"), "body", "Words, again.", "tags", tags)),
                "If-Match",
                post.header("ETag"));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
  }

  /**
   * A blog of some years is an export of megabytes, much of it what the import leaves behind (its
   * uploads' sizes and settings, menus): it is taken up to the limit for exports (20 MB, 8 MB in
   * these tests), above the gateway's other uploads (6 MB), as it is read as it arrives, and one
   * beyond the limit is refused, nothing of it imported.
   */
  @Test
  void anExportOfSomeMegabytesIsImportedAndOneBeyondTheLimitIsRefused() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var items = new StringBuilder();
    String paragraphs = "<p>The tram climbed the hill slowly, as it does every morning.</p>\n";
    for (int i = 0; i < 36; i++) {
      items.append(
          """
          <item><title>Tram diary %2$d</title>
            <content:encoded><![CDATA[%3$s]]></content:encoded>
            <wp:post_id>%2$d</wp:post_id><wp:post_name>tram-diary-%1$s-%2$d</wp:post_name>
            <wp:post_date_gmt>2015-03-01 08:00:00</wp:post_date_gmt>
            <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
          """
              .formatted(run, i, paragraphs.repeat(1_300)));
    }
    String sizes =
        "a:4:{s:5:\"width\";i:1600;s:6:\"height\";i:1200;s:4:\"file\";s:8:\"tram.jpg\";}";
    for (int i = 100; i < 1_600; i++) {
      items.append(
          """
          <item><title>tram-%2$d</title><wp:post_id>%2$d</wp:post_id>
            <wp:post_type>attachment</wp:post_type><wp:post_parent>0</wp:post_parent>
            <wp:attachment_url>https://trams-%1$s.example/wp-content/uploads/tram-%2$d.jpg</wp:attachment_url>
            <wp:postmeta><wp:meta_key>_wp_attachment_metadata</wp:meta_key>
              <wp:meta_value><![CDATA[%3$s]]></wp:meta_value></wp:postmeta></item>
          <item><title>Menu %2$d</title><wp:post_id>%2$d0</wp:post_id>
            <wp:post_type>nav_menu_item</wp:post_type><wp:status>publish</wp:status></item>
          """
              .formatted(run, i, sizes.repeat(24)));
    }
    String export =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Trams</title><link>https://trams-%1$s.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>%2$s</channel></rss>"""
            .formatted(run, items);
    String tooLarge =
        export
            .replace("tram-diary-" + run, "crowded-tram-diary-" + run)
            .replace("</channel>", "<!--" + "x".repeat(2_500_000) + "--></channel>");

    var imported = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);
    var refused = admin().postAs("/api/imports/wordpress", "application/rss+xml", tooLarge);

    assertThat(export.length()).as("more than other uploads").isGreaterThan(6 * 1024 * 1024);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(36);
    assertThat(anonymous().get("/api/posts/tram-diary-" + run + "-35").text("bodyHtml"))
        .contains("The tram climbed the hill slowly");
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(refused.text("detail"))
        .isEqualTo("The file is larger than the 8 MB an import takes.");
    assertThat(anonymous().get("/api/posts/crowded-tram-diary-" + run + "-0").status())
        .isEqualTo(404);
  }

  /**
   * WordPress.com hands its export over in a zip archive, a large site's as several files: the
   * archive as it came is imported with the posts of each, and one without an export is refused.
   */
  @Test
  void wordPressComsArchiveIsImportedWithEachOfItsFiles() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String part =
        """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Trams</title><link>https://trams%1$s.wordpress.com</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <item><title>Tram %2$s</title>
          <content:encoded><![CDATA[<p>Part %2$s of the diary.</p>
            <p><a href="https://trams%1$s.wordpress.com/2016/04/0%3$s/tram-%1$s-%3$s/">Part %3$s</a></p>]]>
          </content:encoded>
          <wp:post_id>%2$s</wp:post_id><wp:post_name>tram-%1$s-%2$s</wp:post_name>
          <wp:post_date_gmt>2016-04-0%2$s 08:00:00</wp:post_date_gmt>
          <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
        </channel></rss>""";
    byte[] archive =
        Archives.zip(
            Map.of(
                "trams.wordpress.2026-12-04.001.xml",
                part.formatted(run, "1", "2").getBytes(StandardCharsets.UTF_8),
                "trams.wordpress.2026-12-04.002.xml",
                part.formatted(run, "2", "1").getBytes(StandardCharsets.UTF_8),
                "__MACOSX/._trams.wordpress.2026-12-04.001.xml",
                new byte[] {0, 5, 22, 7}));
    byte[] mediaOnly = Archives.zip(Map.of("uploads/2016/04/tram.jpg", new byte[] {1, 2, 3}));

    var imported = admin().postAs("/api/imports/wordpress", "application/zip", archive);
    var noExport = admin().postAs("/api/imports/wordpress", "application/zip", mediaOnly);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(2);
    assertThat(anonymous().get("/api/posts/tram-" + run + "-1").text("bodyHtml"))
        .contains("Part 1 of the diary.");
    assertThat(anonymous().get("/api/posts/tram-" + run + "-2").text("bodyHtml"))
        .contains("Part 2 of the diary.");
    // a link to a post of the other file leads to it here, as one within the file does
    assertThat(anonymous().get("/api/posts/tram-" + run + "-1").text("bodyHtml"))
        .contains("href=\"/2016/04/02/tram-" + run + "-2/\"");
    assertThat(anonymous().get("/api/posts/tram-" + run + "-2").text("bodyHtml"))
        .contains("href=\"/2016/04/01/tram-" + run + "-1/\"");
    assertThat(noExport.status()).isEqualTo(422);
    assertThat(noExport.text("detail")).contains("no WordPress export");
  }

  /**
   * A plugin that prints a blank line on every page puts it ahead of the export too, and a file
   * saved again in Notepad starts with a byte-order mark: WordPress's importer takes such a file,
   * and so does this one.
   */
  @Test
  void anExportWithAByteOrderMarkOrBlankLinesBeforeItIsImported() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String export =
        """
        <?xml version="1.0" encoding="UTF-8" ?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Trams</title><link>https://trams-%1$s.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>
        <item><title>Stray line %1$s</title>
          <content:encoded><![CDATA[<p>Imported all the same.</p>]]></content:encoded>
          <wp:post_id>1</wp:post_id><wp:post_name>stray-line-%1$s</wp:post_name>
          <wp:post_date_gmt>2016-04-01 08:00:00</wp:post_date_gmt>
          <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
        </channel></rss>"""
            .formatted(run);

    var imported =
        admin().postAs("/api/imports/wordpress", "application/rss+xml", "\uFEFF\n\n" + export);

    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    assertThat(imported.json().path("posts").asInt()).isEqualTo(1);
    assertThat(anonymous().get("/api/posts/stray-line-" + run).text("bodyHtml"))
        .contains("Imported all the same.");
  }

  @Test
  void somethingThatIsNotAWordPressExportIsRefusedAndNothingIsImported() {
    long before = posts.count();
    var notXml = admin().postAs("/api/imports/wordpress", "application/xml", "not xml at all");
    var plainRss =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/rss+xml",
                "<rss version='2.0'><channel><title>A feed</title><item><title>x</title></item>"
                    + "</channel></rss>");
    var doctype =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                    + "<rss><channel><title>&x;</title></channel></rss>");
    var json = admin().post("/api/imports/wordpress", "{}");
    var author =
        as("author-1", "Ann Author", "AUTHOR")
            .postAs("/api/imports/wordpress", "application/xml", "<rss/>");

    assertThat(notXml.status()).isEqualTo(422);
    assertThat(notXml.header("Content-Type")).startsWith("application/problem+json");
    assertThat(plainRss.status()).isEqualTo(422);
    assertThat(plainRss.text("detail")).contains("WordPress");
    assertThat(doctype.status()).isEqualTo(422);
    assertThat(doctype.raw().body()).doesNotContain("root:");
    assertThat(json.status()).isEqualTo(415);
    assertThat(author.status()).isEqualTo(403);
    assertThat(posts.count()).isEqualTo(before);
  }

  private ApiClient.Response redirect(String oldPath) {
    return anonymous()
        .get("/api/redirects?path=" + URLEncoder.encode(oldPath, StandardCharsets.UTF_8));
  }
}
