package io.inkwell.comments.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.comments.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.AtOnce;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CommentingTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private Comments comments;

  @Test
  void aPostPublishedOnTheTopicTakesCommentsThatReadersThenSee() {
    String postId = publishedPost();

    var posted =
        api()
            .post(
                "/api/posts/" + postId + "/comments",
                ApiClient.json(
                    Map.of(
                        "authorName", "Ada",
                        "authorEmail", "ada@example.org",
                        "body", "Great post — שלום ✓")));

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.text("status")).isEqualTo("APPROVED");
    assertThat(posted.header("Location"))
        .isEqualTo("/api/posts/" + postId + "/comments/" + posted.text("id"));
    var listed = api().get("/api/posts/" + postId + "/comments");
    assertThat(listed.json().path("items").findValuesAsString("body"))
        .containsExactly("Great post — שלום ✓");
    assertThat(listed.json().path("items").get(0).path("bodyHtml").asString())
        .isEqualTo("<p>Great post — שלום ✓</p>\n");
    assertThat(listed.raw().body()).doesNotContain("ada@example.org").doesNotContain("authorEmail");
    assertThat(api().get("/api/posts/" + postId + "/comments/count").json().path("count").asInt())
        .isEqualTo(1);
  }

  /**
   * A name cannot turn the words shown after it around (an override left open), while a name in a
   * right-to-left script is kept as it is written.
   */
  @Test
  void aNameKeepsItsLettersButNotControlsThatWouldTurnTheWordsAfterItAround() {
    String postId = publishedPost();

    var overriding = commentAs(postId, "\u202Egpj.exe\u2066", "Nice.");
    var hebrew = commentAs(postId, "דוד כהן", "Nice too.");
    var onlyAControl = commentAs(postId, "\u202E", "Nobody.");

    assertThat(overriding.status()).as(overriding.toString()).isEqualTo(201);
    assertThat(overriding.text("authorName")).isEqualTo("gpj.exe");
    assertThat(hebrew.text("authorName")).isEqualTo("דוד כהן");
    assertThat(onlyAControl.status()).isEqualTo(400);
    assertThat(
            api()
                .get("/api/posts/" + postId + "/comments")
                .json()
                .path("items")
                .findValuesAsString("authorName"))
        .containsExactly("gpj.exe", "דוד כהן");
  }

  private ApiClient.Response commentAs(String postId, String name, String body) {
    return api()
        .post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(Map.of("authorName", name, "authorEmail", email(), "body", body)));
  }

  /**
   * Addresses of every script and of new top-level domains are taken as mail takes them, and with
   * the spaces a phone's keyboard leaves around them.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "jürgen@bücher.de",
        " Ann@Example.ORG ",
        "ann@xn--bcher-kva.de",
        "o'brien+blog@mail.example.co.uk",
        "ann@studio.photography"
      })
  void addressesMailCanReachAreTaken(String address) {
    String postId = publishedPost();

    var posted = commentFrom(postId, address);

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
  }

  /** A reader who typed an address no mail reaches is told which field to fix, and how. */
  @Test
  void anAddressNoMailReachesIsNamedInTheProblem() {
    String postId = publishedPost();

    var refused = commentFrom(postId, "ann@gmail");

    assertProblem(refused, 400);
    assertThat(refused.json().path("errors").path(0).path("field").asString())
        .isEqualTo("authorEmail");
    assertThat(refused.json().path("errors").path(0).path("message").asString())
        .contains("ann@example.org");
  }

  /** Ann's short comment on the post, from this address. */
  private ApiClient.Response commentFrom(String postId, String address) {
    return api()
        .post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(Map.of("authorName", "Ann", "authorEmail", address, "body", "Hi.")));
  }

  /** What no feed can carry is cleaned away, so one comment cannot break the comment feeds. */
  @Test
  void controlCharactersAndBrokenCharactersAreCleanedFromNamesAndBodies() {
    String postId = publishedPost();

    var posted =
        api()
            .post(
                "/api/posts/" + postId + "/comments",
                "{\"authorName\": \"Eve\\u0007 \\ud83d\", \"authorEmail\": \"eve@example.org\","
                    + " \"body\": \"hi\\u0000there 😀\"}");

    assertThat(posted.status()).as(posted.toString()).isEqualTo(201);
    assertThat(posted.text("authorName")).isEqualTo("Eve  \uFFFD");
    assertThat(posted.text("body")).isEqualTo("hi there 😀");
    assertThat(posted.text("bodyHtml")).isEqualTo("<p>hi there &#x1f600;</p>\n");
  }

  /**
   * A double click on "Post comment" (or eight): one comment, and the others told it is there. The
   * check before the insert cannot see a comment being inserted meanwhile; the unique fingerprint
   * can. A few rounds, as the race is one of timing.
   */
  @Test
  void theSameCommentSentSeveralTimesAtOnceIsKeptOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String postId = publishedPost();
      String body =
          ApiClient.json(Map.of("authorName", "Bo", "authorEmail", email(), "body", "Once only"));
      var client = api();

      var statuses =
          AtOnce.run(8, () -> client.post("/api/posts/" + postId + "/comments", body).status());

      assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
      assertThat(api().get("/api/posts/" + postId + "/comments").json().path("items").size())
          .isEqualTo(1);
    }
  }

  @Test
  void repliesAndCommentsAreListedOldestFirst() {
    String postId = publishedPost();
    String first = comment(postId, "first", null);
    comment(postId, "reply", first);
    comment(postId, "second", null);

    var listed = api().get("/api/posts/" + postId + "/comments").json().path("items");

    assertThat(listed.size()).isEqualTo(2);
    assertThat(listed.get(0).path("body").asString()).isEqualTo("first");
    assertThat(listed.get(0).path("replies").get(0).path("body").asString()).isEqualTo("reply");
    assertThat(listed.get(0).path("replies").get(0).path("parentId").asString()).isEqualTo(first);
    assertThat(listed.get(1).path("body").asString()).isEqualTo("second");
  }

  @Test
  void aRedeliveredEventChangesNothing() throws Exception {
    String event = examplePostPublished(UUID.randomUUID().toString());
    String postId = JSON.readTree(event).path("postId").asString();
    kafka.send("blog.post-events", postId, event).get();
    kafka.send("blog.post-events", postId, event).get();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api().get("/api/posts/" + postId + "/comments").status() == 200);
    comment(postId, "still works", null);
    assertThat(api().get("/api/posts/" + postId + "/comments/count").json().path("count").asInt())
        .isEqualTo(1);
  }

  @Test
  void aPoisonEventDoesNotBlockTheEventsBehindIt() throws Exception {
    String postId = UUID.randomUUID().toString();
    // Same key, so same partition: the good event sits right behind the bad one.
    kafka.send("blog.post-events", postId, "this is not json").get();
    kafka.send("blog.post-events", postId, examplePostPublished(postId)).get();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api().get("/api/posts/" + postId + "/comments").status() == 200);
  }

  @Test
  void unknownPostsTakeNoComments() {
    var response =
        api()
            .post(
                "/api/posts/no-such-post/comments",
                ApiClient.json(Map.of("authorName", "A", "authorEmail", email(), "body", "x")));

    assertProblem(response, 404);
    assertProblem(api().get("/api/posts/no-such-post/comments"), 404);
    assertProblem(api().get("/api/posts/no-such-post/comments?cursor=%00%ff"), 400);
  }

  @Test
  void aReplyToACommentOfAnotherPostIsRejected() {
    String one = publishedPost();
    String other = publishedPost();
    String parent = comment(one, "on one", null);

    var reply =
        api()
            .post(
                "/api/posts/" + other + "/comments",
                ApiClient.json(
                    Map.of(
                        "authorName",
                        "A",
                        "authorEmail",
                        email(),
                        "body",
                        "x",
                        "parentId",
                        parent)));

    assertProblem(reply, 422);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"authorName\": \"A\", \"authorEmail\": \"not-an-email\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"ann@localhost\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"ann@gmailcom\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"ann@[10.0.0.1]\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"ann@10.0.0.1\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"ann@example.org.\", \"body\": \"x\"}",
        "{\"authorName\": \"\", \"authorEmail\": \"a@b.org\", \"body\": \"x\"}",
        "{\"authorName\": \"\u200B\", \"authorEmail\": \"a@b.org\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"a@b.org\", \"body\": \"\u2060 \u200B\"}",
        "{\"authorName\": {\"$ne\": null}, \"authorEmail\": \"a@b.org\", \"body\": \"x\"}",
        "{\"authorName\": true, \"authorEmail\": \"a@b.org\", \"body\": \"x\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"a@b.org\", \"body\": 404}",
        "{\"authorName\": \"A\", \"authorEmail\": \"a@b.org\", \"body\": \"x\", \"notifyOnReply\": \"yes\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"a@b.org\"}",
        "{\"authorName\": \"A\", \"authorEmail\": \"a@b.org\", \"body\": \"x\"",
        "not json at all"
      })
  void badCommentsAreRejectedAndNothingIsStored(String body) {
    String postId = publishedPost();

    assertProblem(api().post("/api/posts/" + postId + "/comments", body), 400);
    assertThat(
            comments.findByPostIdAndStatusOrderByCreatedAtAscIdAsc(postId, CommentStatus.APPROVED))
        .isEmpty();
  }

  /**
   * JavaScript's {@code Date.now()} is milliseconds; read as seconds it would put the form's
   * showing in the far future and the comment in the spam. The time is asked for as text instead.
   */
  @ParameterizedTest
  @ValueSource(strings = {"1741786860000", "\"1741786860\"", "false"})
  void aNumberWhereTheFormsTimeBelongsIsRefusedByName(String number) {
    String postId = publishedPost();
    String email = email();
    String body =
        "{\"authorName\": \"A\", \"authorEmail\": \"%s\", \"body\": \"Numbers\", \"renderedAt\": %s}"
            .formatted(email, number);

    var refused = api().post("/api/posts/" + postId + "/comments", body);

    assertProblem(refused, 400);
    assertThat(refused.text("detail"))
        .isEqualTo("renderedAt must be a date and time such as 2009-03-12T16:41:00Z.");
    assertThat(comments.existsByPostIdAndAuthorEmailAndBody(postId, email, "Numbers")).isFalse();
  }

  /**
   * Emphasis nested thousands deep ({@code ****…x****}, within the length a comment may have) would
   * overflow the renderer's stack: a 422 that says so, to the reader and to a moderator editing a
   * comment, and nothing is kept or changed. Emphasis within a link within emphasis is fine.
   */
  @Test
  void emphasisNestedThousandsDeepIsRefusedAndNothingIsKept() {
    String postId = publishedPost();
    String email = email();
    String deep = "*".repeat(4_000) + "x" + "*".repeat(4_000);

    var refused =
        api()
            .post(
                "/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("authorName", "A", "authorEmail", email, "body", deep)));
    var fine =
        api()
            .post(
                "/api/posts/" + postId + "/comments",
                ApiClient.json(
                    Map.of(
                        "authorName",
                        "A",
                        "authorEmail",
                        email,
                        "body",
                        "***[a _fine_ link](https://example.org)***")));
    var edited =
        admin()
            .put(
                "/api/comments/" + fine.text("id"),
                ApiClient.json(Map.of("authorName", "A", "body", deep)));

    for (var problem : List.of(refused, edited)) {
      assertProblem(problem, 422);
      assertThat(problem.text("type")).isEqualTo("https://inkwell.dev/problems/nested-too-deeply");
      assertThat(problem.text("detail")).contains("more than 100 levels deep");
    }
    assertThat(comments.existsByPostIdAndAuthorEmailAndBody(postId, email, deep)).isFalse();
    assertThat(fine.text("bodyHtml")).contains("<em>fine</em>");
    assertThat(admin().get("/api/comments/" + fine.text("id")).text("body"))
        .isEqualTo("***[a _fine_ link](https://example.org)***");
  }

  @Test
  void oversizedCommentsAndWrongContentTypesAreRejected() {
    String postId = publishedPost();
    var huge =
        ApiClient.json(
            Map.of("authorName", "A", "authorEmail", email(), "body", "x".repeat(10_001)));

    assertProblem(api().post("/api/posts/" + postId + "/comments", huge), 400);
    assertProblem(api().postAs("/api/posts/" + postId + "/comments", "text/plain", "hi"), 415);
  }

  /**
   * A body that cannot be read at all (a multipart one without its boundary, or cut short) is the
   * client's error like malformed JSON, and so is an address the firewall refuses; nothing is kept.
   */
  @Test
  void unreadableBodiesAndRefusedAddressesAreProblemsAndStoreNothing() {
    String postId = publishedPost();
    String path = "/api/posts/" + postId + "/comments";

    assertProblem(api().postAs(path, "multipart/form-data", "authorName=A"), 400);
    assertProblem(
        api()
            .postAs(
                path,
                "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\nHello"),
        400);
    assertProblem(api().get(path + ";jsessionid=1"), 400);
    // the error page's own address is nothing to ask for
    assertProblem(api().get("/error"), 404);

    assertThat(CommentStatus.values())
        .allSatisfy(status -> assertThat(comments.countByPostIdAndStatus(postId, status)).isZero());
  }

  private String publishedPost() {
    String postId = UUID.randomUUID().toString();
    try {
      kafka.send("blog.post-events", postId, examplePostPublished(postId)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> api().get("/api/posts/" + postId + "/comments").status() == 200);
    return postId;
  }

  private String comment(String postId, String body, String parentId) {
    var request =
        parentId == null
            ? Map.of("authorName", "A", "authorEmail", email(), "body", body)
            : Map.of("authorName", "A", "authorEmail", email(), "body", body, "parentId", parentId);
    var response = api().post("/api/posts/" + postId + "/comments", ApiClient.json(request));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.text("id");
  }

  /** The contract's example event, for a post of our own. */
  private static String examplePostPublished(String postId) {
    try {
      var event =
          (ObjectNode)
              JSON.readTree(Files.readString(Path.of("../contracts/examples/post-published.json")));
      event.put("postId", postId);
      event.put("eventId", UUID.randomUUID().toString());
      event.put("somethingNewerProducersAdd", true);
      return JSON.writeValueAsString(event);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.text("type")).startsWith("https://inkwell.dev/problems/");
    assertThat(response.text("detail")).isNotBlank();
  }

  /**
   * An address Tomcat refuses before the service reads it, met only by a client that reaches the
   * service directly (the gateway refuses it first), is a problem too, not Tomcat's HTML page.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/api/posts/%00/comments", "/api/comments/..%2f/approve"})
  void anAddressTomcatRefusesIsAProblemToo(String address) {
    var response = api().get(address, "Accept", "text/html");

    assertProblem(response, 400);
    assertThat(response.text("instance")).isEqualTo(address);
  }
}
