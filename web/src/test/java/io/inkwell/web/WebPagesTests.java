package io.inkwell.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import com.sun.net.httpserver.HttpServer;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.web.reader.Dates;
import io.inkwell.web.reader.Site;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web module on its own, in front of an HTTP server that answers like the API for a blog with
 * one post (HTML in its title) and one whose thread takes two pages, and with API errors. The whole
 * platform is walked in local-stack's ReaderSiteTests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPagesTests {

  private static final String POST =
      """
      {"id":"p1","slug":"hello","title":"Hello <script>alert(1)</script>","excerpt":"Hi.",
       "bodyHtml":"<p>First paragraph.</p><p>Second.</p>","tags":["travel"],"tagNames":["Travel"],
       "commentsOpen":true,
       "author":{"id":"a1","name":"Jo"},"publishedAt":"2009-03-12T16:41:00Z",
       "updatedAt":"2009-03-12T16:41:00Z"}""";

  private static final tools.jackson.databind.json.JsonMapper JSON =
      tools.jackson.databind.json.JsonMapper.builder().build();

  private static final HttpServer API = start();

  /** The language {@code /api/site} says the blog is written in; none while null. */
  private static volatile String siteLanguage;

  /** The icon {@code /api/site} says the blog has; none while null. */
  private static volatile String siteIcon;

  /** The logo {@code /api/site} says the blog has, as JSON; none while null. */
  private static volatile String siteLogo;

  /** The query of the last unsubscribe the API was asked for. */
  private static volatile String unsubscribedWith;

  /** What the last search the API was asked for looked for ({@code q}, decoded). */
  private static volatile String searchedFor;

  /** The paths the API answers with the gateway's 503 while a service is down; none while empty. */
  private static volatile List<String> down = List.of();

  /** Held open without an answer until the test is over: a connection gone silent. */
  private static final java.util.concurrent.CountDownLatch SILENCE_ENDS =
      new java.util.concurrent.CountDownLatch(1);

  @Autowired private Site site;
  @Autowired private Dates dates;

  @Value("${local.server.port}")
  private int port;

  private final HttpClient http = HttpClient.newHttpClient();

  @DynamicPropertySource
  static void api(DynamicPropertyRegistry registry) {
    registry.add("inkwell.web.api-url", () -> "http://localhost:" + API.getAddress().getPort());
    registry.add("inkwell.web.site-url", () -> "https://blog.example.org");
    registry.add("inkwell.web.api-timeout", () -> "2s");
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("web"));
  }

  @AfterAll
  static void stop() {
    SILENCE_ENDS.countDown();
    API.stop(0);
  }

  private static String comment(String id, String body, String... replies) {
    return """
        {"id":"%s","authorName":"Ada","bodyHtml":"<p>%s</p>","createdAt":"2009-03-13T10:00:00Z",\
        "replies":[%s]}"""
        .formatted(id, body, String.join(",", replies));
  }

  private static HttpServer start() {
    try {
      var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      server.createContext(
          "/",
          exchange -> {
            String path = exchange.getRequestURI().getPath();
            int status = 200;
            String body;
            if (path.equals("/api/posts/silent")) {
              try {
                SILENCE_ENDS.await();
              } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
              }
              exchange.close();
              return;
            }
            if (path.equals("/api/posts")) {
              java.util.Arrays.stream(
                      String.valueOf(exchange.getRequestURI().getQuery()).split("&"))
                  .filter(parameter -> parameter.startsWith("q="))
                  .forEach(parameter -> searchedFor = parameter.substring(2));
            }
            if (down.stream().anyMatch(path::startsWith)) {
              // as the gateway answers while the service's circuit is open
              status = 503;
              body =
                  "{\"type\":\"https://inkwell.dev/problems/service-unavailable\",\"status\":503}";
            } else if (path.equals("/api/posts")
                && String.valueOf(exchange.getRequestURI().getQuery()).contains("author=nobody")) {
              body = "{\"items\":[]}";
            } else if (path.equals("/api/posts")
                && String.valueOf(exchange.getRequestURI().getQuery()).contains("cursor=stale")) {
              // as post-service answers a cursor it did not hand out
              status = 400;
              body = "{\"type\":\"https://inkwell.dev/problems/invalid-cursor\",\"status\":400}";
            } else if (path.equals("/api/posts")) {
              body = "{\"items\":[" + POST + "]}";
            } else if (path.equals("/api/posts/hello")) {
              body = POST;
            } else if (path.equals("/api/posts/code")) {
              body =
                  POST.replace("\"slug\":\"hello\"", "\"slug\":\"code\"")
                      .replace(
                          "<p>First paragraph.</p><p>Second.</p>",
                          "<pre><code class=\\\"language-java\\\">class A {}</code></pre>");
            } else if (path.equals("/api/posts/p1/comments/count")) {
              body = "{\"count\":0}";
            } else if (path.equals("/api/posts/p1/comments")) {
              body = "{\"items\":[]}";
            } else if (path.equals("/api/redirects")
                && "path=/p/about-me.html".equals(exchange.getRequestURI().getQuery())) {
              body = "{\"slug\":\"about-me\",\"page\":true}";
            } else if (path.equals("/api/redirects")
                && "path=/a-walk/".equals(exchange.getRequestURI().getQuery())) {
              body = "{\"slug\":\"a-walk\",\"page\":false}";
            } else if (path.equals("/api/redirects")
                && "path=/mastodon".equals(exchange.getRequestURI().getQuery())) {
              // an admin's redirect, for now, to another site
              body = "{\"page\":false,\"url\":\"https://social.example/@jo\",\"permanent\":false}";
            } else if (path.equals("/api/redirects")
                && "path=/sneaky".equals(exchange.getRequestURI().getQuery())) {
              body = "{\"page\":false,\"url\":\"javascript:alert(1)\",\"permanent\":true}";
            } else if (path.equals("/api/popular-posts")) {
              body =
                  "{\"days\":30,\"items\":[{\"id\":\"p1\",\"slug\":\"hello\","
                      + "\"title\":\"Hello <script>alert(1)</script>\"}]}";
            } else if (path.equals("/api/site")) {
              body =
                  """
                  {"title":"Inkwell","navigation":[{"label":"Travel","url":"/tags/travel"},
                   {"label":"Evil","url":"javascript:alert(1)"},
                   {"label":"Elsewhere","url":"//evil.example"},
                   {"label":"Mastodon","url":"https://social.example/@jo"}]%s%s}"""
                      .formatted(
                          siteLanguage == null
                              ? ""
                              : ",\"language\":"
                                  + JSON.writeValueAsString(siteLanguage)
                                  + ",\"direction\":"
                                  + (siteLanguage.equals("ar") ? "\"rtl\"" : "\"ltr\""),
                          (siteIcon == null ? "" : ",\"icon\":" + JSON.writeValueAsString(siteIcon))
                              + (siteLogo == null ? "" : ",\"logo\":" + siteLogo));
            } else if (path.equals("/api/subscriptions/unsubscribe")) {
              unsubscribedWith = exchange.getRequestURI().getRawQuery();
              body = "{}";
            } else if (path.equals("/api/tags/trips")) {
              // a tag's slug on the old blog, kept by its import
              exchange.getResponseHeaders().add("Location", "/api/tags/travel");
              status = 301;
              body = "";
            } else if (path.equals("/api/tags/Travel") || path.equals("/api/tags/travel")) {
              body = "{\"tag\":\"travel\",\"name\":\"Travel\",\"count\":1}";
            } else if (path.equals("/api/tags")) {
              body = "{\"items\":[{\"tag\":\"travel\",\"name\":\"Travel\",\"count\":1}]}";
            } else if (path.equals("/api/archive")) {
              body = "{\"months\":[{\"year\":2009,\"month\":3,\"count\":1}]}";
            } else if (path.equals("/api/authors")) {
              body = "{\"items\":[{\"id\":\"a1\",\"name\":\"Jo Bloggs\",\"postCount\":2}]}";
            } else if (path.equals("/api/authors/a1")) {
              body =
                  """
                  {"id":"a1","name":"Jo Bloggs","bio":"Writes <b>about</b> trains.",
                   "website":"https://www.jo.example.org/","avatar":"/api/images/ab12",
                   "postCount":2}""";
            } else if (path.equals("/api/posts/talkative")) {
              body = POST.replace("\"p1\"", "\"p2\"").replace("\"hello\"", "\"talkative\"");
            } else if (path.equals("/api/comments/recent")) {
              // the blog's, or (asked for p2's) the one on p2
              String query = String.valueOf(exchange.getRequestURI().getQuery());
              String onP2 =
                  """
                  {"id":"k2","postId":"p2","postSlug":"talkative","postTitle":"Talkative",
                   "authorName":"Bo","bodyHtml":"<p>Quite <em>so</em>.</p>",
                   "createdAt":"2009-03-14T10:00:00Z"}""";
              body =
                  query.contains("postId=p2")
                      ? "{\"items\":[" + onP2 + "]}"
                      : "{\"items\":["
                          + onP2
                          + ",{\"id\":\"k0\",\"postId\":\"p1\",\"postSlug\":\"hello\","
                          + "\"postTitle\":\"Hello\",\"authorName\":\"Ada\","
                          // stored before the services cleaned what they read (ADR 15): a
                          // control character and half of a surrogate pair
                          + "\"bodyHtml\":\"<p>Hi\\u0001 there\\ud800</p>\","
                          + "\"createdAt\":\"2009-03-13T10:00:00Z\"},"
                          // its writer asked to be forgotten
                          + "{\"id\":\"k9\",\"postId\":\"p1\",\"postSlug\":\"hello\","
                          + "\"postTitle\":\"Hello\",\"authorName\":\"Anonymous\","
                          + "\"erased\":true,\"bodyHtml\":\"<p>Kept</p>\","
                          + "\"createdAt\":\"2009-03-12T10:00:00Z\"}]}";
            } else if (path.equals("/api/posts/answered")) {
              body = POST.replace("\"p1\"", "\"p3\"").replace("\"hello\"", "\"answered\"");
            } else if (path.equals("/api/posts/p3/comments/count")) {
              body = "{\"count\":3}";
            } else if (path.equals("/api/posts/p3/comments")) {
              // a reader's question, answered by the post's author and by an editor without a
              // picture (whose profile the API does not know)
              body =
                  "{\"items\":["
                      + comment(
                          "q1",
                          "Is it open in winter?",
                          """
                          {"id":"q1a","authorName":"Jo Bloggs","staff":true,"staffId":"a1",\
                          "bodyHtml":"<p>Yes.</p>","createdAt":"2009-03-13T12:00:00Z"}""",
                          """
                          {"id":"q1b","authorName":"Eddie Editor","staff":true,"staffId":"e9",\
                          "bodyHtml":"<p>Until six.</p>","createdAt":"2009-03-13T13:00:00Z"}""")
                      + "]}";
            } else if (path.equals("/api/posts/p2/comments/count")) {
              body = "{\"count\":3}";
            } else if (path.equals("/api/posts/p2/comments")) {
              // a thread of two pages
              boolean second =
                  String.valueOf(exchange.getRequestURI().getQuery()).contains("cursor=c2");
              body =
                  second
                      ? "{\"items\":[" + comment("k2", "Second page") + "]}"
                      : "{\"items\":["
                          + comment(
                              "k1",
                              "First page",
                              comment("k1r", "A reply"),
                              // its writer asked to be forgotten
                              """
                              {"id":"k1e","authorName":"Anonymous","erased":true,\
                              "bodyHtml":"<p>Words kept</p>","createdAt":"2009-03-13T11:00:00Z"}""")
                          + "],\"nextCursor\":\"c2\"}";
            } else {
              status = 404;
              body = "{\"type\":\"https://inkwell.dev/problems/not-found\",\"status\":404}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange
                .getResponseHeaders()
                .set(
                    "Content-Type",
                    status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
          });
      // one thread per request: a silent one holds no other back
      server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> postForm(HttpClient client, String path, String form)
      throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aLongThreadIsReadAPageAtATimeAsOnBlogger() throws Exception {
    var first = Jsoup.parse(get("/posts/talkative").body());

    assertThat(first.select("#comments-title").text()).isEqualTo("3 comments");
    // each comment's time links to it, as Blogger's and WordPress's do
    assertThat(first.select("#comment-k1 .comment-meta a.comment-link").attr("href"))
        .isEqualTo("#comment-k1");
    // and "Reply" under it chooses it in the form, also without JavaScript
    assertThat(first.select("#comment-k1 a.reply-link").attr("href"))
        .isEqualTo("/posts/talkative?replyTo=k1#comment-form");
    var replying = Jsoup.parse(get("/posts/talkative?replyTo=k1").body());
    assertThat(replying.select("#reply-to option[selected]").val()).isEqualTo("k1");
    assertThat(first.select("#reply-to option[selected]")).isEmpty();
    // a reply is answered too, and the form offers it under the comment it answers
    assertThat(first.select("#comment-k1r a.reply-link").attr("href"))
        .isEqualTo("/posts/talkative?replyTo=k1r#comment-form");
    assertThat(first.select("#reply-to option").eachAttr("value"))
        .containsExactly("", "k1", "k1r", "k1e");
    assertThat(first.select("#reply-to option[value=k1r]").text()).startsWith("— Ada");
    assertThat(first.select(".comment-body").eachText())
        .containsExactly("First page", "A reply", "Words kept");
    assertThat(first.select("#comment-k1e .comment-meta strong").text()).isEqualTo("Anonymous");
    String more = first.select("nav[aria-label=More comments] a").attr("href");
    assertThat(more).isEqualTo("/posts/talkative?comments=c2#comments");

    var second = Jsoup.parse(get(more.substring(0, more.indexOf('#'))).body());
    assertThat(second.select(".comment-body").text()).isEqualTo("Second page");
    assertThat(second.select("nav[aria-label=More comments]")).isEmpty();
  }

  @Test
  void aStaffMembersAnswerShowsTheirPictureAsTheirProfileHasIt() throws Exception {
    var post = Jsoup.parse(get("/posts/answered").body());

    var author = post.select("#comment-q1a .comment-meta").first();
    assertThat(author.select("img.avatar").attr("src")).isEqualTo("/api/images/ab12?w=600");
    assertThat(author.select("img.avatar").attr("alt")).as("their name follows it").isEmpty();
    assertThat(author.select("span.avatar")).isEmpty();
    // a staff member without a picture, and a reader, show their initials
    var editor = post.select("#comment-q1b .comment-meta").first();
    assertThat(editor.select("img.avatar")).isEmpty();
    assertThat(editor.select("span.avatar").text()).isEqualTo("EE");
    var reader = post.select("#comment-q1 > .comment-meta").first();
    assertThat(reader.select("span.avatar").text()).isEqualTo("A");
  }

  @Test
  void theCommentFeedsListTheNewestCommentsEachLinkingToItsPlace() throws Exception {
    var response = get("/comments/feed.atom");

    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/atom+xml");
    var feed = feed(response.body());
    assertThat(feed.getTitle()).isEqualTo("Comments on Inkwell");
    assertThat(feed.getEntries())
        .extracting(SyndEntry::getTitle)
        .containsExactly("Bo on “Talkative”", "Ada on “Hello”", "Anonymous on “Hello”");
    var newest = feed.getEntries().get(0);
    assertThat(newest.getLink()).isEqualTo("https://blog.example.org/posts/talkative#comment-k2");
    assertThat(newest.getContents().get(0).getValue()).isEqualTo("<p>Quite <em>so</em>.</p>");
    assertThat(newest.getPublishedDate().toInstant()).hasToString("2009-03-14T10:00:00Z");
    assertThat(feed.getEntries().get(1).getContents().get(0).getValue())
        .as("what XML cannot carry is left out, not the feed")
        .isEqualTo("<p>Hi  there\uFFFD</p>");

    var ofOnePost = get("/posts/talkative/comments.rss");
    var rss = feed(ofOnePost.body());
    assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
    assertThat(rss.getTitle()).isEqualTo("Comments on “Hello <script>alert(1)</script>”");
    assertThat(rss.getEntries()).extracting(SyndEntry::getAuthor).containsExactly("Bo");
    // found from the post's page, and not for a post that is not there
    var page = Jsoup.parse(get("/posts/talkative").body());
    assertThat(page.select("link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
        .contains("/comments/feed.atom", "/posts/talkative/comments.atom");
    var missing = get("/posts/nowhere/comments.atom");
    assertThat(missing.statusCode()).isEqualTo(404);
    // the friendly 404 page, as a page, whatever the address ends with
    assertThat(missing.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(get("/nothing.json").headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/html");
  }

  /** A feed as a feed reader reads it. */
  private static com.rometools.rome.feed.synd.SyndFeed feed(String xml) throws Exception {
    return new SyndFeedInput()
        .build(
            new XmlReader(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  /**
   * A post with a code block in a named language loads Prism to colour it, deferred, from the
   * blog's own address (the only scripts its CSP allows), with the path its autoloader takes the
   * language's file from; a post without one loads none of it.
   */
  @Test
  void aPostWithCodeInANamedLanguageLoadsWhatColoursItAndOthersDoNot() throws Exception {
    var code = Jsoup.parse(get("/posts/code").body());
    var plain = Jsoup.parse(get("/posts/hello").body());

    assertThat(code.select(".body pre code.language-java").text()).isEqualTo("class A {}");
    var prism = code.select("script[src*=/webjars/prismjs/]");
    assertThat(prism).hasSize(2).allSatisfy(script -> assertThat(script.hasAttr("defer")).isTrue());
    String autoloaderPath = prism.select("[data-autoloader-path]").attr("data-autoloader-path");
    assertThat(autoloaderPath).isEqualTo("/webjars/prismjs/components/");
    for (String file :
        List.of(
            prism.get(0).attr("src"),
            prism.get(1).attr("src"),
            autoloaderPath + "prism-java.min.js",
            autoloaderPath + "prism-clike.min.js")) {
      var served = get(file);
      assertThat(served.statusCode()).as(file).isEqualTo(200);
      assertThat(served.headers().firstValue("Content-Type").orElseThrow())
          .as(file)
          .contains("javascript");
      assertThat(served.headers().firstValue("Cache-Control").orElseThrow())
          .as(file)
          .startsWith("public, max-age=");
    }
    assertThat(get(prism.get(0).attr("src")).body()).contains("Prism");
    assertThat(plain.select("script[src*=prism]")).isEmpty();
  }

  /**
   * The Back button shows a reader page from the browser's back/forward cache, which {@code
   * no-store} rules out in Firefox and Safari; what is one person's (a subscriber's preferences,
   * the admin) is kept nowhere, and the files crawlers read are kept an hour.
   */
  @Test
  void aPostsHeadSaysWhenItAppearedAndChangedAndWhatItIsAboutForSharedLinks() throws Exception {
    var post = Jsoup.parse(get("/posts/hello").body());
    assertThat(post.select("meta[property=og:type]").attr("content")).isEqualTo("article");
    assertThat(post.select("meta[property=article:published_time]").attr("content"))
        .isEqualTo("2009-03-12T16:41:00Z");
    assertThat(post.select("meta[property=article:modified_time]").attr("content"))
        .isEqualTo("2009-03-12T16:41:00Z");
    assertThat(post.select("meta[property=article:tag]").eachAttr("content"))
        .containsExactly("Travel");
    assertThat(Jsoup.parse(get("/").body()).select("meta[property^=article:]")).isEmpty();
  }

  /**
   * A search pasted with control characters looks for the words around them, and one of only such
   * characters is no search at all; a long one is cut to what the search takes, never through a
   * character. The page never echoes a character no browser can show.
   */
  @Test
  void aSearchIsForItsWordsAlone() throws Exception {
    searchedFor = null;
    var blank = get("/search?q=%00%07%0A");
    assertThat(blank.statusCode()).isEqualTo(200);
    assertThat(blank.body()).doesNotContain("\u0000", "\u0007");
    assertThat(Jsoup.parse(blank.body()).select("h1").text()).isEqualTo("Search");
    assertThat(Jsoup.parse(blank.body()).select("article")).isEmpty();
    assertThat(searchedFor).isNull();

    var pasted = get("/search?q=night%00%09tr%C3%A4ms%0D%0A");
    assertThat(pasted.body()).doesNotContain("\u0000");
    assertThat(searchedFor).isEqualTo("night träms");
    assertThat(Jsoup.parse(pasted.body()).select("input#q").val()).isEqualTo("night träms");

    String longest = "x".repeat(99) + "\uD83D\uDE00";
    var cut = get("/search?q=" + URLEncoder.encode(longest + " more", StandardCharsets.UTF_8));
    assertThat(cut.statusCode()).isEqualTo(200);
    assertThat(searchedFor).isEqualTo("x".repeat(99));
    assertThat(Jsoup.parse(cut.body()).select("input#q").val()).isEqualTo("x".repeat(99));
  }

  @Test
  void readerPagesMayBeKeptByTheReadersBrowserAndPersonalOnesNowhere() throws Exception {
    for (String page : List.of("/", "/posts/hello", "/tags/travel", "/search?q=x", "/archive")) {
      assertThat(get(page).headers().firstValue("Cache-Control").orElseThrow())
          .as(page)
          .isEqualTo("private, no-cache");
    }
    assertThat(get("/subscriptions/preferences?token=t").headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    assertThat(get("/admin").headers().firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    for (String file : List.of("/robots.txt", "/sitemap.xml", "/opensearch.xml")) {
      assertThat(get(file).headers().firstValue("Cache-Control").orElseThrow())
          .as(file)
          .isEqualTo("max-age=3600, public");
    }
  }

  @Test
  void aBlogInSwissGermanSaysSoToScreenReadersSearchEnginesAndFeedReadersAndSpeaksIt()
      throws Exception {
    siteLanguage = "de-CH";
    site.forgetIdentity();
    try {
      var post = Jsoup.parse(get("/posts/hello").body());
      var home = Jsoup.parse(get("/").body());

      assertThat(post.select("html").attr("lang")).isEqualTo("de-CH");
      assertThat(home.select("html").attr("lang")).isEqualTo("de-CH");
      assertThat(post.select("meta[property=og:locale]").attr("content")).isEqualTo("de_CH");
      assertThat(
              JSON.readTree(post.select("script[type=application/ld+json]").html())
                  .path("inLanguage")
                  .asString())
          .isEqualTo("de-CH");
      assertThat(post.select("article.post .date").text()).isEqualTo("Donnerstag, 12. März 2009");
      assertThat(home.select("article.card .date").text()).isEqualTo("Donnerstag, 12. März 2009");
      assertThat(dates.month(java.time.YearMonth.of(2009, 3))).isEqualTo("März 2009");
      var comments = feed(get("/comments/feed.rss").body());
      assertThat(comments.getLanguage()).isEqualTo("de-CH");
      // the theme's own words are the blog's language too, as Ghost's and WordPress's themes
      assertThat(post.select("#comments-title").text()).isEqualTo("Keine Kommentare");
      assertThat(post.select("#comment-form h3").text()).isEqualTo("Schreib einen Kommentar");
      assertThat(post.select("label[for=comment-email]").text())
          .isEqualTo("E-Mail (wird nie angezeigt)");
      assertThat(post.select("article.post .reading-time").text()).isEqualTo("1 Min. Lesezeit");
      assertThat(home.select("input#q").attr("placeholder")).isEqualTo("Beiträge durchsuchen");
      assertThat(home.select("article.card .byline a[href$=#comments]").text())
          .isEqualTo("Keine Kommentare");
      assertThat(comments.getTitle()).isEqualTo("Kommentare zu Inkwell");
      assertThat(comments.getEntries())
          .extracting(SyndEntry::getAuthor)
          .as("a forgotten writer in the blog's language")
          .containsExactly("Bo", "Ada", "Anonym");
      assertThat(Jsoup.parse(get("/nowhere-at-all").body()).select("h1").text())
          .isEqualTo("Diese Seite gibt es hier nicht");

      assertThat(post.select("html").attr("dir")).isEqualTo("ltr");

      siteLanguage = "ar";
      site.forgetIdentity();
      var arabic = Jsoup.parse(get("/posts/hello").body());
      assertThat(arabic.select("html").attr("lang")).isEqualTo("ar");
      assertThat(arabic.select("html").attr("dir")).as("the theme mirrors").isEqualTo("rtl");
      assertThat(arabic.select("#comments-title").text())
          .as("a language the theme has no words for reads English")
          .isEqualTo("No comments");

      siteLanguage = "fr";
      site.forgetIdentity();
      var french = Jsoup.parse(get("/posts/hello").body());
      assertThat(french.select("#comments-title").text()).isEqualTo("Aucun commentaire");
      var frenchThread = Jsoup.parse(get("/posts/talkative").body());
      assertThat(frenchThread.select("#comment-k1e .comment-meta strong").text())
          .as("a forgotten writer's name in the blog's language")
          .isEqualTo("Anonyme");
      assertThat(frenchThread.select("#reply-to option[value=k1e]").text()).startsWith("— Anonyme");
      assertThat(french.select("#subscribe-title").text())
          .isEqualTo("Recevoir les nouveaux articles par e-mail");

      siteLanguage = "en\"><script>alert(1)</script>";
      site.forgetIdentity();
      var odd = Jsoup.parse(get("/posts/hello").body());
      assertThat(odd.select("html").attr("lang")).as("what no tag is, is not used").isEqualTo("en");
      assertThat(odd.select("article.post .date").text()).isEqualTo("Thursday, March 12, 2009");
    } finally {
      siteLanguage = null;
      site.forgetIdentity();
    }
  }

  @Test
  void theIconAnAdminChoseStandsForTheBlogInTabsHomeScreensAndSearchResults() throws Exception {
    var platforms = Jsoup.parse(get("/").body());
    assertThat(platforms.select("link[rel=icon]").eachAttr("href"))
        .as("the platform's own")
        .hasSize(2)
        .allMatch(href -> href.startsWith("/favicon"));
    var plainIco = get("/favicon.ico");
    assertThat(plainIco.statusCode()).isEqualTo(200);
    assertThat(plainIco.headers().firstValue("Content-Type")).hasValue("image/x-icon");

    siteIcon = "/api/images/0a1b2c.png";
    site.forgetIdentity();
    try {
      var home = Jsoup.parse(get("/").body());
      assertThat(home.select("link[rel=icon]").eachAttr("href"))
          .containsExactly("/api/images/0a1b2c.png");
      assertThat(home.select("link[rel=apple-touch-icon]").attr("href"))
          .isEqualTo("/api/images/0a1b2c.png");
      assertThat(home.select(".site-name img").attr("src")).isEqualTo("/api/images/0a1b2c.png");
      assertThat(home.select("meta[property=og:image]").attr("content"))
          .as("what a shared link of a page without a picture shows")
          .isEqualTo("https://blog.example.org/api/images/0a1b2c.png");
      assertThat(home.select("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
      assertThat(home.select(".site-name img").attr("alt"))
          .as("the name beside it says it all")
          .isEmpty();
      assertThat(publisherLogoOfAPost())
          .isEqualTo("https://blog.example.org/api/images/0a1b2c.png");
      var ico = get("/favicon.ico");
      assertThat(ico.statusCode()).isEqualTo(302);
      assertThat(ico.headers().firstValue("Location")).hasValue("/api/images/0a1b2c.png");

      siteIcon = "javascript:alert(1)";
      site.forgetIdentity();
      var odd = Jsoup.parse(get("/").body());
      assertThat(odd.select("link[rel=icon]").eachAttr("href"))
          .as("what is none of the blog's pictures is not used")
          .hasSize(2)
          .allMatch(href -> href.startsWith("/favicon"));
      assertThat(odd.select(".site-name img")).isEmpty();
    } finally {
      siteIcon = null;
      site.forgetIdentity();
    }
  }

  @Test
  void theLogoAnAdminChoseHeadsEveryPageInPlaceOfTheNameInLetters() throws Exception {
    siteLogo = "{\"url\":\"/api/images/9e8d.png\",\"width\":600,\"height\":120}";
    siteIcon = "/api/images/0a1b2c.png";
    site.forgetIdentity();
    try {
      for (String path : List.of("/", "/posts/hello", "/nowhere-at-all")) {
        var page = Jsoup.parse(get(path).body());
        var logo = page.select(".site-name img.site-logo");
        assertThat(logo.attr("src")).as(path).isEqualTo("/api/images/9e8d.png");
        assertThat(logo.attr("alt")).as("screen readers read the name").isEqualTo("Inkwell");
        assertThat(logo.attr("width") + "×" + logo.attr("height"))
            .as("its room is kept while it loads")
            .isEqualTo("600×120");
        assertThat(page.select(".site-name").text()).as("no name in letters beside it").isEmpty();
        assertThat(page.select(".site-name img.site-icon")).isEmpty();
      }
      assertThat(publisherLogoOfAPost())
          .as("the publisher's logo, rather than its icon")
          .isEqualTo("https://blog.example.org/api/images/9e8d.png");
    } finally {
      siteLogo = null;
      siteIcon = null;
      site.forgetIdentity();
    }
    assertThat(Jsoup.parse(get("/").body()).select(".site-name").text()).isEqualTo("Inkwell");
  }

  /** What a post's JSON-LD names as its publisher's logo. */
  private String publisherLogoOfAPost() throws Exception {
    var post = Jsoup.parse(get("/posts/hello").body());
    return JSON.readTree(post.select("script[type=application/ld+json]").html())
        .path("publisher")
        .path("logo")
        .path("url")
        .asString();
  }

  @Test
  void anAddressAnAdminSendsElsewhereLeadsThereAsTheyChose() throws Exception {
    var sent = get("/mastodon");

    assertThat(sent.statusCode()).as("for now: a 302").isEqualTo(302);
    assertThat(sent.headers().firstValue("Location")).hasValue("https://social.example/@jo");
    assertThat(get("/sneaky").statusCode()).as("no browser is sent to script").isEqualTo(404);
  }

  @Test
  void theHomePageListsPostsWithTheirDateAuthorTagsAndNoComments() throws Exception {
    var page = Jsoup.parse(get("/").body());

    assertThat(page.title()).isEqualTo("Inkwell");
    assertThat(page.select("article.card .date").text()).isEqualTo("Thursday, March 12, 2009");
    assertThat(page.select("article.card .byline").text()).contains("Jo").contains("No comments");
    assertThat(page.select("article.card .tags a").attr("href")).isEqualTo("/tags/travel");
    assertThat(page.select("link[rel=canonical]").attr("href"))
        .isEqualTo("https://blog.example.org/");
    // the admins' links, after the pages; none a browser should not follow
    assertThat(page.select("header nav a").eachText())
        .containsSubsequence("Travel", "Mastodon", "Archive")
        .doesNotContain("Evil", "Elsewhere");
    assertThat(page.select("header nav a:containsOwn(Mastodon)").attr("href"))
        .isEqualTo("https://social.example/@jo");
  }

  @Test
  void aPostPageEscapesWhatTheTitleSaysAndKeepsTheSanitisedBody() throws Exception {
    var html = get("/posts/hello").body();
    var page = Jsoup.parse(html);

    assertThat(page.select("article.post h1").text()).isEqualTo("Hello <script>alert(1)</script>");
    assertThat(page.select("article.post script")).isEmpty();
    assertThat(page.select("article.post .body p")).hasSize(2);
    String jsonLd = page.select("script[type=application/ld+json]").html();
    assertThat(jsonLd).as("no markup starts inside the script").doesNotContain("<");
    assertThat(JSON.readTree(jsonLd).path("headline").asString())
        .isEqualTo("Hello <script>alert(1)</script>");
    assertThat(page.select("#comments-title").text()).isEqualTo("No comments");
    assertThat(page.select("#comment-form [name=authorName]")).hasSize(1);
    assertThat(page.select("#comment-form [name=parentId]"))
        .as("no comment to reply to, so nobody is offered")
        .isEmpty();
  }

  @Test
  void aReadersBrowserCountsTheirReadingAndEveryPageListsThePopularPosts() throws Exception {
    var reader = Jsoup.parse(get("/posts/hello").body());
    var staff =
        Jsoup.parse(
            http.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/posts/hello"))
                        .header("Cookie", "INKWELL_SESSION=signed-in-to-the-admin")
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body());
    var home = Jsoup.parse(get("/").body());

    assertThat(reader.select("script[src*=/js/views]").attr("data-post")).isEqualTo("p1");
    assertThat(staff.select("script[src*=/js/views]"))
        .as("a browser signed in to the admin counts nothing")
        .isEmpty();
    assertThat(home.select("script[src*=/js/views]")).as("a list is no reading").isEmpty();
    var popular = home.select("footer nav.popular");
    assertThat(popular.select("h2").text()).isEqualTo("Popular posts");
    assertThat(popular.select("li a").attr("href")).isEqualTo("/posts/hello");
    assertThat(popular.select("li a").text()).isEqualTo("Hello <script>alert(1)</script>");
    assertThat(reader.select("footer nav.popular li")).as("on every page").hasSize(1);
  }

  @Test
  void aPostEndsWithItsAuthorsBioAndTheirPageIntroducesThem() throws Exception {
    var post = Jsoup.parse(get("/posts/hello").body());

    var about = post.select("aside.author-bio");
    assertThat(about.select("h2").text()).isEqualTo("About Jo Bloggs");
    assertThat(about.select("h2 a").attr("href")).isEqualTo("/authors/a1");
    assertThat(about.select("p").first().text()).isEqualTo("Writes <b>about</b> trains.");
    assertThat(about.select("b")).as("a bio is text, not markup").isEmpty();
    var website = about.select(".author-website a");
    assertThat(website.text()).isEqualTo("jo.example.org");
    assertThat(website.attr("href")).isEqualTo("https://www.jo.example.org/");
    assertThat(website.attr("rel")).isEqualTo("me noopener");
    assertThat(about.select("img.avatar").attr("src")).isEqualTo("/api/images/ab12?w=600");
    assertThat(post.select("script[type=application/ld+json]").html())
        .contains("\"url\":\"https://blog.example.org/authors/a1\"")
        .contains("\"sameAs\":\"https://www.jo.example.org/\"");

    var page = Jsoup.parse(get("/authors/a1").body());
    assertThat(page.select("h1").text()).isEqualTo("Posts by Jo Bloggs");
    assertThat(page.select(".list-introduction").text()).isEqualTo("Writes <b>about</b> trains.");
    assertThat(page.select(".list-website a").attr("href"))
        .isEqualTo("https://www.jo.example.org/");
    assertThat(page.select("img.list-avatar").attr("src")).isEqualTo("/api/images/ab12?w=600");
    assertThat(page.select("meta[name=description]").attr("content"))
        .isEqualTo("Writes <b>about</b> trains.");
  }

  @Test
  void aSignInThatAuthServiceRefusedEndsOnAPageThatSaysSoInsteadOfStartingOver() throws Exception {
    var response = get("/sign-in-failed");

    assertThat(response.statusCode()).isEqualTo(403);
    var page = Jsoup.parse(response.body());
    assertThat(page.select("h1").text()).isEqualTo("Signing in did not work");
    assertThat(page.select("main a[href=/admin]").text()).isEqualTo("Try again");
  }

  @Test
  void robotsAndSitemapAnswerWhateverTheCrawlerAccepts() throws Exception {
    for (String path :
        new String[] {
          "/robots.txt",
          "/sitemap.xml",
          "/sitemap-pages.xml",
          "/sitemap-posts-2009-03.xml",
          "/sitemap-tags.xml",
          "/sitemap-authors.xml"
        }) {
      var response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Accept", "text/html")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path).isEqualTo(200);
    }
    assertThat(
            Jsoup.parse(get("/sitemap.xml").body(), org.jsoup.parser.Parser.xmlParser())
                .select("sitemapindex > sitemap > loc")
                .eachText())
        .containsExactly(
            "https://blog.example.org/sitemap-pages.xml",
            "https://blog.example.org/sitemap-posts-2009-03.xml",
            "https://blog.example.org/sitemap-tags.xml",
            "https://blog.example.org/sitemap-authors.xml");
    assertThat(get("/sitemap-pages.xml").body()).contains("<loc>https://blog.example.org/</loc>");
    assertThat(get("/sitemap-posts-2009-03.xml").body())
        .contains(
            "<url><loc>https://blog.example.org/posts/hello</loc>"
                + "<lastmod>2009-03-12T16:41:00Z</lastmod></url>");
    assertThat(get("/sitemap-tags.xml").body())
        .contains("<loc>https://blog.example.org/tags/travel</loc>");
    assertThat(get("/sitemap-authors.xml").body())
        .contains("<loc>https://blog.example.org/authors/a1</loc>");
    for (String noMonth :
        new String[] {"/sitemap-posts-2009-13.xml", "/sitemap-posts-0000-01.xml"}) {
      assertThat(get(noMonth).statusCode()).as(noMonth).isEqualTo(404);
    }
    assertThat(get("/robots.txt").body()).contains("Sitemap: https://blog.example.org/sitemap.xml");
  }

  /**
   * While post-service is down a reader is asked to come back, and a search engine keeps the pages
   * it knew: no empty front page, no 404 for a post that exists, a 503 with {@code Retry-After}.
   */
  @Test
  void whilePostsCannotBeReadPagesAreA503NotAnEmptyBlogOrA404() throws Exception {
    down = List.of("/api/posts", "/api/redirects", "/api/tags", "/api/pages", "/api/authors");
    try {
      for (String path : List.of("/", "/posts/hello", "/tags/travel", "/no-such-page")) {
        var response = get(path);

        assertThat(response.statusCode()).as(path).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).as(path).hasValue("10");
        var page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).as(path).isEqualTo("Something went wrong");
        assertThat(page.text()).as(path).doesNotContain("Nothing here yet", "not here");
      }
    } finally {
      down = List.of();
    }
    assertThat(get("/posts/hello").statusCode()).isEqualTo(200);
  }

  /**
   * While comment-service is down the posts are still read, without their threads and counts, and
   * nothing says "No comments" of a post that may have many.
   */
  @Test
  void whileCommentsCannotBeReadPostsAreReadWithoutThemNotWithNone() throws Exception {
    down = List.of("/api/comments", "/api/posts/p1/comments");
    try {
      var post = get("/posts/hello");
      var home = get("/");

      assertThat(post.statusCode()).isEqualTo(200);
      var page = Jsoup.parse(post.body());
      assertThat(page.select("article.post h1").text()).startsWith("Hello");
      assertThat(page.select("#comments-title").text()).isEqualTo("Comments");
      assertThat(page.select("#comments .notice").text())
          .isEqualTo("The comments cannot be shown just now. Please come back in a moment.");
      assertThat(page.select("#comment-form")).as("a comment could not be sent").isEmpty();
      assertThat(page.text()).doesNotContain("No comments");
      // one sent anyway (the page was open before) comes back with the reader's words, to send
      // again
      var reader = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
      var refused =
          postForm(
              reader,
              "/posts/hello/comments",
              "postId=p1&authorName=Ann&authorEmail=ann%40example.org&body=Lovely+trip%21");
      assertThat(refused.statusCode()).isEqualTo(302);
      var location = URI.create(refused.headers().firstValue("Location").orElseThrow());
      var back =
          Jsoup.parse(
              reader
                  .send(
                      HttpRequest.newBuilder(
                              URI.create("http://localhost:" + port).resolve(location))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      assertThat(back.select("#comment-form .error").text())
          .isEqualTo("The comment could not be sent; try again.");
      assertThat(back.select("#comment-body").text()).isEqualTo("Lovely trip!");
      assertThat(back.select("#comment-name").val()).isEqualTo("Ann");
      assertThat(home.statusCode()).isEqualTo(200);
      var list = Jsoup.parse(home.body());
      assertThat(list.select("article.card h2").text()).startsWith("Hello");
      assertThat(list.select("article.card .byline").text())
          .contains("Jo")
          .doesNotContain("comment");
    } finally {
      down = List.of();
    }
    assertThat(Jsoup.parse(get("/posts/hello").body()).select("#comments-title").text())
        .isEqualTo("No comments");
  }

  /**
   * An API connection that goes silent (a request lost on the way, a gateway stuck) ends in the
   * calm 503 page once the web module stops waiting, instead of a page that never loads.
   */
  @Test
  void aPageWhoseApiAnswerNeverComesIsA503NotAnEndlessWait() throws Exception {
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/posts/silent"))
                .timeout(java.time.Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Something went wrong");
  }

  @Test
  void anUnknownPostIsAFriendly404() throws Exception {
    var response = get("/posts/nothing-here");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("This page is not here");
  }

  /**
   * The error page's address is no page of the blog: the reader gets the friendly 404, not a 500.
   */
  @Test
  void theErrorPathAskedForDirectlyIsTheFriendly404() throws Exception {
    var browser =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/error"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(browser.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(browser.body()).select("h1").text()).isEqualTo("This page is not here");

    var program = get("/error");
    assertThat(program.statusCode()).isEqualTo(404);
    var problem = JSON.readTree(program.body());
    assertThat(problem.path("type").asString()).isEqualTo("https://inkwell.dev/problems/not-found");
    assertThat(problem.path("instance").asString()).isEqualTo("/error");
  }

  @Test
  void anAddressThatCannotBeReadIsAProblemForProgramsAndAPageForBrowsers() throws Exception {
    var program = get("/?cursor=%ff");
    assertThat(program.statusCode()).isEqualTo(400);
    assertThat(program.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    var problem = JSON.readTree(program.body());
    assertThat(problem.path("type").asString())
        .isEqualTo("https://inkwell.dev/problems/bad-request");
    assertThat(problem.path("detail").asString()).contains("percent-encoded UTF-8");
    assertThat(problem.path("instance").asString()).isEqualTo("/");

    var browser =
        http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/search?q=%ff"))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(browser.statusCode()).isEqualTo(400);
    assertThat(Jsoup.parse(browser.body()).select("h1").text())
        .isEqualTo("This address does not work");
  }

  /**
   * The subscribe form leads back to the page it was sent from; to the home page when that is not a
   * page of this blog, or an address longer than any of its pages (never an error).
   */
  @Test
  void theSubscribeFormLeadsBackToItsPageOrHome() throws Exception {
    var cases = new LinkedHashMap<String, String>();
    cases.put("/posts/hello", "/posts/hello#subscribe");
    cases.put("https://elsewhere.example/", "/#subscribe");
    cases.put("//elsewhere.example/", "/#subscribe");
    cases.put("/search?q=" + "x".repeat(9_000), "/#subscribe");
    for (var example : cases.entrySet()) {
      String form =
          "email=a%40example.org&from="
              + URLEncoder.encode(example.getKey(), StandardCharsets.UTF_8);
      var answer = postForm(http, "/subscribe", form);

      assertThat(answer.statusCode()).as(example.getKey()).isEqualTo(302);
      String location = answer.headers().firstValue("Location").orElseThrow();
      assertThat(location.replaceFirst("^http://localhost:\\d+", ""))
          .as(example.getKey())
          .isEqualTo(example.getValue());
    }
  }

  /**
   * A known author's page with a cursor the API refuses (a link copied wrong, an old one) is their
   * page with no posts on it, as the home page is, not an error.
   */
  @Test
  void aKnownAuthorsPageWithACursorTheApiRefusesIsStillTheirPage() throws Exception {
    var response = get("/authors/a1?cursor=stale");

    assertThat(response.statusCode()).isEqualTo(200);
    var page = Jsoup.parse(response.body());
    assertThat(page.select("h1").text()).isEqualTo("Posts by Jo Bloggs");
    assertThat(page.select("article.card")).isEmpty();
  }

  /** An author the blog does not know has no page, on any page of their posts. */
  @Test
  void anUnknownAuthorIsAFriendly404EvenPastTheFirstPage() throws Exception {
    for (String path : List.of("/authors/nobody", "/authors/nobody?cursor=c2")) {
      var response = get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(Jsoup.parse(response.body()).select("h1").text())
          .isEqualTo("This page is not here");
    }
  }

  /**
   * A mail's link that lost its token on the way (broken over two lines, or cut off) says at once
   * that it does not work, instead of offering a button that could only fail.
   */
  @Test
  void aMailsLinkWithoutItsTokenSaysItDoesNotWork() throws Exception {
    for (String page :
        List.of(
            "/subscriptions/confirm",
            "/subscriptions/unsubscribe",
            "/subscriptions/never",
            "/subscriptions/replies",
            "/subscriptions/comments",
            "/subscriptions/comments/never")) {
      for (String broken : List.of("", "?token=", "?token=%20", "?token=eyJh%0D%0AbGc.c2ln")) {
        var answer = Jsoup.parse(get(page + broken).body());
        assertThat(answer.select("h1").text())
            .as(page + broken)
            .isEqualTo("This link does not work");
        assertThat(answer.select("main form")).as(page + broken).isEmpty();
      }
      var whole = Jsoup.parse(get(page + "?token=eyJhbGc.c2ln").body());
      assertThat(whole.select("main form input[name=token]").val())
          .as(page)
          .isEqualTo("eyJhbGc.c2ln");
    }
  }

  /** Whatever an unsubscribe link's token holds reaches the API as the one value it is. */
  @Test
  void anUnsubscribeTokenIsSentOnPercentEncoded() throws Exception {
    var answer =
        postForm(
            http,
            "/subscriptions/unsubscribe",
            "token=" + URLEncoder.encode("{\"$gt\":\"\"}&x=1", StandardCharsets.UTF_8));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(unsubscribedWith).isEqualTo("token=%7B%22%24gt%22%3A%22%22%7D%26x%3D1");
  }

  /** A form whose multipart body cannot be read is a 400 too, not a failure of the blog. */
  @Test
  void aFormThatCannotBeReadIsA400ForProgramsAndBrowsers() throws Exception {
    for (String accept : List.of("application/json", "text/html")) {
      var answer =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/subscribe"))
                  .header("Accept", accept)
                  .header("Content-Type", "multipart/form-data")
                  .POST(HttpRequest.BodyPublishers.ofString("email=a@example.org"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).as(accept).isEqualTo(400);
      if (accept.equals("text/html")) {
        assertThat(Jsoup.parse(answer.body()).select("h1").text())
            .isEqualTo("This address does not work");
      } else {
        assertThat(JSON.readTree(answer.body()).path("detail").asString()).contains("form");
      }
    }
  }

  @Test
  void theOldBloggerFeedAndLabelPagesLeadToThisBlogsFeedAndTagPage() throws Exception {
    var feed = get("/feeds/posts/default?alt=rss");
    assertThat(feed.statusCode()).isEqualTo(301);
    assertThat(feed.headers().firstValue("Location").orElseThrow()).endsWith("/feed.rss");
    var label = get("/search/label/Travel");
    assertThat(label.statusCode()).isEqualTo(301);
    assertThat(label.headers().firstValue("Location").orElseThrow()).endsWith("/tags/travel");
    assertThat(get("/search/label/Knitting").statusCode()).isEqualTo(404);
    var ownSlug = get("/tag/trips/");
    assertThat(ownSlug.statusCode()).as("a slug of the old blog's own").isEqualTo(301);
    assertThat(ownSlug.headers().firstValue("Location").orElseThrow()).endsWith("/tags/travel");
  }

  @Test
  void anOldBloggerOlderPostsLinkLeadsToTheMonthOfThePostsItShowed() throws Exception {
    var older = get("/search?updated-max=2009-03-12T16:41:00-07:00&max-results=7");
    assertThat(older.statusCode()).isEqualTo(301);
    assertThat(older.headers().firstValue("Location").orElseThrow()).endsWith("/archive/2009/03");
    var eastOfGreenwich =
        get("/search?updated-max=2009-04-01T00:30:00%2B02:00&max-results=7&reverse-paginate=true");
    assertThat(eastOfGreenwich.headers().firstValue("Location").orElseThrow())
        .as("the month as the blog counts it (UTC here)")
        .endsWith("/archive/2009/03");
    assertThat(get("/search?updated-max=2009-03-12T16:41:00+01:00").statusCode())
        .as("its + read as a space")
        .isEqualTo(301);
    assertThat(get("/search?updated-max=yesterday").statusCode())
        .as("a time that cannot be read: the search page")
        .isEqualTo(200);
    assertThat(get("/search?q=trams&updated-max=2009-03-12T16:41:00Z").statusCode())
        .as("a search stays one")
        .isEqualTo(200);
  }

  /** A tag is linked by itself ("travel") and read by its name ("Travel"), as Ghost shows tags. */
  @Test
  void aTagIsShownByItsNameWhereverReadersMeetIt() throws Exception {
    var home = Jsoup.parse(get("/").body());
    assertThat(home.select("article.card .tags a").text()).isEqualTo("Travel");

    var post = Jsoup.parse(get("/posts/hello").body());
    assertThat(post.select("article .tags a").text()).isEqualTo("Travel");
    assertThat(post.select("#subscribe input[name=tags]").attr("value")).isEqualTo("travel");
    assertThat(post.select("#subscribe label.choice").text()).isEqualTo("Travel");
    var postingData = JSON.readTree(post.select("script[type=application/ld+json]").first().data());
    assertThat(postingData.path("keywords").asString()).isEqualTo("Travel");

    var tagPage = get("/tags/travel");
    assertThat(tagPage.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(tagPage.body()).select("h1").text()).contains("Travel");
    var index = Jsoup.parse(get("/tags").body());
    assertThat(index.select(".tag-index a").text()).isEqualTo("Travel");
    assertThat(index.select(".tag-index a").attr("href")).isEqualTo("/tags/travel");
  }

  @Test
  void aTagsPageHasOneAddressHoweverItIsTyped() throws Exception {
    var typed = get("/tags/Travel?cursor=c2");
    assertThat(typed.statusCode()).isEqualTo(301);
    assertThat(typed.headers().firstValue("Location").orElseThrow())
        .endsWith("/tags/travel?cursor=c2");
  }

  @Test
  void browsersCanAddTheBlogsSearchAndWordPressSearchLinksSearchHere() throws Exception {
    var home = Jsoup.parse(get("/").body());
    var described = home.select("link[rel=search]");
    assertThat(described.attr("type")).isEqualTo("application/opensearchdescription+xml");
    var answer = get(described.attr("href"));
    assertThat(answer.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/opensearchdescription+xml");
    var description = Jsoup.parse(answer.body(), org.jsoup.parser.Parser.xmlParser());
    assertThat(description.select("OpenSearchDescription > Url[type=text/html]").attr("template"))
        .isEqualTo("https://blog.example.org/search?q={searchTerms}");
    assertThat(description.select("ShortName").text()).isNotBlank().hasSizeLessThanOrEqualTo(16);

    // WordPress's search links, kept from before the blog moved here
    var search = get("/?s=night+tr%C3%A4ms");
    assertThat(search.statusCode()).isEqualTo(301);
    assertThat(search.headers().firstValue("Location").orElseThrow())
        .endsWith("/search?q=night%20tr%C3%A4ms");
  }

  @Test
  void feedReadersOfAWordPressBlogWithoutPrettyAddressesKeepItsFeeds() throws Exception {
    for (var feed :
        java.util.Map.of(
                "rss2", "/feed.rss",
                "atom", "/feed.atom",
                "comments-rss2", "/comments/feed.rss")
            .entrySet()) {
      var moved = get("/?feed=" + feed.getKey());
      assertThat(moved.statusCode()).as(feed.getKey()).isEqualTo(301);
      assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(feed.getValue());
    }
    assertThat(get("/?feed=nonsense").statusCode()).as("the home page").isEqualTo(200);
  }

  @Test
  void aWordPressBlogsPlainAddressesOfTagsAndArchivesLeadToTheirPagesHere() throws Exception {
    var tag = get("/?tag=Travel");
    assertThat(tag.statusCode()).isEqualTo(301);
    assertThat(tag.headers().firstValue("Location").orElseThrow()).endsWith("/tags/travel");
    assertThat(get("/?category_name=journeys/Travel").headers().firstValue("Location"))
        .as("a category under another")
        .hasValueSatisfying(location -> assertThat(location).endsWith("/tags/travel"));
    assertThat(get("/?tag=knitting").statusCode()).as("a tag the blog has not").isEqualTo(200);
    for (var archive :
        java.util.Map.of(
                "200903", "/archive/2009/03", "20090312", "/archive/2009/03", "2009", "/archive")
            .entrySet()) {
      var moved = get("/?m=" + archive.getKey());
      assertThat(moved.statusCode()).as(archive.getKey()).isEqualTo(301);
      assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(archive.getValue());
    }
    assertThat(get("/?m=1").statusCode()).as("Blogger's page for phones").isEqualTo(200);
  }

  @Test
  void theAddressACommentFormPostsToOpensItsPostInTheBrowser() throws Exception {
    // where a comment form with a mistake is shown again; opened from the address bar, the post
    var opened = get("/posts/hello/comments");
    assertThat(opened.statusCode()).isEqualTo(303);
    assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/posts/hello");
  }

  @Test
  void theOldGhostOrWordPressAuthorPagesAndFeedsLeadToTheAuthorsHere() throws Exception {
    // Ghost and WordPress slug the author's name "Jo Bloggs" as jo-bloggs
    var page = get("/author/jo-bloggs/");
    assertThat(page.statusCode()).isEqualTo(301);
    assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/authors/a1");
    var ghostFeed = get("/author/jo-bloggs/rss/");
    assertThat(ghostFeed.statusCode()).isEqualTo(301);
    assertThat(ghostFeed.headers().firstValue("Location").orElseThrow())
        .endsWith("/authors/a1/feed.rss");
    var blogFeed = get("/rss/");
    assertThat(blogFeed.statusCode()).isEqualTo(301);
    assertThat(blogFeed.headers().firstValue("Location").orElseThrow()).endsWith("/feed.rss");
    assertThat(get("/author/nobody-here/").statusCode()).isEqualTo(404);
  }

  @Test
  void aSearchEnginesLinkToAnAmpPageOfTheOldBlogLeadsToThePostHere() throws Exception {
    for (String amp : List.of("/a-walk/amp/", "/a-walk/amp", "/a-walk/?amp=1")) {
      var moved = get(amp);
      assertThat(moved.statusCode()).as(amp).isEqualTo(301);
      assertThat(moved.headers().firstValue("Location").orElseThrow())
          .as(amp)
          .endsWith("/posts/a-walk");
    }
    assertThat(get("/no-walk/amp/").statusCode()).isEqualTo(404);
  }

  @Test
  void anAuthorsBookmarkOfTheOldBlogsAdminLeadsToTheAdminHere() throws Exception {
    for (String admin :
        List.of("/wp-admin/", "/wp-admin/post-new.php", "/wp-login.php", "/ghost/")) {
      var moved = get(admin);
      assertThat(moved.statusCode()).as(admin).isEqualTo(301);
      assertThat(moved.headers().firstValue("Location").orElseThrow()).as(admin).endsWith("/admin");
    }
    assertThat(get("/wp-content/themes/x.css").statusCode()).isEqualTo(404);
  }

  @Test
  void aLinkToABloggerPageOfTheOldBlogLeadsToItHereAndAnUnknownOneIsA404() throws Exception {
    var moved = get("/p/about-me.html");
    assertThat(moved.statusCode()).isEqualTo(301);
    assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith("/pages/about-me");

    // as Blogger's phone view (?m=1) and a shared link's tags (utm_source) left it
    for (String query : List.of("?m=1", "?utm_source=mastodon&utm_medium=social")) {
      var withQuery = get("/p/about-me.html" + query);
      assertThat(withQuery.statusCode()).as(query).isEqualTo(301);
      assertThat(withQuery.headers().firstValue("Location").orElseThrow())
          .as(query)
          .endsWith("/pages/about-me");
    }

    var unknown = get("/p/never-was.html");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Jsoup.parse(unknown.body()).select("h1").text()).isEqualTo("This page is not here");
  }
}
