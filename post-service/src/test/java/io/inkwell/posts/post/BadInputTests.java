package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.RawHttp;
import io.inkwell.testsupport.TestTokens;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;

class BadInputTests extends IntegrationTest {

  @Autowired private Posts posts;
  @Autowired private MongoOperations mongo;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"unterminated",
        "[1, 2, 3]",
        "{\"title\": {\"$gt\": \"\"}, \"body\": \"b\"}",
        "{\"title\": \"t\", \"body\": \"b\", \"tags\": \"not-a-list\"}",
        ""
      })
  void malformedBodiesAreRejectedAndWriteNothing(String body) {
    long before = posts.count();

    var response = api().post("/api/posts", body);

    assertProblem(response, 400);
    assertThat(posts.count()).isEqualTo(before);
  }

  /**
   * A field of the wrong kind is named with what it takes, as a wrong parameter is, and is not
   * turned into its kind: a title of {@code true} is a client's bug, not a post called "true".
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": {\"$gt\": \"\"}, \"body\": \"b\"}|title|must be text",
        "{\"title\": \"t\", \"body\": \"b\", \"tags\": \"not-a-list\"}|tags|must be a list",
        "{\"title\": \"t\", \"body\": \"b\", \"tags\": [\"a\", {\"$ne\": 1}]}|tags[1]|must be text",
        "{\"title\": \"t\", \"body\": \"b\", \"commentsOpen\": \"maybe\"}|commentsOpen|must be true or false",
        "{\"title\": 2009, \"body\": \"b\"}|title|must be text",
        "{\"title\": true, \"body\": \"b\"}|title|must be text",
        "{\"title\": \"t\", \"body\": 1.5}|body|must be text",
        "{\"title\": \"t\", \"body\": \"b\", \"tags\": [7]}|tags[0]|must be text",
        "{\"title\": \"t\", \"body\": \"b\", \"commentsOpen\": \"false\"}|commentsOpen|must be true or false",
        "{\"title\": \"t\", \"body\": \"b\", \"commentsOpen\": 0}|commentsOpen|must be true or false"
      })
  void aFieldOfTheWrongKindIsNamedWithWhatItTakes(String example) {
    String[] parts = example.split("\\|");
    long before = posts.count();

    var response = api().post("/api/posts", parts[0]);

    assertProblem(response, 400);
    assertThat(posts.count()).isEqualTo(before);
    assertThat(response.text("detail")).isEqualTo(parts[1] + " " + parts[2] + ".");
    var error = response.json().path("errors").get(0);
    assertThat(error.path("field").asString()).isEqualTo(parts[1]);
    assertThat(error.path("message").asString()).isEqualTo(parts[2]);
  }

  /**
   * Which of two values of one field counts differs from parser to parser, so a body that gives a
   * field twice is refused by name, not read with the last one winning.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"Shown\", \"body\": \"b\", \"title\": \"Stored\"}|title",
        "{\"title\": \"t\", \"body\": \"b\", \"author\": {\"id\": \"a\", \"id\": \"b\"}}|author.id"
      })
  void aFieldGivenTwiceIsRefusedByNameAndWritesNothing(String example) {
    String[] parts = example.split("\\|");
    long before = posts.count();

    var response = api().post("/api/posts", parts[0]);

    assertProblem(response, 400);
    assertThat(response.text("detail")).isEqualTo(parts[1] + " is given more than once.");
    assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(parts[1]);
    assertThat(posts.count()).isEqualTo(before);
  }

  @Test
  void missingAndOversizedFieldsAreListedByName() {
    var response =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "x".repeat(301),
                        "slug",
                        "Not A Slug!",
                        "tags",
                        java.util.Collections.nCopies(31, "t"))));

    assertProblem(response, 400);
    assertThat(response.text("type")).endsWith("/validation");
    assertThat(response.json().path("errors").findValuesAsString("field"))
        .contains("title", "body", "slug", "tags");
    assertThat(messages(response))
        .as("in words an author reads in the editor")
        .contains(
            "title: at most 300 characters",
            "body: must not be empty",
            "tags: at most 30 tags",
            "slug: lower-case letters, digits and single hyphens");

    var blank = api().post("/api/posts", ApiClient.json(Map.of("title", "  ", "body", "b")));
    assertThat(messages(blank)).as("said once").containsExactly("title: must not be empty");
  }

  private static List<String> messages(ApiClient.Response response) {
    return response
        .json()
        .path("errors")
        .valueStream()
        .map(error -> error.path("field").asString() + ": " + error.path("message").asString())
        .toList();
  }

  /**
   * Characters XML cannot carry would break the feeds for every reader once stored: a control
   * character becomes a space, half of a character the replacement character, as in a browser.
   */
  @Test
  void charactersNoFeedCanCarryAreCleanedAwayAndTheFeedStaysReadable() throws Exception {
    var created =
        api()
            .post(
                "/api/posts",
                "{\"title\": \"Null\\u0000and\\u0007bell \\ud83d\", \"body\": \"Tail\\u000c\\udc00\","
                    + " \"excerpt\": \"Odd \\uffff\", \"tags\": [\"x\\u001by\"]}");

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("title")).isEqualTo("Null and bell \uFFFD");
    assertThat(created.text("bodyMarkdown")).isEqualTo("Tail \uFFFD");
    assertThat(created.text("excerpt")).isEqualTo("Odd \uFFFD");
    assertThat(created.json().path("tags").get(0).asString()).isEqualTo("x y");

    api().post("/api/posts/" + created.text("id") + "/publish", "");
    var feed = anonymous().get("/feed.atom");
    assertThat(feed.status()).isEqualTo(200);
    assertThat(
            new SyndFeedInput()
                .build(new StringReader(feed.raw().body()))
                .getEntries()
                .get(0)
                .getTitle())
        .isEqualTo("Null and bell \uFFFD");
  }

  @Test
  void tabsLineBreaksEmojiAndRightToLeftTextAreKept() {
    String body = "Line one\tcolumn\r\nLine two 😀 שלום";
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of("title", "Smile 😀 مرحبا", "body", body, "tags", List.of("ü"))));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("title")).isEqualTo("Smile 😀 مرحبا");
    assertThat(created.text("bodyMarkdown")).isEqualTo(body);
  }

  @Test
  void aBodyAboveOneMebibyteIsTooLargeAndAnEvenLargerRequestIsRefusedUnread() {
    var tooLarge =
        api().post("/api/posts", ApiClient.json(Map.of("title", "t", "body", "é".repeat(600_000))));
    var huge = api().post("/api/posts", "{\"title\": \"" + "x".repeat(3_000_000) + "\"}");

    assertProblem(tooLarge, 413);
    assertProblem(huge, 413);
    assertThat(huge.header("Content-Type"))
        .as("JSON is UTF-8: no other charset declared")
        .isEqualTo("application/problem+json");
  }

  /**
   * Quotes, lists or emphasis nested thousands deep (a few kilobytes of {@code >} or {@code *})
   * would take the renderer's stack: a 422 naming the nesting, on writing, re-writing and
   * previewing, and nothing changes.
   */
  @ParameterizedTest
  @ValueSource(strings = {">", "- ", "1. ", "> - ", "*", "  - x\n"})
  void aBodyNestedThousandsDeepIsRefusedAndChangesNothing(String level) {
    String deep =
        level.equals("*")
            ? "*".repeat(4_000) + "x" + "*".repeat(4_000)
            : level.endsWith("\n")
                ? java.util.stream.IntStream.range(0, 700)
                    .mapToObj(depth -> "  ".repeat(depth) + "- x\n")
                    .collect(java.util.stream.Collectors.joining())
                : level.repeat(5_000) + "x";
    var draft =
        api().post("/api/posts", ApiClient.json(Map.of("title", "Shallow", "body", "Flat.")));
    long before = posts.count();

    var created = api().post("/api/posts", ApiClient.json(Map.of("title", "Deep", "body", deep)));
    var edited =
        api()
            .put(
                "/api/posts/" + draft.text("id"),
                ApiClient.json(Map.of("title", "Deep", "body", deep)),
                "If-Match",
                draft.header("ETag"));
    var previewed =
        api().post("/api/posts/preview", ApiClient.json(Map.of("title", "Deep", "body", deep)));

    for (var refused : List.of(created, edited, previewed)) {
      assertProblem(refused, 422);
      assertThat(refused.text("type")).isEqualTo("https://inkwell.dev/problems/nested-too-deeply");
      assertThat(refused.text("detail")).contains("more than 100 levels deep");
    }
    assertThat(posts.count()).isEqualTo(before);
    var kept = api().get("/api/posts/" + draft.text("id"));
    assertThat(kept.text("title")).isEqualTo("Shallow");
    assertThat(kept.text("bodyMarkdown")).isEqualTo("Flat.");
  }

  /**
   * A paragraph of thousands of {@code ![} takes the inline parser minutes: refused wherever it
   * stands, after what only looks like a fence too (in an HTML block, in a table's row), while a
   * list of thousands of links, each item read alone, is a post like any other.
   */
  @Test
  void piledUpBracketsAreRefusedWhereverTheyStandAndAListOfLinksIsNot() {
    String piled = "![".repeat(1_001) + "x";
    long before = posts.count();

    for (String body :
        List.of(piled, "<div>\n```\n</div>\n\n" + piled, "| a |\n|---|\n``` |\n" + piled)) {
      var refused =
          api().post("/api/posts", ApiClient.json(Map.of("title", "Piled", "body", body)));
      assertProblem(refused, 422);
      assertThat(refused.text("type")).isEqualTo("https://inkwell.dev/problems/nested-too-deeply");
      assertThat(refused.text("detail")).contains("in one paragraph");
    }
    assertThat(posts.count()).isEqualTo(before);

    var links = new StringBuilder();
    for (int i = 1; i <= 2_000; i++) {
      links.append("- [Issue ").append(i).append("](https://example.org/").append(i).append(")\n");
    }
    var list =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Back issues", "body", links.toString())));
    assertThat(list.status()).as(list.toString()).isEqualTo(201);
    assertThat(Jsoup.parse(list.text("bodyHtml")).select("li a")).hasSize(2_000);
  }

  /**
   * Lines of one paragraph beginning with a mark have the parser look back over the paragraph for
   * each of them (40,000 took it seconds, a megabyte minutes): refused, where a list as long is a
   * post.
   */
  @Test
  void linesTheParserWouldLookBackOverAreRefusedAndALongListIsNot() {
    long before = posts.count();

    var refused =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of("title", "Run on", "body", "para\n" + "#a\n".repeat(40_000))));
    var list =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "A long list", "body", "- item\n".repeat(30_000))));

    assertProblem(refused, 422);
    assertThat(refused.text("type")).isEqualTo("https://inkwell.dev/problems/nested-too-deeply");
    assertThat(refused.text("detail")).contains("blank lines between its paragraphs");
    assertThat(list.status()).as(list.toString().substring(0, 200)).isEqualTo(201);
    assertThat(posts.count()).isEqualTo(before + 1);
  }

  @Test
  void fieldsOnlyTheServiceSetsAreNotBound() {
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title", "Mass assignment",
                        "body", "b",
                        "id", "chosen-id",
                        "status", "PUBLISHED",
                        "publishedAt", "2001-01-01T00:00:00Z",
                        "version", 42,
                        "author", Map.of("id", "someone-else", "name", "Mallory"))));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("id")).isNotEqualTo("chosen-id");
    assertThat(created.text("status")).isEqualTo("DRAFT");
    assertThat(created.json().path("publishedAt").isMissingNode()).isTrue();
    assertThat(created.json().path("version").asLong()).isZero();
    assertThat(created.json().path("author").path("id").asString()).isEqualTo(EDITOR);
  }

  @Test
  void aTakenSlugIsAConflict() {
    var first =
        api().post("/api/posts", ApiClient.json(Map.of("title", "t", "body", "b", "slug", "mine")));
    var second =
        api().post("/api/posts", ApiClient.json(Map.of("title", "t", "body", "b", "slug", "mine")));

    assertThat(first.status()).isEqualTo(201);
    assertProblem(second, 409);
  }

  @Test
  void wrongContentTypeIsUnsupported() {
    assertProblem(api().postAs("/api/posts", "text/plain", "title=x"), 415);
  }

  @Test
  void unknownPostsAreNotFound() {
    assertProblem(api().get("/api/posts/no-such-post"), 404);
    assertProblem(api().post("/api/posts/no-such-post/publish", ""), 404);
    var nothing = api().get("/api/nothing-here");
    assertProblem(nothing, 404);
    assertThat(nothing.text("detail")).isEqualTo("Nothing is at /api/nothing-here.");
  }

  /**
   * A reader's answer that cannot be given in the form asked for is a 406 that no cache keeps: a
   * CDN in front of the blog must not hand the error to every reader of the post for a minute.
   */
  @ParameterizedTest
  @ValueSource(strings = {"image/png", "text/csv;;;="})
  void anAnswerNotGivenInTheFormAskedForIsNotCached(String accept) {
    String id = published(api(), "Read in JSON only");
    String slug = api().get("/api/posts/" + id).text("slug");
    assertThat(anonymous().get("/api/posts/" + slug).header("Cache-Control")).contains("public");

    for (String path : List.of("/api/posts/" + slug, "/api/posts", "/api/tags")) {
      var refused = anonymous().get(path, "Accept", accept);

      assertThat(refused.status()).as(path).isEqualTo(406);
      assertThat(refused.header("Cache-Control")).as(path).contains("no-store");
      assertThat(refused.header("ETag")).as(path).isNull();
    }
  }

  @Test
  void badPagingParametersAreRejected() {
    assertProblem(api().get("/api/posts?limit=0"), 400);
    assertProblem(api().get("/api/posts?limit=101"), 400);
    var words = api().get("/api/posts?limit=ten");
    assertProblem(words, 400);
    assertThat(words.text("detail")).isEqualTo("limit must be a whole number.");
    var yesterday = api().get("/api/posts?from=yesterday");
    assertProblem(yesterday, 400);
    assertThat(yesterday.json().path("errors").path(0).path("field").asString()).isEqualTo("from");
    assertThat(yesterday.text("detail"))
        .isEqualTo("from must be a date and time such as 2009-03-12T16:41:00Z.");
    // Java reads a time a billion years away; no calendar, feed or database does
    for (String far : List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z")) {
      var beyond = api().get("/api/posts?before=" + far);
      assertProblem(beyond, 400);
      assertThat(beyond.json().path("errors").path(0).path("field").asString()).isEqualTo("before");
      assertProblem(api().get("/api/posts?from=" + far), 400);
    }
    assertProblem(api().get("/api/posts?cursor=%E2%9C%93not-ours"), 400);
    // percent-encoded bytes that are no UTF-8 at all
    assertProblem(api().get("/api/posts?cursor=%00%ff"), 400);
    assertProblem(api().get("/api/posts?tag=%ff&q=%c3"), 400);
    // control characters are no words: nothing to look for, not a 500
    assertThat(api().get("/api/posts?q=%00").status()).isEqualTo(200);
    assertThat(api().get("/api/posts?status=DRAFT&q=a%00b").status()).isEqualTo(200);
  }

  /** A post is scheduled for a time a calendar shows, or not at all. */
  @Test
  void aScheduleBeyondTheYear9999IsRefusedAndTheDraftStaysADraft() {
    String id =
        api()
            .post("/api/posts", ApiClient.json(Map.of("title", "Far off", "body", "Later.")))
            .text("id");

    for (String far : List.of("+999999999-12-31T23:59:59Z", "+10000-01-01T00:00:00Z")) {
      var refused =
          api().post("/api/posts/" + id + "/publish", ApiClient.json(Map.of("publishAt", far)));
      assertProblem(refused, 400);
      assertThat(refused.json().path("errors").path(0).path("field").asString())
          .isEqualTo("publishAt");
    }
    assertThat(api().get("/api/posts/" + id).text("status")).isEqualTo("DRAFT");
    var latest =
        api()
            .post(
                "/api/posts/" + id + "/publish",
                ApiClient.json(Map.of("publishAt", "9999-12-31T23:59:00Z")));
    assertThat(latest.text("status")).isEqualTo("SCHEDULED");
  }

  /**
   * A number is not a time: JavaScript's {@code Date.now()} (milliseconds) read as seconds would
   * schedule the post thousands of years ahead, a small one would publish it dated 1970. The time
   * is asked for as text, by field, on publishing and on re-dating; an offset other than Z is
   * understood.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1741786860000", "12345", "\"12345\"", "1.5", "true"})
  void aNumberWhereATimeBelongsIsRefusedByNameAndChangesNothing(String number) {
    String id =
        api()
            .post("/api/posts", ApiClient.json(Map.of("title", "Numbered", "body", "Soon.")))
            .text("id");

    var refused = api().post("/api/posts/" + id + "/publish", "{\"publishAt\": " + number + "}");

    assertProblem(refused, 400);
    assertThat(refused.text("detail"))
        .isEqualTo("publishAt must be a date and time such as 2009-03-12T16:41:00Z.");
    assertThat(api().get("/api/posts/" + id).text("status")).isEqualTo("DRAFT");

    var published =
        api()
            .post(
                "/api/posts/" + id + "/publish",
                ApiClient.json(Map.of("publishAt", "2009-03-12T17:41:00+01:00")));
    assertThat(published.text("publishedAt")).isEqualTo("2009-03-12T16:41:00Z");
    String etag = published.header("ETag");
    var redated =
        api()
            .put(
                "/api/posts/" + id,
                "{\"title\": \"Numbered\", \"body\": \"Soon.\", \"publishedAt\": " + number + "}",
                "If-Match",
                etag);
    assertProblem(redated, 400);
    assertThat(redated.text("detail"))
        .isEqualTo("publishedAt must be a date and time such as 2009-03-12T16:41:00Z.");
    assertThat(api().get("/api/posts/" + id).text("publishedAt")).isEqualTo("2009-03-12T16:41:00Z");
  }

  /**
   * An If-Match of bytes that are no text (a right-to-left mark sent raw, which the server reads as
   * Latin-1 with a control character in it) is the client's error and changes nothing.
   */
  @Test
  void anIfMatchOfRawBytesIsABadRequestAndChangesNothing() throws Exception {
    String id =
        api()
            .post("/api/posts", ApiClient.json(Map.of("title", "Raw", "body", "As it was.")))
            .text("id");

    String answer =
        RawHttp.exchange(
            port,
            "PUT",
            "/api/posts/" + id,
            List.of(
                "Authorization: Bearer " + TestTokens.staff(EDITOR, "Eddie Editor", "EDITOR"),
                "Content-Type: application/json"),
            "If-Match",
            "\u202e\"1\"".getBytes(StandardCharsets.UTF_8),
            ApiClient.json(Map.of("title", "Raw", "body", "Overwritten."))
                .getBytes(StandardCharsets.UTF_8));

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).contains("Content-Type: application/problem+json");
    assertThat(answer).contains("A header of the request cannot be read");
    assertThat(api().get("/api/posts/" + id).text("bodyMarkdown")).isEqualTo("As it was.");
  }

  /**
   * A multipart body that cannot be parsed (no boundary; a part cut short) is the client's error,
   * as malformed JSON is, wherever it is sent: the picture upload and the imports take multipart,
   * the posts JSON. Nothing is written.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/images", "/api/imports/wordpress", "/api/posts"})
  void aBrokenMultipartBodyIsRefusedAndWritesNothing(String path) {
    long before = posts.count();
    long pictures = mongo.getCollection("images").countDocuments();

    assertProblem(admin().postAs(path, "multipart/form-data", "no boundary"), 400);
    var cutShort =
        admin()
            .postAs(
                path,
                "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xml\"\r\n\r\n<rss");
    assertProblem(cutShort, 400);
    assertThat(cutShort.text("detail")).contains("multipart");

    assertThat(posts.count()).isEqualTo(before);
    assertThat(mongo.getCollection("images").countDocuments()).isEqualTo(pictures);
  }

  /** Addresses the firewall refuses are problems too, not the framework's own JSON. */
  @ParameterizedTest
  @ValueSource(strings = {"/api/posts;jsessionid=1", "/api//posts", "/api/posts/%2e%2e/site"})
  void anAddressTheFirewallRefusesIsAProblem(String path) {
    var answer = anonymous().get(path);

    assertProblem(answer, 400);
    assertThat(answer.text("type")).isEqualTo("https://inkwell.dev/problems/bad-request");
    assertThat(answer.text("instance")).isEqualTo(path);
  }

  /** The error page's own address is no page: asked for directly, nothing is there (not a 500). */
  @Test
  void theErrorPathAskedForDirectlyIsNotFound() {
    var answer = anonymous().get("/error");

    assertProblem(answer, 404);
    assertThat(answer.text("type")).isEqualTo("https://inkwell.dev/problems/not-found");
    assertThat(answer.text("instance")).isEqualTo("/error");
  }

  /**
   * The API takes JSON: a form body where JSON belongs is a 415 however it is written (even with
   * percent-encoding that is no UTF-8), and changes nothing.
   */
  @Test
  void aFormBodyWhereJsonBelongsIsUnsupportedAndChangesNothing() {
    String title = admin().get("/api/site").text("title");

    var answer =
        admin()
            .putAs("/api/site", "application/x-www-form-urlencoded", "title=%ff%zz&description=x");

    assertProblem(answer, 415);
    assertThat(admin().get("/api/site").text("title")).isEqualTo(title);
  }

  /**
   * A title of nothing visible (a zero-width space) is refused; in tags, invisible characters go
   * (one that would turn the words around it too), and a tag of nothing else is none; the joiner an
   * emoji family is made with stays.
   */
  @Test
  void invisibleTitlesAreRefusedAndInvisibleCharactersLeaveTags() {
    long before = posts.count();
    var invisible =
        api().post("/api/posts", ApiClient.json(Map.of("title", "\u200B\u2060", "body", "b")));
    assertProblem(invisible, 400);
    assertThat(invisible.json().path("errors").get(0).path("field").asString()).isEqualTo("title");
    assertThat(posts.count()).isEqualTo(before);

    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "Tags, cleaned",
                        "body",
                        "b",
                        "tags",
                        List.of(
                            "\u200B", "\u202Etrams", "Trams", "fam\u200Bily 👨\u200D👩\u200D👧"))));

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("tags").toString())
        .isEqualTo("[\"trams\",\"family 👨\u200D👩\u200D👧\"]");
  }

  @Test
  void scriptInABodyIsStoredHarmless() {
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "<script>alert(1)</script> ✓ עברית",
                        "body",
                        "Hi <script>alert(1)</script><img src=x onerror=alert(2)>")));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.text("bodyHtml")).doesNotContain("<script", "onerror");
    assertThat(created.text("title")).isEqualTo("<script>alert(1)</script> ✓ עברית");
  }

  /**
   * An address Tomcat refuses before the service reads it, met only by a client that reaches the
   * service directly (the gateway refuses it first), is a problem too, not Tomcat's HTML page.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/posts/%00", "/api/posts/..%2f", "/api/posts/a%2Fb/comments"})
  void anAddressTomcatRefusesIsAProblemToo(String address) {
    var response = anonymous().get(address, "Accept", "text/html");

    assertProblem(response, 400);
    assertThat(response.text("instance")).isEqualTo(address);
  }

  /** A character no address carries unescaped, which no HTTP client library sends, likewise. */
  @Test
  void aRawBracketInTheQueryIsAProblemToo() throws Exception {
    String answer =
        RawHttp.exchange(
            port,
            "GET",
            "/api/posts?q=[a]",
            List.of("Accept: text/html"),
            "X-Test",
            new byte[0],
            new byte[0]);

    assertThat(answer)
        .startsWith("HTTP/1.1 400")
        .contains("Content-Type: application/problem+json");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n")))
        .contains("\"type\":\"https://inkwell.dev/problems/bad-request\"")
        .contains("must be percent-encoded");
  }

  private static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type"))
        .as(response.toString())
        .startsWith("application/problem+json");
    assertThat(response.text("type"))
        .as(response.toString())
        .startsWith("https://inkwell.dev/problems/");
    assertThat(response.json().path("status").asInt()).isEqualTo(status);
    assertThat(response.text("detail")).isNotBlank();
  }
}
