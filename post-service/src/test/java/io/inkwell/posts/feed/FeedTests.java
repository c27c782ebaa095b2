package io.inkwell.posts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class FeedTests extends IntegrationTest {

  @Autowired private MongoTemplate mongo;

  @Test
  void atomAndRssCarryTheNewestPublishedPostsWithAbsoluteLinksAndDates() throws Exception {
    String tag = "feed-" + UUID.randomUUID().toString().substring(0, 8);
    var older = publish("Older post", tag);
    publish("Newer & <better> post", tag);
    create("Draft post", tag);

    for (String path :
        List.of(
            "/feed.atom",
            "/feed.rss",
            "/tags/" + tag + "/feed.atom",
            "/tags/" + tag + "/feed.rss")) {
      var response = api().get(path);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.header("Content-Type"))
          .startsWith(path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml");
      SyndFeed feed = new SyndFeedInput().build(new StringReader(response.raw().body()));
      List<String> titles = feed.getEntries().stream().map(SyndEntry::getTitle).toList();
      assertThat(titles).as(path).containsSubsequence("Newer & <better> post", "Older post");
      assertThat(titles).doesNotContain("Draft post");
      SyndEntry entry =
          feed.getEntries().stream()
              .filter(e -> e.getTitle().equals("Older post"))
              .findFirst()
              .orElseThrow();
      assertThat(entry.getLink()).isEqualTo("http://localhost:8080/posts/" + older.get("slug"));
      // RSS dates (RFC 822) carry whole seconds.
      assertThat(entry.getPublishedDate().toInstant())
          .isEqualTo(Instant.parse(older.get("publishedAt")).truncatedTo(ChronoUnit.SECONDS));
      if (path.startsWith("/tags/")) {
        assertThat(titles).hasSize(2);
      }
    }
  }

  @Test
  void feedReadersFindWhereToCommentOnAPostAndItsCommentFeedWhileCommentsAreOpen()
      throws Exception {
    String tag = "talk-" + UUID.randomUUID().toString().substring(0, 8);
    var open = publish("Open for comments", tag);
    var closed =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "No comments here",
                        "body",
                        "b",
                        "tags",
                        List.of(tag),
                        "commentsOpen",
                        false)));
    api().post("/api/posts/" + closed.text("id") + "/publish", "");
    String postUrl = "http://localhost:8080/posts/" + open.get("slug");

    var rss = api().get("/tags/" + tag + "/feed.rss").raw().body();
    SyndFeed rssFeed = new SyndFeedInput().build(new StringReader(rss));
    assertThat(entry(rssFeed, "Open for comments").getComments()).isEqualTo(postUrl + "#comments");
    assertThat(rss).contains("<wfw:commentRss>" + postUrl + "/comments.rss</wfw:commentRss>");
    assertThat(entry(rssFeed, "No comments here").getComments()).isNull();

    var atom =
        new SyndFeedInput()
            .build(new StringReader(api().get("/tags/" + tag + "/feed.atom").raw().body()));
    var links = entry(atom, "Open for comments").getLinks();
    assertThat(entry(atom, "Open for comments").getLink()).isEqualTo(postUrl);
    assertThat(links)
        .filteredOn(link -> "replies".equals(link.getRel()))
        .extracting(link -> link.getType() + " " + link.getHref())
        .containsExactlyInAnyOrder(
            "text/html " + postUrl + "#comments",
            "application/atom+xml " + postUrl + "/comments.atom");
    assertThat(entry(atom, "No comments here").getLinks())
        .noneMatch(link -> "replies".equals(link.getRel()));
  }

  private static SyndEntry entry(SyndFeed feed, String title) {
    return feed.getEntries().stream()
        .filter(entry -> entry.getTitle().equals(title))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void picturesAndLinksWithinTheBlogHaveFullAddressesInTheFeed() throws Exception {
    String tag = "pictures-" + UUID.randomUUID().toString().substring(0, 8);
    var wide = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(
        new java.awt.image.BufferedImage(900, 20, java.awt.image.BufferedImage.TYPE_INT_RGB),
        "jpg",
        wide);
    var photo = api().upload("/api/images", "file", "wide.jpg", "image/jpeg", wide.toByteArray());
    String id =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "With a picture",
                        "body",
                        "![tram](/api/images/0123abcd.png) See [about](/pages/about)"
                            + " or [elsewhere](https://example.org/x).\n\n"
                            + photo.text("markdown"),
                        "tags",
                        List.of(tag))))
            .text("id");
    api().post("/api/posts/" + id + "/publish", "");
    assertThat(api().get("/api/posts/" + id).text("bodyHtml")).contains("srcset=");

    for (String path : List.of("/tags/" + tag + "/feed.atom", "/tags/" + tag + "/feed.rss")) {
      SyndFeed feed =
          new SyndFeedInput().build(new StringReader(anonymous().get(path).raw().body()));
      String html = feed.getEntries().get(0).getContents().get(0).getValue();
      assertThat(html)
          .as(path)
          .contains("src=\"http://localhost:8080/api/images/0123abcd.png\"")
          .contains("href=\"http://localhost:8080/pages/about\"")
          .contains("href=\"https://example.org/x\"")
          .contains("src=\"http://localhost:8080" + photo.text("url") + "\"")
          .as("feed readers show the picture itself, as wide as they show it")
          .doesNotContain("srcset", "sizes=");
    }
  }

  /** A feed reader that shows no frame still leads to the video: a link under its player. */
  @Test
  void aVideoInTheFeedHasALinkToItsPageUnderItsPlayer() throws Exception {
    String tag = "videos-" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        publishedInTag(
            tag, "With a video", "The ride:\n\nhttps://youtu.be/dQw4w9WgXcQ?t=42\n\nThe end.");

    var html = firstEntryOf("/tags/" + tag + "/feed.atom");

    assertThat(html.select("figure.embed > iframe").attr("src"))
        .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42");
    var link = html.selectFirst("figure.embed + p > a");
    assertThat(link).as(html.body().html()).isNotNull();
    assertThat(link.attr("href")).isEqualTo("https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s");
    assertThat(api().get("/api/posts/" + id).text("bodyHtml"))
        .as("the post itself has the player only")
        .doesNotContain("youtube.com/watch");
  }

  /**
   * Feed readers take a page's boxes out of what they show: a task list's boxes reach them as ☑ and
   * ☐, so that what was done still shows.
   */
  @Test
  void aTaskListInTheFeedSaysWhichTasksAreDone() throws Exception {
    String tag = "tasks-" + UUID.randomUUID().toString().substring(0, 8);
    String id = publishedInTag(tag, "Packing", "- [x] passport\n- [ ] sun cream");

    var html = firstEntryOf("/tags/" + tag + "/feed.rss");

    assertThat(html.select("li").eachText()).containsExactly("☑ passport", "☐ sun cream");
    assertThat(html.select("input")).isEmpty();
    assertThat(api().get("/api/posts/" + id).text("bodyHtml"))
        .as("the post itself has its boxes")
        .contains("<input type=\"checkbox\"");
  }

  /**
   * Feed readers drop a page's classes, and with them a callout's box: each reaches them as a quote
   * headed by its title in bold, its author's own or else its kind's name in the blog's language.
   */
  @Test
  void aCalloutInTheFeedIsAQuoteHeadedByItsNameInTheBlogsLanguage() throws Exception {
    String tag = "callouts-" + UUID.randomUUID().toString().substring(0, 8);
    publishedInTag(
        tag,
        "Lisbon by tram",
        "> [!TIP] Pack *light*\n> One bag will do.\n\n> [!WARNING]\n> Mind the gap.");
    String feed = "/tags/" + tag + "/feed.atom";

    var html = firstEntryOf(feed);

    assertThat(html.select("blockquote")).hasSize(2);
    assertThat(html.select("blockquote").first().select("p").eachText())
        .containsExactly("Pack light", "One bag will do.");
    assertThat(html.select("blockquote > p > strong em").text()).isEqualTo("light");
    assertThat(html.select("blockquote").last().select("p").eachText())
        .containsExactly("Warning", "Mind the gap.");
    assertThat(html.select("blockquote").last().select("strong").text()).isEqualTo("Warning");
    assertThat(html.select("div, [class], [role]")).isEmpty();

    var site = anonymous().get("/api/site");
    try {
      assertThat(withSetting(site, "language", "de").status()).isEqualTo(200);
      assertThat(firstEntryOf(feed).select("blockquote strong").eachText())
          .containsExactly("Pack light", "Warnung");
    } finally {
      withSetting(site, "language", site.text("language"));
    }
  }

  /**
   * WordPress's "For each post in a feed, include: Excerpt", Blogger's "Short" feed: feed readers
   * show each post's excerpt, and its readers read on at the post's page.
   */
  @Test
  void aBlogWhoseFeedsCarryExcerptsGivesEachEntryItsExcerptAndNotThePost() throws Exception {
    String tag = "short-" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        publishedInTag(
            tag,
            Map.of(
                "title",
                "A long walk",
                "body",
                "We set out at dawn.\n\nWhat only the post's page tells.",
                "excerpt",
                "Twenty miles in a day."));
    String slug = api().get("/api/posts/" + id).text("slug");
    var site = anonymous().get("/api/site");
    assertThat(site.text("feedContent"))
        .as("the whole post, unless an admin chose")
        .isEqualTo("FULL");

    try {
      var excerpts = withSetting(site, "feedContent", "EXCERPT");
      var nonsense = withSetting(site, "feedContent", "SOMETIMES");

      assertThat(excerpts.status()).as(excerpts.toString()).isEqualTo(200);
      assertThat(excerpts.text("feedContent")).isEqualTo("EXCERPT");
      assertThat(nonsense.status()).isEqualTo(400);
      assertThat(nonsense.text("detail")).contains("FULL").contains("EXCERPT");
      assertThat(anonymous().get("/api/site").text("feedContent")).isEqualTo("EXCERPT");
      for (String path : List.of("/tags/" + tag + "/feed.atom", "/tags/" + tag + "/feed.rss")) {
        String body = anonymous().get(path).raw().body();
        SyndEntry entry = new SyndFeedInput().build(new StringReader(body)).getEntries().get(0);
        assertThat(entry.getDescription().getValue()).as(path).isEqualTo("Twenty miles in a day.");
        assertThat(entry.getContents()).as(path).isEmpty();
        assertThat(entry.getLink()).isEqualTo("http://localhost:8080/posts/" + slug);
        assertThat(body).as(path).doesNotContain("only the post").doesNotContain("We set out");
      }
    } finally {
      withSetting(site, "feedContent", "FULL");
    }
    assertThat(firstEntryOf("/tags/" + tag + "/feed.atom").text())
        .contains("We set out at dawn.")
        .contains("What only the post's page tells.");
  }

  /** The blog's site settings as they are, with one of them set to the given value. */
  private ApiClient.Response withSetting(ApiClient.Response site, String name, String value) {
    return admin()
        .put(
            "/api/site",
            ApiClient.json(
                Map.of(
                    "title",
                    site.text("title"),
                    "description",
                    site.json().path("description").asString(""),
                    name,
                    value)));
  }

  /** Publishes a post with the one tag, and answers its id. */
  private String publishedInTag(String tag, String title, String body) {
    return publishedInTag(tag, Map.of("title", title, "body", body));
  }

  /** Publishes a post of these fields with the one tag, and answers its id. */
  private String publishedInTag(String tag, Map<String, Object> fields) {
    var post = new java.util.HashMap<>(fields);
    post.put("tags", List.of(tag));
    String id = api().post("/api/posts", ApiClient.json(post)).text("id");
    api().post("/api/posts/" + id + "/publish", "");
    return id;
  }

  /** The HTML of the newest entry of a feed, as a feed reader reads it with ROME. */
  private org.jsoup.nodes.Document firstEntryOf(String feedPath) throws Exception {
    SyndFeed feed =
        new SyndFeedInput().build(new StringReader(anonymous().get(feedPath).raw().body()));
    return org.jsoup.Jsoup.parseBodyFragment(
        feed.getEntries().get(0).getContents().get(0).getValue());
  }

  @Test
  void eachAuthorHasAFeedOfTheirOwnPosts() throws Exception {
    String grace = "grace-" + UUID.randomUUID();
    var writer = as(grace, "Grace Hopper", "AUTHOR");
    String id =
        writer
            .post("/api/posts", ApiClient.json(Map.of("title", "Grace writes", "body", "Body")))
            .text("id");
    writer.post("/api/posts/" + id + "/publish", "");
    publish("Someone else's", "other");

    for (String path :
        List.of("/authors/" + grace + "/feed.atom", "/authors/" + grace + "/feed.rss")) {
      var response = anonymous().get(path);
      assertThat(response.status()).as(path).isEqualTo(200);
      SyndFeed feed = new SyndFeedInput().build(new StringReader(response.raw().body()));
      assertThat(feed.getTitle()).endsWith("Grace Hopper");
      assertThat(feed.getEntries()).extracting(SyndEntry::getTitle).containsExactly("Grace writes");
      // the author's page is the feed's link (Atom's alternate, RSS's <link>)
      assertThat(response.raw().body())
          .containsPattern("http://localhost:8080/authors/" + grace + "[\"<]");
      assertThat(anonymous().get(path, "If-None-Match", response.header("ETag")).status())
          .as("a feed reader asking again is told nothing changed")
          .isEqualTo(304);
    }
  }

  /**
   * As their pages are: a tag nobody uses or describes and an author the blog does not know have no
   * feed, rather than an empty one a feed reader would keep asking for; a described tag without
   * posts yet has an empty one.
   */
  @Test
  void unknownTagsAndAuthorsHaveNoFeed() throws Exception {
    String unknown = "nobody-" + UUID.randomUUID();
    for (String path :
        List.of(
            "/tags/" + unknown + "/feed.atom",
            "/tags/" + unknown + "/feed.rss",
            "/authors/" + unknown + "/feed.atom",
            "/authors/" + unknown + "/feed.rss")) {
      var response = anonymous().get(path);
      assertThat(response.status()).as(path).isEqualTo(404);
      assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    String described = "soon-" + UUID.randomUUID().toString().substring(0, 8);
    assertThat(
            api()
                .put(
                    "/api/tags/" + described,
                    ApiClient.json(Map.of("description", "Posts to come.")))
                .status())
        .isEqualTo(200);
    var response = anonymous().get("/tags/" + described + "/feed.atom");
    assertThat(response.status()).isEqualTo(200);
    assertThat(new SyndFeedInput().build(new StringReader(response.raw().body())).getEntries())
        .isEmpty();
  }

  /** Text stored before it was cleaned where it arrives (ADR 15) is cleaned as it is written. */
  @Test
  void aPostStoredWithAControlCharacterDoesNotBreakTheFeed() throws Exception {
    String tag = "stored-" + UUID.randomUUID().toString().substring(0, 8);
    var post = publish("Stored before", tag);
    mongo.updateFirst(
        Query.query(Criteria.where("slug").is(post.get("slug"))),
        new Update().set("title", "Stored\u0000before").set("excerpt", "Half \ud800"),
        "posts");

    for (String path : List.of("/tags/" + tag + "/feed.atom", "/tags/" + tag + "/feed.rss")) {
      var response = anonymous().get(path);
      assertThat(response.status()).as(path).isEqualTo(200);
      SyndEntry entry =
          new SyndFeedInput().build(new StringReader(response.raw().body())).getEntries().get(0);
      assertThat(entry.getTitle()).isEqualTo("Stored before");
      assertThat(entry.getDescription().getValue()).isEqualTo("Half \uFFFD");
    }
  }

  private Map<String, String> publish(String title, String tag) {
    String id = create(title, tag);
    var published = api().post("/api/posts/" + id + "/publish", "");
    return Map.of("slug", published.text("slug"), "publishedAt", published.text("publishedAt"));
  }

  private String create(String title, String tag) {
    return api()
        .post(
            "/api/posts",
            ApiClient.json(Map.of("title", title, "body", "Body", "tags", List.of(tag))))
        .text("id");
  }
}
