package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reader site as a browser without JavaScript uses it, through the gateway of the running
 * platform: pages parsed as HTML, forms sent as forms, redirects followed, a session cookie kept.
 */
class ReaderSiteTests {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern TOKEN =
      Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
  private static final Pattern NEVER =
      Pattern.compile("never\\?token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
  private static final Pattern MANAGE =
      Pattern.compile("preferences\\?token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  private static LocalStack stack;

  private final SiteBrowser browser = new SiteBrowser(stack);

  @BeforeAll
  static void importTheOldBlog() throws Exception {
    stack = TestStack.get();
    var credentials = stack.credentials();
    String gateway = stack.gatewayUrl();
    String owner =
        new SignIn(gateway)
            .person(
                "inkwell-web",
                gateway + "/login/oauth2/code/inkwell",
                credentials.ownerEmail(),
                credentials.ownerPassword());
    var imported =
        new ApiClient(gateway)
            .withToken(owner)
            .postAs(
                "/api/imports/blogger",
                "application/atom+xml",
                Files.readString(Path.of("../post-service/src/test/resources/blogger/export.xml")));
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
    var sample =
        new ApiClient(gateway)
            .withToken(owner)
            .postAs("/api/imports/blogger", "application/atom+xml", SamplePost.export());
    assertThat(sample.status()).as(sample.toString()).isEqualTo(200);
  }

  /**
   * The post Inkwell must host well: an old Blogger post (../shared/samples), its date, title, long
   * paragraphs and "No comments", as a Blogger export of one post.
   */
  private static final class SamplePost {

    static List<String> lines() throws Exception {
      return Files.readAllLines(Path.of("src/test/resources/samples/blogger-post-wpc-wrap.txt"))
          .stream()
          .map(String::strip)
          .filter(line -> !line.isEmpty())
          .toList();
    }

    static String date() throws Exception {
      return lines().get(0);
    }

    static String title() throws Exception {
      return lines().get(1);
    }

    static List<String> paragraphs() throws Exception {
      var lines = lines();
      return lines.subList(2, lines.size()).stream()
          .filter(line -> !line.equals("No comments:"))
          .toList();
    }

    static String export() throws Exception {
      String body =
          paragraphs().stream()
              .map(p -> "<p>" + org.springframework.web.util.HtmlUtils.htmlEscape(p) + "</p>")
              .collect(Collectors.joining());
      // Saturday, July 18, 2009, in the afternoon (the blog shows days in UTC)
      return """
          <?xml version='1.0' encoding='UTF-8'?>
          <feed xmlns='http://www.w3.org/2005/Atom'>
            <id>tag:blogger.com,1999:blog-2009071800</id>
            <title type='text'>Partner notes</title>
            <entry>
              <id>tag:blogger.com,1999:blog-2009071800.post-1</id>
              <published>2009-07-18T09:15:00.000-07:00</published>
              <updated>2009-07-18T09:15:00.000-07:00</updated>
              <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
              <category scheme='http://www.blogger.com/atom/ns#' term='WPC'/>
              <title type='text'>%s</title>
              <content type='html'>%s</content>
              <link rel='alternate' type='text/html' href='http://partner-notes.blogspot.com/2009/07/wpc-wrap-2009.html'/>
              <author><name>Dave</name></author>
            </entry>
          </feed>
          """
          .formatted(
              org.springframework.web.util.HtmlUtils.htmlEscape(title()),
              org.springframework.web.util.HtmlUtils.htmlEscape(body));
    }
  }

  @Test
  void anAboutPageIsInEveryPagesMenuAndInNoListOfPosts() throws Exception {
    var bot = new ApiClient(stack.gatewayUrl()).withToken(TestStack.integrationToken());
    String title = "About " + UUID.randomUUID().toString().substring(0, 8);
    var created =
        bot.post(
            "/api/posts",
            ApiClient.json(
                Map.of("title", title, "body", "Who writes here, and why.", "page", true)));
    String slug = created.text("slug");
    bot.post("/api/posts/" + created.text("id") + "/publish", "");

    // the menu is asked of the API at most every 30 seconds
    Document home =
        await()
            .atMost(PATIENCE)
            .until(() -> page("/"), p -> p.select("header nav a").eachText().contains(title));
    assertThat(home.select("header nav a:contains(" + title + ")").attr("href"))
        .isEqualTo("/pages/" + slug);
    assertThat(home.select("article.card h2").eachText()).doesNotContain(title);

    Document about = page("/pages/" + slug);
    assertThat(about.select("article h1").text()).isEqualTo(title);
    assertThat(about.select("article .body").text()).isEqualTo("Who writes here, and why.");
    assertThat(about.select("article .date, #comments, nav.post-pager")).isEmpty();
    assertThat(get("/posts/" + slug).uri().getPath()).isEqualTo("/pages/" + slug);
    assertThat(browser.sitemapAddresses()).contains(stack.gatewayUrl() + "/pages/" + slug);
    assertThat(get("/feed.atom").body()).doesNotContain(title);
    // Blogger kept its pages at /p/{name}.html: a link to the old blog's page leads to it here
    assertThat(get("/p/write-to-jo.html").uri().getPath()).isEqualTo("/pages/write-to-jo");
  }

  @Test
  void theSampleBloggerPostReadsInFullWithItsDateParagraphsAndNoComments() throws Exception {
    var response = get("/posts/wpc-wrap-2009");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body().strip()).as("the whole page arrives").endsWith("</html>");
    assertThat(response.headers().allValues("Set-Cookie")).as("a reader gets no session").isEmpty();
    Document post = Jsoup.parse(response.body());
    assertThat(post.select("article.post h1").text()).isEqualTo(SamplePost.title());
    assertThat(post.select("article.post .date").text()).isEqualTo(SamplePost.date());
    // 928 words at Ghost's 275 a minute
    assertThat(post.select("article.post .reading-time").text()).isEqualTo("4 min read");
    assertThat(post.select("article.post .body p").eachText())
        .containsExactlyElementsOf(SamplePost.paragraphs());
    assertThat(post.select("#comments-title").text()).isEqualTo("No comments");
    assertThat(post.select("article.post .tags a").eachText())
        .as("its Blogger label as Blogger showed it")
        .containsExactly("WPC");
    assertThat(post.select("article.post .tags a").attr("href")).isEqualTo("/tags/wpc");
    assertThat(post.select("form#comment-form").attr("action"))
        .isEqualTo("/posts/wpc-wrap-2009/comments");
    assertThat(post.select("form#comment-form input[name=_csrf]")).isEmpty();
  }

  /** A post the integration writes and publishes at once; its slug. */
  private String published(String title, String body) throws Exception {
    var bot = new ApiClient(stack.gatewayUrl()).withToken(TestStack.integrationToken());
    var created = bot.post("/api/posts", ApiClient.json(Map.of("title", title, "body", body)));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(bot.post("/api/posts/" + created.text("id") + "/publish", "").status())
        .isEqualTo(200);
    return created.text("slug");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return browser.get(path);
  }

  private Document page(String path) throws Exception {
    var response = get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    return Jsoup.parse(response.body(), stack.gatewayUrl() + path);
  }

  private HttpResponse<String> submit(String path, Map<String, String> fields) throws Exception {
    return browser.submit(path, fields);
  }

  @Test
  void readersBrowseTheArchiveByMonthAndWalkFromPostToNewerAndOlderPost() throws Exception {
    Document archive = page("/archive");
    assertThat(archive.select("a[href=/archive]")).as("reached from every page").isNotEmpty();
    var march =
        archive.select(".archive-year").stream()
            .filter(year -> year.select("h2").text().equals("2009"))
            .findFirst()
            .orElseThrow()
            .select("li")
            .stream()
            .filter(month -> month.select("a").text().equals("March"))
            .findFirst()
            .orElseThrow();
    assertThat(march.select(".count").text()).as("the draft is not counted").isEqualTo("2 posts");

    Document month = page(march.select("a").attr("href"));
    assertThat(month.select("h1").text()).isEqualTo("Posts of March 2009");
    assertThat(month.select("article.card h2").eachText())
        .containsSubsequence("Home again", "WPC wrap");
    assertThat(get("/archive/2009/13").statusCode()).isEqualTo(404);
    assertThat(get("/archive/1901/01").statusCode()).isEqualTo(404);

    Document wrap = page("/posts/wpc-wrap");
    var newer = wrap.select("nav.post-pager a.newer");
    assertThat(newer.text()).isEqualTo("Newer post Home again");
    Document home = page(newer.attr("href"));
    assertThat(home.select("article.post h1").text()).isEqualTo("Home again");
    assertThat(home.select("nav.post-pager a.older").attr("href")).isEqualTo("/posts/wpc-wrap");
  }

  @Test
  void theOldBloggerPostReadsWellWithItsDateParagraphsLabelsAndNoComments() throws Exception {
    Document home = page("/");
    var card =
        home.select("article.card").stream()
            .filter(article -> article.select("h2").text().equals("Home again"))
            .findFirst()
            .orElseThrow();
    // Blogger's published time (2009-03-15T18:05-07:00), shown in the blog's zone (UTC here)
    String published =
        java.time.format.DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", java.util.Locale.ENGLISH)
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.OffsetDateTime.parse("2009-03-15T18:05:00.000-07:00"));
    assertThat(card.select(".date").text()).isEqualToIgnoringCase(published);
    assertThat(card.select(".byline").text()).contains("No comments");

    Document post = page(card.select("h2 a").attr("href"));
    assertThat(post.title()).startsWith("Home again");
    assertThat(post.select("article.post .date").text()).isEqualToIgnoringCase(published);
    assertThat(post.select("article.post .body p")).isNotEmpty();
    assertThat(post.select("#comments-title").text()).isEqualTo("No comments");
    assertThat(post.select("article.post .tags a").eachText()).isNotEmpty();

    Document wrap = page("/posts/wpc-wrap");
    assertThat(wrap.select("#comments-title").text()).matches("\\d+ comments?");
    assertThat(wrap.select(".comment-body").text()).contains("Great summary");
    // Posted by the Blogger author, whose page gathers their imported posts.
    var byline = wrap.select("article.post .byline a");
    assertThat(byline.text()).isEqualTo("Jo");
    Document jo = page(java.net.URI.create(byline.attr("abs:href")).getPath());
    assertThat(jo.select("article.card h2").eachText()).contains("WPC wrap", "Home again");
    // and whose feed a reader can follow (found by feed readers in the page's head)
    String feed =
        jo.select("head link[rel=alternate][type=application/atom+xml]").last().attr("href");
    assertThat(feed).endsWith("/feed.atom").startsWith("/authors/");
    var entries = get(feed);
    assertThat(entries.statusCode()).isEqualTo(200);
    assertThat(entries.body()).contains("<title>WPC wrap</title>").contains("Home again");
    // Blogger's threaded reply stays a reply: Linus's answer is shown under Ada's comment.
    assertThat(wrap.select(".thread .thread .comment-body").text()).contains("Thanks for the");

    // A feed reader that followed the old blog's feed, and a link to a label's page, arrive here
    var oldFeed = get("/feeds/posts/default?alt=rss");
    assertThat(oldFeed.uri().getPath()).isEqualTo("/feed.rss");
    assertThat(oldFeed.body()).contains("<title>WPC wrap</title>");
    assertThat(get("/feeds/posts/default/-/Conferences").uri().getPath())
        .isEqualTo("/tags/conferences/feed.atom");
    Document label = page("/search/label/Conferences");
    assertThat(label.select("h1").text())
        .as("the label as Blogger showed it")
        .isEqualTo("Posts tagged “Conferences”");
  }

  @Test
  void everyPageSaysWhatItIsToSearchEnginesAndFeedReaders() throws Exception {
    Document post = page("/posts/wpc-wrap");

    assertThat(post.select("link[rel=canonical]").attr("href"))
        .isEqualTo(stack.gatewayUrl() + "/posts/wpc-wrap");
    assertThat(post.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(post.select("meta[property=og:title]").attr("content")).startsWith("WPC wrap");
    // the blog's feeds, its comments' and the post's comments'
    assertThat(post.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
        .containsExactly("/feed.atom", "/comments/feed.atom", "/posts/wpc-wrap/comments.atom");
    assertThat(post.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
        .containsExactly("/feed.rss", "/posts/wpc-wrap/comments.rss");
    var jsonLd =
        JsonMapper.builder()
            .build()
            .readTree(post.select("script[type=application/ld+json]").html());
    assertThat(jsonLd.path("@type").asString()).isEqualTo("BlogPosting");
    assertThat(jsonLd.path("headline").asString()).isEqualTo("WPC wrap");
    assertThat(jsonLd.path("datePublished").asString()).startsWith("2009-03-1");
    assertThat(post.select("main, header, footer, nav")).hasSizeGreaterThanOrEqualTo(4);
    assertThat(post.select("html").attr("lang")).isEqualTo("en");

    assertThat(browser.sitemapAddresses()).contains(stack.gatewayUrl() + "/posts/wpc-wrap");
    assertThat(get("/sitemap-posts-2009-03.xml").body())
        .as("a month's sitemap, of the month it was published in")
        .contains(stack.gatewayUrl() + "/posts/wpc-wrap");
    assertThat(get("/sitemap-posts-2009-02.xml").statusCode()).isEqualTo(404);
  }

  @Test
  void aPostOffersPlainLinksToShareItsAddress() throws Exception {
    Document post = page("/posts/wpc-wrap");
    String address = stack.gatewayUrl() + "/posts/wpc-wrap";

    var share = post.select("nav.share a");
    assertThat(share.eachText()).containsExactly("Email", "Bluesky", "X", "Facebook", "LinkedIn");
    for (var link : share) {
      String href = link.attr("href");
      String query = href.substring(href.indexOf('?') + 1);
      var fields = new java.util.HashMap<String, String>();
      for (String pair : query.split("&")) {
        String[] field = pair.split("=", 2);
        fields.put(field[0], URLDecoder.decode(field[1], StandardCharsets.UTF_8));
      }
      assertThat(String.join(" ", fields.values()))
          .as(link.text() + " carries the post's address")
          .contains(address);
    }
    assertThat(share.first().attr("href")).startsWith("mailto:?subject=WPC%20wrap");
    assertThat(post.select("nav.share script, script[src*=share]")).isEmpty();
  }

  @Test
  void aPostPageWithItsStylesheetAndScriptWeighsUnder100KbAndNothingBlocksRendering()
      throws Exception {
    var html = get("/posts/wpc-wrap");
    Document post = Jsoup.parse(html.body());
    long weight = html.body().length();
    for (var sheet : post.select("link[rel=stylesheet]")) {
      weight += get(sheet.attr("href")).body().length();
    }
    var scripts = post.select("script:not([type=application/ld+json])");
    for (var script : scripts) {
      weight += get(script.attr("src")).body().length();
    }

    assertThat(weight).isLessThan(100 * 1024);
    assertThat(scripts).allSatisfy(script -> assertThat(script.hasAttr("defer")).isTrue());
  }

  /**
   * A post with Java in it loads what colours it (ADR 27) through the gateway, and still weighs
   * under 100 KB with the language files Prism fetches for it (Java's, and the C-like grammar it
   * builds on).
   */
  @Test
  void aPostWithCodeLoadsWhatColoursItAndStillWeighsUnder100Kb() throws Exception {
    String slug =
        published(
            "A class " + UUID.randomUUID().toString().substring(0, 8),
            "It goes:\n\n```java\nrecord Point(int x, int y) {}\n```\n");
    var html = get("/posts/" + slug);
    Document post = Jsoup.parse(html.body());
    var prism = post.select("script[src*=/prismjs/]");
    String languages = prism.select("[data-autoloader-path]").attr("data-autoloader-path");

    assertThat(post.select("pre code.language-java").text())
        .isEqualTo("record Point(int x, int y) {}");
    assertThat(prism).hasSize(2).allSatisfy(script -> assertThat(script.hasAttr("defer")).isTrue());
    long weight = html.body().length();
    var files = new ArrayList<String>();
    files.addAll(post.select("link[rel=stylesheet]").eachAttr("href"));
    files.addAll(post.select("script[src]").eachAttr("src"));
    files.add(languages + "prism-java.min.js");
    files.add(languages + "prism-clike.min.js");
    for (String file : files) {
      var served = get(file);
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      weight += served.body().length();
    }
    assertThat(weight).isLessThan(100 * 1024);
  }

  @Test
  void aSecondPageViewFetchesNoStylesheetScriptOrIconAgain() throws Exception {
    Document post = page("/posts/wpc-wrap");
    for (String path : List.of("/posts/wpc-wrap", "/", "/tags", "/archive")) {
      Document shown = page(path);
      assertThat(shown.select("title")).as("one head on " + path).hasSize(1);
      assertThat(shown.select("link[rel=stylesheet]")).as(path).hasSize(1);
    }
    var files = new ArrayList<String>();
    files.addAll(post.select("link[rel=stylesheet], link[rel~=icon]").eachAttr("href"));
    files.addAll(post.select("script[src]").eachAttr("src"));
    assertThat(post.select("link[rel=icon]").eachAttr("href"))
        .anySatisfy(icon -> assertThat(icon).endsWith(".svg"))
        .anySatisfy(icon -> assertThat(icon).endsWith(".ico"));

    for (String file : files) {
      var answer = get(file);
      assertThat(answer.statusCode()).as(file).isEqualTo(200);
      assertThat(file)
          .as("named by its content, so a new version has a new address")
          .matches(".*-[0-9a-f]{32}\\.(css|js|ico|svg|png)");
      assertThat(answer.headers().firstValue("Cache-Control"))
          .as(file)
          .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=31536000"));
    }
    var plain = get("/favicon.ico");
    assertThat(plain.statusCode()).as("what browsers ask without a page").isEqualTo(200);
    assertThat(plain.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
    assertThat(get("/").headers().firstValue("Cache-Control"))
        .as("pages themselves are asked again each time, kept by the reader's browser alone")
        .hasValue("private, no-cache");
  }

  @Test
  void aReaderCommentsWithThePlainFormAndIsToldItWaitsForApproval() throws Exception {
    var form = page("/posts/home-again").selectFirst("form#comment-form");
    String ada = "ada-" + UUID.randomUUID() + "@example.org";
    Map<String, String> fields = commentForm(form, ada, "Welcome *home*!");
    // and asks for new posts by email, as WordPress's form offers
    fields.put("subscribe", "true");

    var answer = submit(form.attr("action"), fields);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.uri().getQuery()).isEqualTo("comment=held&subscription=asked");
    assertThat(Jsoup.parse(answer.body()).select(".notice").text())
        .contains("waits for the author's approval")
        .contains("confirm with the link we just mailed you");
    await().atMost(PATIENCE).until(() -> confirmationToken(ada), found -> found != null);

    // the same form sent again (a second click without scripts, a reload that posts again)
    var again = submit(form.attr("action"), fields);

    assertThat(again.uri().getQuery()).isEqualTo("comment=received");
    var page = Jsoup.parse(again.body());
    assertThat(page.select("#comments .notice").text())
        .as("no error to fix: the first one was taken")
        .contains("We have this comment of yours already");
    assertThat(page.select(".error, [role=alert]")).isEmpty();
    assertThat(page.select("form#comment-form textarea[name=body]").text())
        .as("nothing to send a third time")
        .isEmpty();
  }

  /**
   * The comment form as Ada fills it in: its hidden fields as the page gave them, the honeypot
   * empty, and a minute spent with the post before writing (the form's timing field).
   */
  private static Map<String, String> commentForm(Element form, String email, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    form.select("input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
    fields.put("authorName", "Ada");
    fields.put("authorEmail", email);
    fields.put("body", body);
    fields.put("website", "");
    fields.put("renderedAt", Instant.parse(fields.get("renderedAt")).minusSeconds(60).toString());
    return fields;
  }

  @Test
  void aCommentTheBlogCannotTakeIsSentBackWithWhatToFixAndTheReadersWords() throws Exception {
    var form = page("/posts/home-again").selectFirst("form#comment-form");
    Map<String, String> fields = commentForm(form, "not an address", "A thought worth keeping.");

    var answer = submit(form.attr("action"), fields);

    var page = Jsoup.parse(answer.body());
    assertThat(page.select("#comment-form [role=alert]").text())
        .isEqualTo(
            "Please give your name, a valid email address and a comment (up to 10,000"
                + " characters).");
    assertThat(page.select("#comment-form textarea[name=body]").text())
        .isEqualTo("A thought worth keeping.");
  }

  @Test
  void aReaderSubscribesWithTheFormAndConfirmsOnTheSitesOwnPage() throws Exception {
    String reader = "web-reader-" + UUID.randomUUID() + "@example.org";
    var answer =
        submit(
            "/subscribe",
            Map.of("email", reader, "frequency", "DAILY", "from", "/posts/home-again"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(answer.body()).select("#subscribe .notice").text())
        .contains("Check your inbox");
    String token =
        await().atMost(PATIENCE).until(() -> confirmationToken(reader), found -> found != null);

    Document confirm = page("/subscriptions/confirm?token=" + token);
    assertThat(confirm.select("form button").text()).contains("send me new posts");
    var confirmed = submit("/subscriptions/confirm", Map.of("token", token));
    assertThat(Jsoup.parse(confirmed.body()).select("h1").text()).isEqualTo("You are subscribed");

    // the welcome mail's link: which posts, and how often (WordPress.com's email frequency)
    String manage =
        await().atMost(PATIENCE).until(() -> manageToken(reader), found -> found != null);
    Document preferences = page("/subscriptions/preferences?token=" + manage);
    assertThat(preferences.select("input[name=frequency][checked]").val())
        .as("as chosen in the form")
        .isEqualTo("DAILY");
    assertThat(preferences.select("input[name=frequency][value=WEEKLY] + span").text())
        .isEqualTo("A weekly digest, on Mondays at 08:00 (UTC)");
    var saved =
        submit(
            "/subscriptions/preferences",
            Map.of("token", manage, "frequency", "WEEKLY", "paused", "false"));
    assertThat(Jsoup.parse(saved.body()).select("h1").text()).isEqualTo("Saved");
    assertThat(
            page("/subscriptions/preferences?token=" + manage)
                .select("input[name=frequency][checked]")
                .val())
        .isEqualTo("WEEKLY");
  }

  /**
   * Someone types a stranger's address into the subscribe form: its owner follows the second link
   * of the mail that asks, presses the page's button, and the blog mails the address nothing again,
   * whoever types it.
   */
  @Test
  void whoeverDidNotAskPressesNeverAndTheFormMailsThemNothingAgain() throws Exception {
    String stranger = "not-a-reader-" + UUID.randomUUID() + "@example.org";
    submit("/subscribe", Map.of("email", stranger, "from", "/"));
    String never =
        await().atMost(PATIENCE).until(() -> firstMatch(stranger, NEVER), found -> found != null);

    Document page = page("/subscriptions/never?token=" + never);
    assertThat(page.select("h1").text()).startsWith("Did not ask for mail from");
    var pressed = submit("/subscriptions/never", Map.of("token", never));
    assertThat(Jsoup.parse(pressed.body()).select("h1").text())
        .isEqualTo("You will not be mailed again");

    submit("/subscribe", Map.of("email", stranger, "from", "/"));
    String reader = "web-reader-" + UUID.randomUUID() + "@example.org";
    submit("/subscribe", Map.of("email", reader, "from", "/"));
    await().atMost(PATIENCE).until(() -> confirmationToken(reader), found -> found != null);
    assertThat(TestStack.mailsTo(stranger)).as("the first asking only").hasSize(1);
  }

  private static String manageToken(String address) {
    return firstMatch(address, MANAGE);
  }

  @Test
  void theHeaderLeadsToASubscribePageWithEveryTagAndHowOften() throws Exception {
    Document home = page("/");
    assertThat(home.select("header nav a:containsOwn(Subscribe)").attr("href"))
        .isEqualTo("/subscribe");

    Document subscribe = page("/subscribe");
    assertThat(subscribe.title()).startsWith("Subscribe – ");
    var form = subscribe.selectFirst("#subscribe form");
    assertThat(form.select("input[name=tags]").eachAttr("value"))
        .as("every tag of the blog")
        .isNotEmpty()
        .containsAll(
            new ApiClient(stack.gatewayUrl())
                .get("/api/tags")
                .json()
                .path("items")
                .valueStream()
                .map(tag -> tag.path("tag").asString())
                .toList());
    assertThat(form.select("select[name=frequency] option").eachAttr("value"))
        .containsExactly("INSTANTLY", "DAILY", "WEEKLY");
    String reader = "page-reader-" + UUID.randomUUID() + "@example.org";
    var answer =
        submit("/subscribe", Map.of("email", reader, "frequency", "WEEKLY", "from", "/subscribe"));
    Document after = Jsoup.parse(answer.body());
    assertThat(after.select("h1").text()).isEqualTo("Subscribe");
    assertThat(after.select("#subscribe .notice").text()).contains("Check your inbox");
  }

  @Test
  void aMissingPageIsAFriendly404() throws Exception {
    var missing = get("/posts/no-such-post-" + UUID.randomUUID());

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(missing.body()).select("h1").text()).isEqualTo("This page is not here");
    assertThat(missing.body()).doesNotContain("Exception").doesNotContain("Whitelabel");
  }

  /** Bookmarks and other sites' links to the old Blogger blog's posts keep reaching them. */
  @Test
  void anOldBloggerPermalinkLeadsToThePostAndADeadOneToTheFriendly404() throws Exception {
    var moved = get("/2009/07/wpc-wrap-2009.html");
    var dead = get("/2009/07/never-written-" + UUID.randomUUID() + ".html");

    assertThat(moved.uri().getPath()).isEqualTo("/posts/wpc-wrap-2009");
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(dead.statusCode()).isEqualTo(404);
    assertThat(dead.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(Jsoup.parse(dead.body()).select("h1").text()).isEqualTo("This page is not here");
  }

  @Test
  void aPostEndsWithOtherPostsOfItsFirstTag() throws Exception {
    var bot = new ApiClient(stack.gatewayUrl()).withToken(TestStack.integrationToken());
    String tag = "trams-" + UUID.randomUUID().toString().substring(0, 8);
    var slugs = new ArrayList<String>();
    for (String title : List.of("Tram 28", "Tram 12", "Tram 15", "Tram 18")) {
      var created =
          bot.post(
              "/api/posts",
              ApiClient.json(
                  Map.of(
                      "title",
                      title + " " + tag,
                      "body",
                      "Along the river.",
                      "tags",
                      List.of(tag, "lisbon"))));
      bot.post("/api/posts/" + created.text("id") + "/publish", "");
      slugs.add(created.text("slug"));
    }

    Document first = page("/posts/" + slugs.get(0));
    assertThat(first.select(".related h2").text()).isEqualTo("More about " + tag);
    assertThat(first.select(".related h2 a").attr("href")).isEqualTo("/tags/" + tag);
    assertThat(first.select(".related li a").eachText())
        .as("the three newest others, not the post itself")
        .containsExactly("Tram 18 " + tag, "Tram 15 " + tag, "Tram 12 " + tag);
    assertThat(first.select(".related li a").first().attr("href"))
        .isEqualTo("/posts/" + slugs.get(3));
    assertThat(page("/posts/wpc-wrap").select(".related li a").eachText())
        .doesNotContain("Tram 28 " + tag);
  }

  /**
   * A video's address alone on its line plays in the post, in YouTube's privacy-enhanced player,
   * which the page's Content-Security-Policy lets it frame (and no site but the video players).
   */
  @Test
  void aVideoAloneOnItsLinePlaysInThePostInAPlayerThePageAllows() throws Exception {
    String slug =
        published(
            "The ride on the 28 " + UUID.randomUUID(),
            "Filmed from the back seat:\n\nhttps://youtu.be/dQw4w9WgXcQ?t=42\n\nAll of it.");

    var answer = get("/posts/" + slug);

    var frame = Jsoup.parse(answer.body()).selectFirst("article.post figure.embed > iframe");
    assertThat(frame).as(answer.body()).isNotNull();
    assertThat(frame.attr("src"))
        .isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42");
    assertThat(frame.attr("title")).isEqualTo("YouTube");
    assertThat(answer.headers().firstValue("Content-Security-Policy").orElseThrow())
        .containsPattern("frame-src [^;]*https://www\\.youtube-nocookie\\.com");
  }

  @Test
  void aTagWithASlashHasAPageReadersReachFromThePostAndTheSitemap() throws Exception {
    var bot = new ApiClient(stack.gatewayUrl()).withToken(TestStack.integrationToken());
    String mark = UUID.randomUUID().toString().substring(0, 6);
    var created =
        bot.post(
            "/api/posts",
            ApiClient.json(
                Map.of(
                    "title",
                    "Pointers, again " + mark,
                    "body",
                    "Where the stars go.",
                    "tags",
                    List.of("C/C++ " + mark, "100% " + mark))));
    bot.post("/api/posts/" + created.text("id") + "/publish", "");

    Document post = page("/posts/" + created.text("slug"));
    var links = post.select("article.post .tags a");
    assertThat(links.eachText())
        .as("as the author wrote them")
        .containsExactly("C/C++ " + mark, "100% " + mark);
    for (var link : links) {
      var tagPage = get(link.attr("href"));
      assertThat(tagPage.statusCode()).as(link.attr("href")).isEqualTo(200);
      Document listed = Jsoup.parse(tagPage.body());
      assertThat(listed.select("h1").text()).isEqualTo("Posts tagged “" + link.text() + "”");
      assertThat(listed.select("article.card h2").eachText())
          .containsExactly("Pointers, again " + mark);
      assertThat(get(link.attr("href") + "/feed.atom").statusCode()).isEqualTo(200);
    }
    assertThat(links.first().attr("href")).isEqualTo("/tags/c-c++%20" + mark);
    assertThat(browser.sitemapAddresses()).contains(stack.gatewayUrl() + "/tags/c-c++%20" + mark);

    // every tag, from the footer's "Tags": most used first, with its count
    Document index = page(post.select("footer.site-footer a:containsOwn(Tags)").attr("href"));
    var listed = index.select(".tag-index li:has(a[href=/tags/c-c++%20" + mark + "])");
    assertThat(listed.select("a").text()).isEqualTo("C/C++ " + mark);
    assertThat(listed.select(".count").text()).isEqualTo("1 post");
    assertThat(index.title()).startsWith("Tags – ");
  }

  @Test
  void tagAuthorAndSearchPagesListTheMatchingPosts() throws Exception {
    Document post = page("/posts/wpc-wrap");
    String tagLink = post.select("article.post .tags a").first().attr("href");
    String authorLink = post.select("article.post .byline a").attr("href");

    assertThat(page(tagLink).select("article.card h2").eachText()).contains("WPC wrap");
    assertThat(page(authorLink).select("article.card h2").eachText()).contains("WPC wrap");
    assertThat(page("/search?q=wpc").select("article.card h2").eachText()).contains("WPC wrap");
    assertThat(page("/search?q=" + UUID.randomUUID()).select(".empty").text())
        .isEqualTo("Nothing here yet.");
  }

  /**
   * A result says why it was found: the reader's words, as the post spells them, marked among those
   * around them, where the card would otherwise show the post's first words without them.
   */
  @Test
  void aSearchResultShowsTheReadersWordsWhereThePostHasThem() throws Exception {
    String mark = "Zs" + UUID.randomUUID().toString().substring(0, 6);
    published(
        "A long walk " + mark,
        "The harbour at dawn. ".repeat(30)
            + "Then the tram rattled up to <b>Graça</b> & the "
            + mark
            + " miradouro. "
            + "More tiles. ".repeat(30));

    Document results = page("/search?q=graca+%26+the+" + mark.toLowerCase());

    var card = results.selectFirst("article.card:has(h2:contains(A long walk " + mark + "))");
    assertThat(card).as(results.html()).isNotNull();
    assertThat(card.select(".excerpt mark").text()).isEqualTo("Graça & the " + mark);
    assertThat(card.select(".excerpt").text())
        .startsWith("…")
        .contains("Then the tram rattled up to Graça & the " + mark + " miradouro.")
        .endsWith("…");
    assertThat(card.select(".excerpt b")).as("the words are text, their markup gone").isEmpty();
    assertThat(card.select("h2 mark")).as("the title has not the words searched").isEmpty();

    var byTitle =
        page("/search?q=" + mark.toUpperCase())
            .selectFirst("article.card:has(h2:contains(A long walk " + mark + "))");
    assertThat(byTitle).isNotNull();
    assertThat(byTitle.select("h2 a mark").text())
        .as("the title's words marked as the title writes them")
        .isEqualTo(mark);
    assertThat(byTitle.select("h2 a").text()).isEqualTo("A long walk " + mark);
    assertThat(byTitle.select(".excerpt mark").text()).isEqualTo(mark);
  }

  /**
   * A search as long as the gateway lets through reaches post-service, whose own limit answers it,
   * and the reader site searches for what it can; neither is refused on the way for its length.
   */
  @Test
  void aVeryLongSearchIsAnsweredByTheBlogNotRefusedOnTheWay() throws Exception {
    String words = "harbour+".repeat(1_000);

    var api = new ApiClient(stack.gatewayUrl()).get("/api/posts?q=" + words);

    assertThat(api.status()).as(api.toString()).isEqualTo(400);
    assertThat(api.json().path("errors").get(0).path("field").asString()).isEqualTo("q");
    assertThat(page("/search?q=" + words).select(".empty").text()).isEqualTo("Nothing here yet.");
  }

  private static String confirmationToken(String address) {
    return firstMatch(address, TOKEN);
  }

  /** The first group of the pattern in the mails to the address, or null. */
  private static String firstMatch(String address, Pattern pattern) {
    return TestStack.mailsTo(address).stream()
        .map(message -> pattern.matcher(TestStack.text(message)))
        .filter(Matcher::find)
        .map(matcher -> matcher.group(1))
        .findFirst()
        .orElse(null);
  }
}
