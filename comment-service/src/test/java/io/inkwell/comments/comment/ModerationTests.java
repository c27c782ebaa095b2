package io.inkwell.comments.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.comments.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.AtOnce;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.RateWindows;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class ModerationTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private Comments comments;
  @Autowired private CommentManagement management;
  @Autowired private CommentWrites writes;
  @Autowired private MongoOperations mongo;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @AfterEach
  void approveAllAgain() {
    assertThat(
            admin()
                .put(
                    "/api/comments/settings",
                    ApiClient.json(Map.of("policy", "APPROVE_ALL", "closeAfterDays", 0)))
                .status())
        .isEqualTo(200);
  }

  @Test
  void aPolicyThatDoesNotExistIsNamedWithTheOnesThatDoAndChangesNothing() {
    policy("HOLD_ALL");

    var refused = admin().put("/api/comments/settings", "{\"policy\": \"NOPE\"}");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.text("detail"))
        .isEqualTo("policy must be one of HOLD_ALL, HOLD_FIRST_TIME, APPROVE_ALL.");
    assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("policy");
    assertThat(admin().get("/api/comments/settings").text("policy")).isEqualTo("HOLD_ALL");

    var twice =
        admin()
            .put(
                "/api/comments/settings",
                "{\"policy\": \"HOLD_ALL\", \"policy\": \"APPROVE_ALL\"}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.text("detail")).isEqualTo("policy is given more than once.");
    assertThat(twice.json().path("errors").get(0).path("field").asString()).isEqualTo("policy");
    assertThat(admin().get("/api/comments/settings").text("policy")).isEqualTo("HOLD_ALL");
  }

  @Test
  void firstTimeCommentersWaitForAModeratorAndAreTrustedAfterwards() {
    policy("HOLD_FIRST_TIME");
    String postId = publishedPost(true);
    String ada = email();

    long waiting = admin().get("/api/comments?status=PENDING").json().path("total").asLong();

    var first = comment(postId, Map.of("authorEmail", ada, "body", "First words"));
    assertThat(first.text("status")).isEqualTo("PENDING");
    assertThat(thread(postId)).isEmpty();
    var queue = admin().get("/api/comments?status=PENDING");
    assertThat(queue.raw().body()).contains(first.text("id")).doesNotContain(ada);
    assertThat(queue.json().path("total").asLong()).isEqualTo(waiting + 1);

    assertThat(admin().post("/api/comments/" + first.text("id") + "/approve", "").text("status"))
        .isEqualTo("APPROVED");
    var second = comment(postId, Map.of("authorEmail", ada, "body", "Second words"));

    assertThat(second.text("status")).isEqualTo("APPROVED");
    assertThat(thread(postId)).containsExactly("First words", "Second words");
  }

  @Test
  void holdAllHoldsEvenTrustedCommenters() {
    String postId = publishedPost(true);
    String ada = email();
    comment(postId, Map.of("authorEmail", ada, "body", "Approved while open"));
    policy("HOLD_ALL");

    assertThat(comment(postId, Map.of("authorEmail", ada, "body", "Now held")).text("status"))
        .isEqualTo("PENDING");
  }

  /** A double click on Approve (or six): one approval, one CommentPosted, and no click refused. */
  @Test
  void approvingTheSameCommentSeveralTimesAtOnceIsOneApproval() throws Exception {
    String postId = publishedPost(true);
    policy("HOLD_ALL");
    String id = comment(postId, Map.of("body", "Worth the wait")).text("id");

    var answers = AtOnce.run(6, () -> admin().post("/api/comments/" + id + "/approve", ""));

    assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.text("status")).isEqualTo("APPROVED"));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                events(postId).stream()
                    .anyMatch(e -> e.path("type").asString().equals("CommentPosted")));
    await().atMost(PATIENCE).until(() -> comments.findById(id).orElseThrow().outbox().isEmpty());
    assertThat(events(postId))
        .filteredOn(e -> e.path("type").asString().equals("CommentPosted"))
        .hasSize(1);
  }

  /** The operators' "rejected" count is of comments, not of clicks on Reject. */
  @Test
  void rejectingTheSameCommentSeveralTimesAtOnceIsOneRejection(@Autowired MeterRegistry registry)
      throws Exception {
    String postId = publishedPost(true);
    policy("HOLD_ALL");
    String id = comment(postId, Map.of("body", "Not for this blog")).text("id");
    var rejected = registry.counter("inkwell.comments.posted", "outcome", "rejected");
    double before = rejected.count();

    var answers = AtOnce.run(4, () -> admin().post("/api/comments/" + id + "/reject", ""));

    assertThat(answers)
        .allSatisfy(answer -> assertThat(answer.text("status")).isEqualTo("REJECTED"));
    assertThat(rejected.count()).isEqualTo(before + 1);
  }

  @Test
  void moreThanTwoLinksAreHeldWhateverThePolicy() {
    String postId = publishedPost(true);

    var linky =
        comment(
            postId, Map.of("body", "See https://a.example, https://b.example and www.c.example"));
    var two = comment(postId, Map.of("body", "See https://a.example and [b](https://b.example)"));

    assertThat(linky.text("status")).isEqualTo("PENDING");
    assertThat(two.text("status")).isEqualTo("APPROVED");
  }

  @Test
  void theHoneypotAndTooFastASubmissionSendCommentsToTheSpamQueue() {
    String postId = publishedPost(true);

    var bot = comment(postId, Map.of("body", "Buy now", "website", "http://spam.example"));
    var hasty = comment(postId, Map.of("body", "Instant", "renderedAt", Instant.now().toString()));
    var person =
        comment(
            postId,
            Map.of("body", "Thoughtful", "renderedAt", Instant.now().minusSeconds(30).toString()));

    assertThat(bot.text("status")).as("a spammer learns nothing").isEqualTo("PENDING");
    assertThat(hasty.text("status")).isEqualTo("PENDING");
    assertThat(person.text("status")).isEqualTo("APPROVED");
    assertThat(admin().get("/api/comments?status=SPAM").raw().body())
        .contains(bot.text("id"), hasty.text("id"));
    assertThat(admin().get("/api/comments?status=spam").raw().body())
        .as("as WordPress's API writes it")
        .contains(bot.text("id"), hasty.text("id"));
    assertThat(thread(postId)).containsExactly("Thoughtful");
  }

  @Test
  void aModeratorEmptiesTheSpamAtOnceAndNothingReadersSeeGoesWithIt() {
    String postId = publishedPost(true);
    var first = comment(postId, Map.of("body", "Buy now", "website", "http://spam.example"));
    var second = comment(postId, Map.of("body", "Cheap pills", "website", "http://spam.example"));
    var person = comment(postId, Map.of("body", "A real thought"));
    assertThat(admin().get("/api/comments?status=SPAM").raw().body())
        .contains(first.text("id"), second.text("id"));

    var emptied = admin().delete("/api/comments?status=SPAM");

    assertThat(emptied.status()).isEqualTo(200);
    assertThat(emptied.json().path("deleted").asLong()).isGreaterThanOrEqualTo(2);
    var spam = admin().get("/api/comments?status=SPAM");
    assertThat(spam.json().path("total").asLong()).isZero();
    assertThat(comments.findById(first.text("id")).orElseThrow().status())
        .isEqualTo(CommentStatus.DELETED);
    assertThat(thread(postId)).containsExactly("A real thought");
    assertThat(comments.findById(person.text("id")).orElseThrow().status())
        .isEqualTo(CommentStatus.APPROVED);

    for (String status : List.of("PENDING", "APPROVED", "NONSENSE")) {
      var refused = admin().delete("/api/comments?status=" + status);
      assertThat(refused.status()).as(status).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(
            api()
                .withToken(TestTokens.staff("author-3", "Al", "AUTHOR"))
                .delete("/api/comments?status=SPAM")
                .status())
        .as("moderating is for editors")
        .isEqualTo(403);
  }

  @ParameterizedTest
  @ValueSource(strings = {"WORD", "DOMAIN", "ADDRESS"})
  void theBlocklistSendsMatchingCommentsToSpam(String kind) {
    String postId = publishedPost(true);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    var client = api();
    String value =
        switch (kind) {
          case "WORD" -> "casino" + unique;
          case "DOMAIN" -> unique + ".example";
          default -> client.clientAddress();
        };
    var entry =
        admin()
            .post("/api/comments/blocklist", ApiClient.json(Map.of("kind", kind, "value", value)));
    assertThat(entry.status()).isEqualTo(201);

    var blocked =
        client.post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(
                Map.of(
                    "authorName",
                    "A",
                    "authorEmail",
                    kind.equals("DOMAIN") ? "x@mail." + value : email(),
                    "body",
                    "Visit my CASINO" + unique + " page")));

    assertThat(blocked.status()).isEqualTo(201);
    assertThat(comments.findById(blocked.text("id")).orElseThrow().status())
        .isEqualTo(CommentStatus.SPAM);
    assertThat(admin().delete("/api/comments/blocklist/" + entry.text("id")).status())
        .isEqualTo(204);
    var again = admin().delete("/api/comments/blocklist/" + entry.text("id"));
    assertThat(again.status()).as(again.toString()).isEqualTo(404);
    assertThat(again.header("Content-Type")).startsWith("application/problem+json");
  }

  /**
   * A domain on the list is found however the commenter writes it: in its own script, with an
   * accent as a mark of its own, or in the ASCII form mail servers read ({@code xn--…}).
   */
  @Test
  void aDomainOnTheBlocklistIsFoundInEveryWayItIsWritten() {
    String postId = publishedPost(true);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String inItsScript = "b\u00fccher-" + unique + ".example";
    String inAscii = "mail." + java.net.IDN.toASCII("st\u00e4dte-" + unique + ".example");
    for (String listed : List.of(inItsScript, inAscii)) {
      assertThat(
              admin()
                  .post(
                      "/api/comments/blocklist",
                      ApiClient.json(Map.of("kind", "DOMAIN", "value", listed)))
                  .status())
          .isEqualTo(201);
    }

    for (String address :
        List.of(
            "x@" + java.net.IDN.toASCII(inItsScript),
            "x@bu\u0308cher-" + unique + ".example",
            "x@mail.st\u00e4dte-" + unique + ".example")) {
      var sent =
          api()
              .post(
                  "/api/posts/" + postId + "/comments",
                  ApiClient.json(
                      Map.of("authorName", "A", "authorEmail", address, "body", "Hi " + address)));
      assertThat(comments.findById(sent.text("id")).orElseThrow().status())
          .as(address)
          .isEqualTo(CommentStatus.SPAM);
    }
  }

  /**
   * A value is on the list once: typed again in another case, or sent by two moderators at the same
   * moment, it answers the entry that is there (200), and one removal takes it off.
   */
  @Test
  void aValueIsOnTheBlocklistOnceHoweverOftenItIsAdded() throws Exception {
    String word = "dupe" + UUID.randomUUID().toString().substring(0, 8);
    var first =
        admin()
            .post("/api/comments/blocklist", ApiClient.json(Map.of("kind", "WORD", "value", word)));
    assertThat(first.status()).isEqualTo(201);

    var again =
        admin()
            .post(
                "/api/comments/blocklist",
                ApiClient.json(Map.of("kind", "WORD", "value", " " + word.toUpperCase() + " ")));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("id")).isEqualTo(first.text("id"));

    String other = "dupe" + UUID.randomUUID().toString().substring(0, 8);
    var body = ApiClient.json(Map.of("kind", "DOMAIN", "value", other + ".example"));
    var answers = AtOnce.run(6, () -> admin().post("/api/comments/blocklist", body).status());
    assertThat(answers).containsOnlyOnce(201).containsOnly(200, 201);

    var list = admin().get("/api/comments/blocklist").json();
    assertThat(list.findValuesAsString("value")).containsOnlyOnce(word, other + ".example");
    assertThat(admin().delete("/api/comments/blocklist/" + first.text("id")).status())
        .isEqualTo(204);
    assertThat(admin().get("/api/comments/blocklist").json().findValuesAsString("value"))
        .doesNotContain(word);
  }

  /** WordPress's disallowed keys are looked for in the name too; and a disguise does not help. */
  @Test
  void aBlockedWordInTheNameOrDisguisedWithLookAlikeLettersIsSpamToo() {
    String postId = publishedPost(true);
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String word = "pharma" + unique;
    var entry =
        admin()
            .post("/api/comments/blocklist", ApiClient.json(Map.of("kind", "WORD", "value", word)));
    assertThat(entry.status()).isEqualTo(201);
    try {
      // Cyrillic "р" and "а", a zero-width space, full-width letters
      String disguised = "\u0440h\u0430rm\u200Ba" + unique.toUpperCase();
      for (Map<String, String> comment :
          List.of(
              Map.of("authorName", "Cheap " + word, "body", "Nice post."),
              Map.of("authorName", "A", "body", "Visit " + disguised + " today"),
              Map.of("authorName", "A", "body", "Visit ｐｈａｒｍａ" + unique + " today"))) {
        var sent = new java.util.HashMap<String, Object>(comment);
        sent.put("authorEmail", email());
        var answer = api().post("/api/posts/" + postId + "/comments", ApiClient.json(sent));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(comments.findById(answer.text("id")).orElseThrow().status())
            .as(comment.toString())
            .isEqualTo(CommentStatus.SPAM);
      }
      var innocent =
          api()
              .post(
                  "/api/posts/" + postId + "/comments",
                  ApiClient.json(
                      Map.of(
                          "authorName",
                          "B",
                          "authorEmail",
                          email(),
                          "body",
                          "A pharmacy nearby.")));
      assertThat(comments.findById(innocent.text("id")).orElseThrow().status())
          .isNotEqualTo(CommentStatus.SPAM);
    } finally {
      admin().delete("/api/comments/blocklist/" + entry.text("id"));
    }
  }

  @Test
  void commentsCloseOnPostsOlderThanTheChosenNumberOfDays() {
    String old = UUID.randomUUID().toString();
    send(
        "post-published",
        old,
        1,
        Map.of("publishedAt", Instant.now().minus(Duration.ofDays(40)).toString()));
    String recent = publishedPost(true);
    await()
        .atMost(PATIENCE)
        .until(() -> api().get("/api/posts/" + old + "/comments").status() == 200);

    admin()
        .put(
            "/api/comments/settings",
            ApiClient.json(Map.of("policy", "APPROVE_ALL", "closeAfterDays", 30)));

    var refused =
        api()
            .post(
                "/api/posts/" + old + "/comments",
                ApiClient.json(Map.of("authorName", "A", "authorEmail", email(), "body", "Late")));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).endsWith("/comments-closed");
    assertThat(comment(recent, Map.of("body", "In time")).text("status")).isEqualTo("APPROVED");
    assertThat(admin().get("/api/comments/settings").json().path("closeAfterDays").asInt())
        .isEqualTo(30);
  }

  @Test
  void oneClientCommentingTooFastIsToldToWait() {
    RateWindows.roomLeftIn(Duration.ofHours(1), Duration.ofMinutes(1));
    String postId = publishedPost(true);
    var client = api();
    for (int i = 0; i < 30; i++) {
      var ok =
          client.post(
              "/api/posts/" + postId + "/comments",
              ApiClient.json(
                  Map.of("authorName", "A", "authorEmail", email(), "body", "Burst " + i)));
      assertThat(ok.status()).isEqualTo(201);
    }

    var refused =
        client.post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(
                Map.of("authorName", "A", "authorEmail", email(), "body", "One too many")));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void theSameCommentTwiceIsADuplicate() {
    String postId = publishedPost(true);
    String ada = email();
    comment(postId, Map.of("authorEmail", ada, "body", "Once"));

    var again =
        api()
            .post(
                "/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("authorName", "A", "authorEmail", ada, "body", "  Once ")));

    assertThat(again.status()).isEqualTo(409);
    assertThat(again.text("type")).endsWith("/duplicate-comment");
  }

  @Test
  void oneAddressCommentingTooFastIsToldToWait() {
    RateWindows.roomLeftIn(Duration.ofHours(1), Duration.ofMinutes(1));
    String postId = publishedPost(true);
    String ada = email();
    for (int i = 0; i < 10; i++) {
      assertThat(comment(postId, Map.of("authorEmail", ada, "body", "Comment " + i)).status())
          .isEqualTo(201);
    }

    var refused =
        api()
            .post(
                "/api/posts/" + postId + "/comments",
                ApiClient.json(Map.of("authorName", "A", "authorEmail", ada, "body", "One more")));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Retry-After")).isNotBlank();
  }

  @Test
  void aPostWithCommentsClosedRefusesThemAndADeletedPostTakesItsCommentsAlong() throws Exception {
    String closed = publishedPost(false);
    var refused =
        api()
            .post(
                "/api/posts/" + closed + "/comments",
                ApiClient.json(Map.of("authorName", "A", "authorEmail", email(), "body", "x")));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.text("type")).endsWith("/comments-closed");

    String doomed = publishedPost(true);
    comment(doomed, Map.of("body", "Soon gone"));
    send("post-deleted", doomed, 5, Map.of());
    await()
        .atMost(PATIENCE)
        .until(() -> comments.countByPostIdAndStatus(doomed, CommentStatus.APPROVED) == 0);
  }

  @Test
  void aPageOfPostsHasItsCommentCountsInOneAnswerWithoutTheHiddenOnes() {
    String talkative = publishedPost(true);
    String quiet = publishedPost(true);
    comment(talkative, Map.of("body", "First"));
    comment(talkative, Map.of("body", "Second"));
    comment(talkative, Map.of("body", "Buy pills", "website", "http://spam.example"));
    String unknown = UUID.randomUUID().toString();

    var counts =
        api()
            .get(
                "/api/comments/counts?postId="
                    + talkative
                    + "&postId="
                    + quiet
                    + "&postId="
                    + unknown)
            .json()
            .path("counts");

    assertThat(counts.path(talkative).asLong()).as("spam is not counted").isEqualTo(2);
    assertThat(counts.path(quiet).isNumber()).isTrue();
    assertThat(counts.path(quiet).asLong()).isZero();
    assertThat(counts.has(unknown)).as("no word of posts readers cannot see").isFalse();
    assertThat(counts.path(talkative).asLong())
        .isEqualTo(
            api().get("/api/posts/" + talkative + "/comments/count").json().path("count").asLong());
    assertThat(api().get("/api/comments/counts").status()).isEqualTo(400);
    String tooMany = "postId=x&".repeat(101);
    assertThat(api().get("/api/comments/counts?" + tooMany).status()).isEqualTo(400);
  }

  @Test
  void theNewestCommentsReadersSeeAreListedWithTheirPostsForTheFeeds() {
    String first = publishedPost(true);
    String second = publishedPost(true);
    String ada = email();
    String early = comment(first, Map.of("authorEmail", ada, "body", "Early")).text("id");
    comment(first, Map.of("body", "Buy pills", "website", "http://spam.example"));
    String late = comment(second, Map.of("body", "Late")).text("id");

    var all = api().get("/api/comments/recent?limit=50");

    assertThat(all.status()).isEqualTo(200);
    assertThat(all.header("Cache-Control")).contains("public");
    var items = all.json().path("items");
    assertThat(items.findValuesAsString("id")).containsSubsequence(late, early);
    assertThat(all.raw().body()).doesNotContain("Buy pills").doesNotContain(ada);
    var ofFirst = api().get("/api/comments/recent?postId=" + first).json().path("items");
    assertThat(ofFirst.findValuesAsString("id")).containsExactly(early);
    assertThat(ofFirst.get(0).path("postTitle").asString()).isEqualTo("Wrapping up the WPC");
    assertThat(ofFirst.get(0).path("postSlug").asString()).isEqualTo("wrapping-up-the-wpc");
    assertThat(ofFirst.get(0).path("bodyHtml").asString()).isEqualTo("<p>Early</p>\n");
    // asked for in a form it does not come in: a 406 no shared cache keeps for the feeds' readers
    var notAcceptable = api().get("/api/comments/recent", "Accept", "image/png");
    assertThat(notAcceptable.status()).isEqualTo(406);
    assertThat(notAcceptable.header("Cache-Control")).contains("no-store");
    // a moderator's list of one post's comments, as WordPress's from the post
    var moderated = admin().get("/api/comments?status=APPROVED&postId=" + first).json();
    assertThat(moderated.path("items").findValuesAsString("id")).containsExactly(early);
    assertThat(moderated.path("total").asLong()).isEqualTo(1);
    assertThat(
            admin().get("/api/comments?status=SPAM&postId=" + first).json().path("total").asLong())
        .isEqualTo(1);

    // a post taken down takes its comments out of the lists
    send("post-unpublished", second, 2, Map.of());
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                !api()
                    .get("/api/comments/recent?limit=50")
                    .json()
                    .path("items")
                    .findValuesAsString("id")
                    .contains(late));
    assertThat(api().get("/api/comments/recent?postId=" + second).status()).isEqualTo(404);
    for (String bad : List.of("limit=0", "limit=51", "limit=many", "postId=" + "x".repeat(101))) {
      assertThat(api().get("/api/comments/recent?" + bad).status()).as(bad).isEqualTo(400);
    }
  }

  @Test
  void aModeratorFindsCommentsByTheirWordsNameOrAddressTakenLiterally() {
    String post = publishedPost(true);
    String word = "zeppelin" + UUID.randomUUID().toString().substring(0, 6);
    String grace = "grace-" + UUID.randomUUID().toString().substring(0, 6) + "@example.org";
    String byWords =
        comment(post, Map.of("body", "The " + word + " flew over (twice).")).text("id");
    String byName =
        comment(post, Map.of("authorName", "Old " + word.toUpperCase(), "body", "Hi.")).text("id");
    String byAddress = comment(post, Map.of("authorEmail", grace, "body", "Hello.")).text("id");
    comment(post, Map.of("body", "Nothing to see."));

    var found = admin().get("/api/comments?status=APPROVED&postId=" + post + "&q=" + word);
    var byMail = admin().get("/api/comments?status=APPROVED&q=" + grace.toUpperCase());

    assertThat(ids(found)).containsExactlyInAnyOrder(byWords, byName);
    assertThat(found.json().path("total").asLong()).isEqualTo(2);
    assertThat(ids(byMail)).containsExactly(byAddress);
    assertThat(byMail.raw().body()).as("found by it, never shown").doesNotContain(grace);
    assertThat(
            admin()
                .get("/api/comments?status=APPROVED&postId=" + post + "&q=(twice)")
                .json()
                .path("total")
                .asLong())
        .as("brackets are text, not a pattern")
        .isEqualTo(1);
    assertThat(admin().get("/api/comments?q=" + "x".repeat(201)).status()).isEqualTo(400);
    // a control character is no word to look for, and no 500
    assertThat(admin().get("/api/comments?status=APPROVED&q=%00").status()).isEqualTo(200);
    assertThat(admin().get("/api/comments?status=APPROVED&q=" + word + "%00").status())
        .isEqualTo(200);
  }

  /** As WordPress's search (its collation): "jose" finds José, "ÉCOLE" finds école. */
  @Test
  void aModeratorsSearchIgnoresCaseAndAccentsAndFindsCommentsStoredBeforeItToo(
      @Autowired SearchTexts searchTexts) {
    String post = publishedPost(true);
    String mark = UUID.randomUUID().toString().substring(0, 6);
    String jose = comment(post, Map.of("authorName", "José " + mark, "body", "Olá!")).text("id");
    String ecole = comment(post, Map.of("body", "À l’école, " + mark)).text("id");

    assertThat(ids(search(post, "jose " + mark))).containsExactly(jose);
    assertThat(ids(search(post, "ÉCOLE, " + mark))).containsExactly(ecole);
    assertThat(ids(search(post, "ecole, " + mark))).containsExactly(ecole);

    // as a comment stored before comments kept their search text
    mongo.updateFirst(
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("_id").is(jose)),
        new org.springframework.data.mongodb.core.query.Update().unset("searchText"),
        "comments");
    assertThat(ids(search(post, "jose " + mark))).isEmpty();
    assertThat(searchTexts.writeMissing()).isGreaterThanOrEqualTo(1);
    assertThat(ids(search(post, "jose " + mark))).containsExactly(jose);
  }

  /**
   * A commenter who asks to be forgotten (the GDPR's erasure, WordPress's "Erase Personal Data"):
   * every comment from their address, in any state, keeps its words under "Anonymous", and nothing
   * of theirs is left to find, to trust, or to mail.
   */
  @Test
  void anAdminErasesACommenterWhoseWordsStayUnderAnonymous() {
    policy("HOLD_FIRST_TIME");
    String post = publishedPost(true);
    String ada = email();
    String other = email();
    String approved =
        comment(
                post,
                Map.of(
                    "authorName",
                    "Ada Real",
                    "authorEmail",
                    ada,
                    "body",
                    "Kept words",
                    "notifyOnReply",
                    true))
            .text("id");
    admin().post("/api/comments/" + approved + "/approve", "");
    String reply =
        comment(
                post,
                Map.of(
                    "authorEmail",
                    ada.toUpperCase(java.util.Locale.ROOT),
                    "body",
                    "A held reply",
                    "parentId",
                    approved,
                    "notifyOnReply",
                    true))
            .text("id");
    String spam = comment(post, Map.of("authorEmail", ada, "body", "Marked spam")).text("id");
    admin().post("/api/comments/" + spam + "/spam", "");
    String someoneElse =
        comment(post, Map.of("authorName", "Bo", "authorEmail", other, "body", "Not Ada's"))
            .text("id");

    var asEditor = api().withToken(TestTokens.staff("editor-1", "Ed", "EDITOR"));
    var body = ApiClient.json(Map.of("email", "  " + ada.toUpperCase(java.util.Locale.ROOT)));
    // first, as they may ask: what the blog keeps of theirs (WordPress's "Export Personal Data")
    assertThat(asEditor.post("/api/comments/personal-data", body).status()).isEqualTo(403);
    var kept = admin().post("/api/comments/personal-data", body);
    assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
    assertThat(kept.json().path("comments").findValuesAsString("id"))
        .containsExactly(approved, reply, spam);
    assertThat(kept.json().path("comments").findValuesAsString("authorEmail")).containsOnly(ada);
    assertThat(kept.json().path("comments").get(0).path("body").asString()).isEqualTo("Kept words");
    assertThat(kept.json().path("comments").get(0).hasNonNull("client")).isTrue();
    assertThat(kept.json().path("comments").get(2).path("status").asString()).isEqualTo("SPAM");
    assertThat(asEditor.post("/api/comments/erasure", body).status()).isEqualTo(403);
    var erased = admin().post("/api/comments/erasure", body);

    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    assertThat(erased.json().path("erased").asLong()).isEqualTo(3);
    var shown = api().get("/api/posts/" + post + "/comments").json().path("items").get(0);
    assertThat(shown.path("id").asString()).isEqualTo(approved);
    assertThat(shown.path("authorName").asString()).isEqualTo("Anonymous");
    assertThat(shown.path("erased").asBoolean()).isTrue();
    assertThat(shown.path("body").asString()).as("the words stay").isEqualTo("Kept words");
    for (String id : List.of(approved, reply, spam)) {
      var stored = mongo.findById(id, Document.class, "comments");
      assertThat(stored.getString("authorName")).isEqualTo("Anonymous");
      assertThat(stored).doesNotContainKeys("authorEmail", "client", "fingerprint");
      assertThat(stored.getBoolean("notifyOnReply")).isFalse();
      assertThat(stored.getString("searchText")).doesNotContain("ada", "reader-");
    }
    assertThat(comments.findById(someoneElse).orElseThrow().authorEmail()).isEqualTo(other);
    assertThat(ids(admin().get("/api/comments?status=SPAM&q=" + ada)))
        .as("a moderator's search finds nothing by the address")
        .isEmpty();
    assertThat(admin().post("/api/comments/erasure", body).json().path("erased").asLong())
        .as("nothing is left to erase")
        .isZero();
    assertThat(admin().post("/api/comments/personal-data", body).json().path("comments"))
        .as("nothing is kept of theirs")
        .isEmpty();

    // a moderator can still correct what stays, and it stays plain text, not imported HTML
    assertThat(
            admin()
                .put(
                    "/api/comments/" + approved,
                    ApiClient.json(Map.of("authorName", "Anonymous", "body", "Kept *words*")))
                .text("bodyHtml"))
        .contains("<em>words</em>");
    // a reply to the erased comment (approved: a trusted commenter's) tells nobody of it
    String trusted = email();
    admin()
        .post(
            "/api/comments/"
                + comment(post, Map.of("authorEmail", trusted, "body", "Hello")).text("id")
                + "/approve",
            "");
    String answer =
        comment(post, Map.of("authorEmail", trusted, "body", "Answering Ada", "parentId", approved))
            .text("id");
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                assertThat(events(post))
                    .filteredOn(e -> e.path("commentId").asString().equals(answer))
                    .singleElement()
                    .satisfies(e -> assertThat(e.has("notifyEmail")).isFalse()));
    assertThat(comment(post, Map.of("authorEmail", ada, "body", "Back again")).text("status"))
        .as("no longer trusted: nothing of theirs is known")
        .isEqualTo("PENDING");

    for (String bad : List.of("{\"email\":\"not an address\"}", "{\"email\":{\"$ne\":1}}", "{}")) {
      var refused = admin().post("/api/comments/erasure", bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  /**
   * "josé" typed with its accent as a mark of its own (as some keyboards and pasted text write it)
   * is the commenter it looks like: trusted once approved, and forgotten on request, by their
   * comments stored before addresses were composed too.
   */
  @Test
  void anAddressWithItsAccentAsAMarkIsTheCommenterItLooksLike() {
    policy("HOLD_FIRST_TIME");
    String post = publishedPost(true);
    String composed = "jos\u00e9-" + email();
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    String first = comment(post, Map.of("authorEmail", decomposed, "body", "First")).text("id");
    admin().post("/api/comments/" + first + "/approve", "");

    var second = comment(post, Map.of("authorEmail", composed, "body", "Second"));

    assertThat(second.text("status")).as("a trusted commenter's").isEqualTo("APPROVED");
    assertThat(comments.findById(first).orElseThrow().authorEmail()).isEqualTo(composed);
    // as a comment stored before addresses were composed has it
    mongo.updateFirst(
        Query.query(where("_id").is(first)),
        new Update().set("authorEmail", decomposed),
        "comments");
    // the approved comment stored uncomposed is the only one that trusts them
    mongo.updateFirst(
        Query.query(where("_id").is(second.text("id"))),
        new Update().set("status", "REJECTED"),
        "comments");
    assertThat(comment(post, Map.of("authorEmail", composed, "body", "Third")).text("status"))
        .as("still trusted")
        .isEqualTo("APPROVED");
    var erased = admin().post("/api/comments/erasure", ApiClient.json(Map.of("email", composed)));
    assertThat(erased.json().path("erased").asLong()).isEqualTo(3);
  }

  private ApiClient.Response search(String post, String words) {
    return admin()
        .get(
            "/api/comments?status=APPROVED&postId="
                + post
                + "&q="
                + java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8));
  }

  @Test
  void aLongQueueIsWalkedPageByPageNewestFirstWithNothingSkippedOrShownTwice() {
    policy("HOLD_ALL");
    String post = publishedPost(true);
    var held = new ArrayList<String>();
    for (int i = 0; i < 7; i++) {
      held.add(comment(post, Map.of("body", "Held " + i)).text("id"));
    }

    var seen = new ArrayList<String>();
    var times = new ArrayList<Instant>();
    String cursor = "";
    int pages = 0;
    do {
      var page = admin().get("/api/comments?status=PENDING&postId=" + post + "&limit=3" + cursor);
      assertThat(page.json().path("total").asLong()).isEqualTo(7);
      seen.addAll(ids(page));
      page.json()
          .path("items")
          .forEach(item -> times.add(Instant.parse(item.path("createdAt").asString())));
      JsonNode next = page.json().path("nextCursor");
      cursor = next.isString() ? "&cursor=" + next.asString() : null;
      pages++;
    } while (cursor != null && pages < 5);

    assertThat(pages).isEqualTo(3);
    assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(held);
    assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(admin().get("/api/comments?status=PENDING&cursor=not-ours").status()).isEqualTo(400);
    var unknown = admin().get("/api/comments?status=WAITING");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.text("detail"))
        .startsWith("status must be one of ")
        .contains("PENDING", "APPROVED", "SPAM");
    assertThat(admin().get("/api/comments?status=PENDING&limit=many").text("detail"))
        .isEqualTo("limit must be a whole number.");
  }

  private static List<String> ids(ApiClient.Response list) {
    return list.json().path("items").valueStream().map(item -> item.path("id").asString()).toList();
  }

  @Test
  void repliesNestFiveDeepAndDeeperOnesAttachToTheDeepestLevel() {
    String postId = publishedPost(true);
    String parent = null;
    for (int level = 0; level < 7; level++) {
      var body = new HashMap<String, Object>(Map.of("body", "Level " + level));
      if (parent != null) {
        body.put("parentId", parent);
      }
      parent = comment(postId, body).text("id");
    }

    JsonNode node = api().get("/api/posts/" + postId + "/comments").json().path("items").get(0);
    int depth = 0;
    while (node.path("replies").size() > 0) {
      node = node.path("replies").get(0);
      depth++;
    }
    assertThat(depth).isEqualTo(4);
    assertThat(node.path("body").asString()).isEqualTo("Level 4");
    assertThat(api().get("/api/posts/" + postId + "/comments/count").json().path("count").asInt())
        .isEqualTo(7);
  }

  @Test
  void topLevelCommentsArePagedOldestFirstWithTheirReplies() {
    String postId = publishedPost(true);
    for (int i = 0; i < 5; i++) {
      String id = comment(postId, Map.of("body", "Top " + i)).text("id");
      comment(postId, Map.of("body", "Reply to " + i, "parentId", id));
    }

    var first = api().get("/api/posts/" + postId + "/comments?limit=2").json();
    var second =
        api()
            .get(
                "/api/posts/"
                    + postId
                    + "/comments?limit=2&cursor="
                    + first.path("nextCursor").asString())
            .json();

    assertThat(first.path("items").findValuesAsString("body"))
        .containsExactly("Top 0", "Reply to 0", "Top 1", "Reply to 1");
    assertThat(second.path("items").get(0).path("body").asString()).isEqualTo("Top 2");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>"
      })
  void nothingThatRunsScriptSurvivesInAComment(String attack) {
    String postId = publishedPost(true);

    var posted = comment(postId, Map.of("body", "Hi " + attack));

    String html = posted.text("bodyHtml").toLowerCase();
    // Whatever was typed shows as text; no element or attribute of it survives as markup.
    assertThat(html)
        .doesNotContain("<script", "<iframe", "<img", "<div", "<svg", "onerror=", "style=\"")
        .doesNotContain("href=\"javascript:");
    assertThat(posted.text("body")).isEqualTo("Hi " + attack);
  }

  @Test
  void lightMarkdownIsRenderedAndLinksAreMarkedAsUserContent() {
    String postId = publishedPost(true);

    var posted =
        comment(
            postId,
            Map.of(
                "body",
                "# Not a heading\n\n*so* `code` [site](https://ada.example) <b>raw</b> ‏שלום"));

    assertThat(posted.text("bodyHtml"))
        .contains(
            "<em>so</em>",
            "<code>code</code>",
            "rel=\"nofollow ugc noopener\"",
            "&lt;b&gt;raw&lt;/b&gt;",
            "שלום")
        .doesNotContain("<h1>");
  }

  @Test
  void aModeratorCorrectsACommentAndReadersSeeTheNewTextWithoutASecondAnnouncement() {
    String postId = publishedPost(true);
    String ada = email();
    String id =
        comment(postId, Map.of("authorName", "ada", "authorEmail", ada, "body", "Ring 555-0100"))
            .text("id");
    String edit = "/api/comments/" + id;

    var edited =
        admin()
            .put(
                edit,
                ApiClient.json(
                    Map.of("authorName", " Ada ", "body", "Ring me, *soon* <script>x()</script>")));

    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    assertThat(edited.text("authorName")).isEqualTo("Ada");
    assertThat(edited.text("status")).isEqualTo("APPROVED");
    assertThat(edited.text("bodyHtml")).contains("<em>soon</em>").doesNotContain("<script");
    assertThat(edited.json().hasNonNull("editedAt")).isTrue();
    assertThat(thread(postId)).containsExactly("Ring me, *soon* <script>x()</script>");
    var read = admin().get(edit);
    assertThat(read.text("body")).isEqualTo("Ring me, *soon* <script>x()</script>");
    assertThat(read.raw().body()).as("the address stays inside").doesNotContain(ada);
    // told once, when it was posted; another comment's event shows the edit raised none
    String other = comment(postId, Map.of("body", "Later")).text("id");
    assertThat(
            await()
                .atMost(PATIENCE)
                .until(() -> events(postId), found -> found.size() >= 2)
                .stream()
                .map(event -> event.path("commentId").asString()))
        .containsExactlyInAnyOrder(id, other);

    for (String bad :
        List.of(
            "{\"authorName\":\"Ada\",\"body\":\"  \"}",
            "{\"authorName\":\"Ada\",\"body\":{\"$gt\":\"\"}}",
            ApiClient.json(Map.of("authorName", "Ada", "body", "x".repeat(10_001))),
            ApiClient.json(Map.of("authorName", "A".repeat(101), "body", "x")))) {
      var refused = admin().put(edit, bad);
      assertThat(refused.status()).as(bad).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(thread(postId)).contains("Ring me, *soon* <script>x()</script>");
    assertThat(
            admin()
                .put("/api/comments/nobody", ApiClient.json(Map.of("authorName", "A", "body", "b")))
                .status())
        .isEqualTo(404);
    assertThat(
            api()
                .withToken(TestTokens.staff("author-3", "Al", "AUTHOR"))
                .put(edit, ApiClient.json(Map.of("authorName", "Al", "body", "Mine now")))
                .status())
        .as("moderating is for editors")
        .isEqualTo(403);
  }

  @Test
  void anImportedCommentStaysHtmlWhenCorrected() {
    String postId = publishedPost(true);
    String id = "imported-" + UUID.randomUUID();
    management.imported(id, postId, null, "Old reader", "<b>Nice</b> post", Instant.now());

    var edited =
        admin()
            .put(
                "/api/comments/" + id,
                ApiClient.json(
                    Map.of(
                        "authorName",
                        "Old reader",
                        "body",
                        "<b>Nice</b> post <img src=x onerror=alert(1)>")));

    assertThat(edited.text("bodyHtml")).isEqualTo("<b>Nice</b> post ");
  }

  @Test
  void visibleCommentsRaiseCommentPostedAndRemovedOnesCommentRemoved() {
    String postId = publishedPost(true);
    String ada = email();
    var parent =
        comment(
            postId,
            Map.of("authorEmail", ada, "body", "Tell me about replies", "notifyOnReply", true));
    var reply = comment(postId, Map.of("body", "Here is a reply", "parentId", parent.text("id")));
    admin().post("/api/comments/" + reply.text("id") + "/reject", "");

    List<JsonNode> events =
        await().atMost(PATIENCE).until(() -> events(postId), found -> found.size() == 3);

    assertThat(events)
        .extracting(event -> event.path("type").asString())
        .containsExactly("CommentPosted", "CommentPosted", "CommentRemoved");
    assertThat(events.get(0).path("postAuthorId").asString()).isEqualTo("owner");
    assertThat(
            events.get(0).path("notifyEmail").isNull()
                || events.get(0).path("notifyEmail").isMissingNode())
        .isTrue();
    assertThat(events.get(1).path("notifyEmail").asString()).isEqualTo(ada);
    assertThat(events.get(2).path("commentId").asString()).isEqualTo(reply.text("id"));
    assertThat(api().get("/api/posts/" + postId + "/comments").raw().body()).doesNotContain(ada);
  }

  /**
   * Blogger's "Notify me": the commenter's wish to hear of later comments, or of replies, travels
   * with the comment once it is visible (a held one's when a moderator approves it), with the
   * address notification-service asks to confirm it; the thread readers see still has no address.
   */
  @Test
  void aCommenterWhoAsksToHearOfLaterCommentsSaysSoWhenTheCommentIsVisible() {
    policy("HOLD_ALL");
    String postId = publishedPost(true);
    String ada = email();
    var held =
        comment(
            postId,
            Map.of(
                "authorEmail",
                ada,
                "body",
                "Keep me posted",
                "notifyOnComments",
                true,
                "notifyOnReply",
                true));
    await().atMost(PATIENCE).until(() -> events(postId), found -> found.size() == 1);
    admin().post("/api/comments/" + held.text("id") + "/approve", "");

    List<JsonNode> events =
        await().atMost(PATIENCE).until(() -> events(postId), found -> found.size() == 2);

    JsonNode posted = events.get(1);
    assertThat(posted.path("type").asString()).isEqualTo("CommentPosted");
    assertThat(Contracts.violations(posted.toString())).isEmpty();
    assertThat(posted.path("notifyOnComments").asBoolean()).isTrue();
    assertThat(posted.path("notifyOnReply").asBoolean()).isTrue();
    assertThat(posted.path("authorEmail").asString()).isEqualTo(ada);
    assertThat(events.get(0).toString()).doesNotContain(ada);
    assertThat(api().get("/api/posts/" + postId + "/comments").raw().body()).doesNotContain(ada);
    assertThat(
            admin()
                .post("/api/comments/personal-data", "{\"email\": \"" + ada + "\"}")
                .json()
                .path("comments")
                .get(0)
                .path("notifyOnComments")
                .asBoolean())
        .isTrue();
  }

  @Test
  void aHeldCommentAsksTheModeratorsToLookButSpamAndTheApprovalRaiseNoSecondCall() {
    policy("HOLD_ALL");
    String postId = publishedPost(true);
    String ada = email();
    var held = comment(postId, Map.of("authorEmail", ada, "body", "Please  let\n me in"));
    var spam = comment(postId, Map.of("body", "Buy now", "website", "http://spam.example"));
    admin().post("/api/comments/" + held.text("id") + "/approve", "");

    for (String id : List.of(held.text("id"), spam.text("id"))) {
      await().atMost(PATIENCE).until(() -> comments.findById(id).orElseThrow().outbox().isEmpty());
    }
    List<JsonNode> events =
        await().atMost(PATIENCE).until(() -> events(postId), found -> found.size() >= 2);

    assertThat(events)
        .extracting(event -> event.path("type").asString())
        .containsExactly("CommentHeld", "CommentPosted");
    JsonNode call = events.get(0);
    assertThat(Contracts.violations(call.toString())).isEmpty();
    assertThat(call.path("commentId").asString()).isEqualTo(held.text("id"));
    assertThat(call.path("excerpt").asString()).isEqualTo("Please let me in");
    assertThat(call.path("postAuthorId").asString()).isEqualTo("owner");
    assertThat(call.toString()).doesNotContain(ada);
  }

  @Test
  void aModerationBasedOnACopyReadBeforeTheRelaySentItsEventsDoesNotSendThemAgain() {
    String postId = publishedPost(true);
    String id = comment(postId, Map.of("body", "Sent once")).text("id");
    await().atMost(PATIENCE).until(() -> comments.findById(id).orElseThrow().outbox().isEmpty());
    // The copy a moderator's request read while the relay was still sending: its CommentPosted
    // waits in the outbox, though the stored comment no longer holds it.
    Document stored = mongo.findById(id, Document.class, "comments");
    Comment sentMeanwhile = mongo.getConverter().read(Comment.class, stored);
    stored.put(
        "outbox",
        List.of(
            mongo
                .getConverter()
                .convertToMongoType(
                    CommentEvent.CommentPosted.of(
                        sentMeanwhile,
                        new CommentEvent.PostContext("slug", "Title", "owner"),
                        null,
                        Instant.now()),
                    TypeInformation.of(CommentEvent.class))));
    Comment stale = mongo.getConverter().read(Comment.class, stored);

    stale.reject(Instant.now());
    writes.save(stale);

    List<JsonNode> events =
        await()
            .atMost(PATIENCE)
            .until(
                () -> events(postId),
                found ->
                    found.stream()
                        .anyMatch(e -> e.path("type").asString().equals("CommentRemoved")));
    assertThat(events)
        .extracting(event -> event.path("type").asString())
        .containsExactly("CommentPosted", "CommentRemoved");
  }

  @Test
  void aModeratorsApprovalAndTheEventItRaisesAreOneTrace() {
    policy("HOLD_ALL");
    String postId = publishedPost(true);
    var held = comment(postId, Map.of("body", "Trace me"));
    String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));

    var approved =
        admin()
            .post(
                "/api/comments/" + held.text("id") + "/approve",
                "",
                "traceparent",
                "00-" + traceId + "-00f067aa0ba902b7-01");

    assertThat(approved.status()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Topics.readAll(brokers, "blog.comment-events").stream()
                    .filter(record -> postId.equals(record.key()))
                    .map(record -> record.headers().lastHeader("traceparent"))
                    .anyMatch(
                        header -> header != null && new String(header.value()).contains(traceId)));
  }

  private List<JsonNode> events(String postId) {
    return Topics.readAll(brokers, "blog.comment-events").stream()
        .filter(record -> postId.equals(record.key()))
        .peek(record -> assertThat(Contracts.violations(record.value())).isEmpty())
        .map(record -> JSON.readTree(record.value()))
        .toList();
  }

  private void policy(String policy) {
    assertThat(
            admin()
                .put("/api/comments/settings", ApiClient.json(Map.of("policy", policy)))
                .status())
        .isEqualTo(200);
  }

  private List<String> thread(String postId) {
    return api()
        .get("/api/posts/" + postId + "/comments")
        .json()
        .path("items")
        .findValuesAsString("body");
  }

  @Test
  void aStaffMemberSignedInAnswersAtOnceUnderTheirOwnNameWithABadge() {
    admin()
        .put(
            "/api/comments/settings",
            ApiClient.json(Map.of("policy", "HOLD_ALL", "closeAfterDays", 0)));
    String postId = publishedPost(true);
    String question = comment(postId, Map.of("body", "Is there a recording?")).text("id");
    admin().post("/api/comments/" + question + "/approve", "");
    var author = api().withToken(TestTokens.staff("author-7", "Jo Writer", "AUTHOR"));

    var answer =
        author.post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(
                Map.of(
                    "authorName", "Someone else",
                    // not the staff member's: theirs is the token's, so no reader's check applies
                    "authorEmail", "else@localhost",
                    "body", "Yes, next week.",
                    "parentId", question)));

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.text("status"))
        .as("held for nobody, whatever the policy")
        .isEqualTo("APPROVED");
    assertThat(answer.text("authorName"))
        .as("the token's name, not the form's")
        .isEqualTo("Jo Writer");
    assertThat(answer.json().path("staff").asBoolean()).isTrue();
    var thread = api().get("/api/posts/" + postId + "/comments").json().path("items").get(0);
    assertThat(thread.path("staff").asBoolean()).isFalse();
    assertThat(thread.path("replies").get(0).path("staff").asBoolean()).isTrue();
    // whose account, for their picture: a reader's comment names none
    assertThat(thread.path("replies").get(0).path("staffId").asString()).isEqualTo("author-7");
    assertThat(thread.path("staffId").isNull() || thread.path("staffId").isMissingNode()).isTrue();
    assertThat(thread.path("replies").get(0).path("parentId").asString()).isEqualTo(question);

    var reader =
        comment(postId, Map.of("body", "I am staff too", "authorName", "Jo Writer", "staff", true));
    assertThat(reader.json().path("staff").asBoolean()).as("a reader cannot claim it").isFalse();
    assertThat(reader.text("status")).isEqualTo("PENDING");
  }

  private ApiClient.Response comment(String postId, Map<String, ?> fields) {
    var body = new HashMap<String, Object>(Map.of("authorName", "Ada", "authorEmail", email()));
    body.putAll(fields);
    var response = api().post("/api/posts/" + postId + "/comments", ApiClient.json(body));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response;
  }

  private String publishedPost(boolean open) {
    String postId = UUID.randomUUID().toString();
    send(
        "post-published",
        postId,
        1,
        Map.of("commentsOpen", open, "publishedAt", Instant.now().toString()));
    await()
        .atMost(PATIENCE)
        .until(() -> api().get("/api/posts/" + postId + "/comments").status() == 200);
    return postId;
  }

  private void send(String contract, String postId, long version, Map<String, Object> overrides) {
    try {
      var event =
          (ObjectNode)
              JSON.readTree(
                  Files.readString(Path.of("../contracts/examples/" + contract + ".json")));
      event.put("postId", postId);
      event.put("version", version);
      event.put("eventId", UUID.randomUUID().toString());
      overrides.forEach((key, value) -> event.set(key, JSON.valueToTree(value)));
      kafka.send("blog.post-events", postId, JSON.writeValueAsString(event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
