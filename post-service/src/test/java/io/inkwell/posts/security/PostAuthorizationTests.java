package io.inkwell.posts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.StaffEvents;
import io.inkwell.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * post-service enforces who may do what itself, whatever the gateway let through: the roles of
 * Ghost, and which post each may touch.
 */
class PostAuthorizationTests extends IntegrationTest {

  private static final String TOPIC = "blog.staff-events";

  private ApiClient contributor() {
    return as("contrib-1", "Cora Contributor", "CONTRIBUTOR");
  }

  private ApiClient author() {
    return as("author-1", "Ann Author", "AUTHOR");
  }

  private ApiClient otherAuthor() {
    return as("author-2", "Otto Author", "AUTHOR");
  }

  private static String draft(String title) {
    return ApiClient.json(Map.of("title", title, "body", "Words."));
  }

  @Test
  void writingWithoutATokenIs401AndReadingStaysOpen() {
    var create = anonymous().post("/api/posts", draft("Nobody"));

    assertThat(create.status()).isEqualTo(401);
    assertThat(create.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(create.header("WWW-Authenticate")).startsWith("Bearer");
    assertThat(anonymous().get("/api/posts").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts?status=DRAFT").status()).isEqualTo(401);
  }

  /**
   * A request that comes past the gateway meets the same refusal: a suspended, removed or demoted
   * member's token, or a revoked integration's, stops working here when auth-service says so, not
   * when it expires (the test tokens were issued ten minutes ago).
   */
  @Test
  void aTokenIssuedBeforeItsHolderLostAccessIsRefusedAtOnce(
      @Autowired KafkaTemplate<String, String> kafka) {
    String run = UUID.randomUUID().toString();
    var suspended = as("sue-" + run, "Sue", "EDITOR");
    var removed = as("rem-" + run, "Rem", "AUTHOR");
    var demoted = as("dem-" + run, "Dem", "EDITOR");
    var revoked = anonymous().withToken(TestTokens.integration("zap-" + run));
    var unchanged = as("una-" + run, "Una", "EDITOR");
    List<ApiClient> losing = List.of(suspended, removed, demoted, revoked);
    for (ApiClient client : List.of(suspended, removed, demoted, revoked, unchanged)) {
      assertThat(client.get("/api/posts?status=DRAFT").status()).isEqualTo(200);
    }

    Instant now = Instant.now();
    StaffEvents.accessChanges(run, "EDITOR", "AUTHOR", now)
        .forEach((holder, event) -> kafka.send(TOPIC, holder, event));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(losing)
                    .allSatisfy(
                        client ->
                            assertThat(client.post("/api/posts", draft("Too late")).status())
                                .isEqualTo(401)));
    var refused = suspended.get("/api/posts?status=DRAFT");
    assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(unchanged.post("/api/posts", draft("Still welcome")).status()).isEqualTo(201);
    // an admin lets the suspended member in again: the same token works again
    kafka.send(
        TOPIC,
        "sue-" + run,
        StaffEvents.changed("sue-" + run, "EDITOR", false, now.plusSeconds(1)));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> suspended.get("/api/posts?status=DRAFT").status() == 200);
  }

  @Test
  void tokensThatAreExpiredForgedForAnotherAudienceOrUnsignedAreRefused() {
    var token = TestTokens.as("editor-9", "Eve", "EDITOR");
    for (String bad :
        new String[] {
          token.expired().build(),
          token.forged().build(),
          token.forAudience("another-api").build(),
          token.unsigned().build()
        }) {
      var response = anonymous().withToken(bad).post("/api/posts", draft("Forged"));
      assertThat(response.status()).as(bad).isEqualTo(401);
    }
    assertThat(anonymous().withToken(token.build()).post("/api/posts", draft("Real")).status())
        .isEqualTo(201);
  }

  @Test
  void anAuthorWritesAndPublishesTheirOwnPostsOnly() {
    var created = author().post("/api/posts", draft("Ann's post"));
    String id = created.text("id");
    assertThat(created.json().path("author").path("name").asString()).isEqualTo("Ann Author");

    var othersEdit =
        otherAuthor()
            .put("/api/posts/" + id, draft("Hijacked"), "If-Match", created.header("ETag"));
    assertThat(othersEdit.status()).as("another author does not even see the draft").isEqualTo(404);
    assertThat(otherAuthor().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(404);

    assertThat(author().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    var published = anonymous().get("/api/posts/" + id);
    var othersEditPublished =
        otherAuthor()
            .put("/api/posts/" + id, draft("Hijacked"), "If-Match", published.header("ETag"));
    assertThat(othersEditPublished.status()).isEqualTo(403);
    assertThat(author().post("/api/posts/" + id + "/unpublish", "").status())
        .as("taking a post down is for editors")
        .isEqualTo(403);
    assertThat(api().post("/api/posts/" + id + "/unpublish", "").status()).isEqualTo(200);
    assertThat(anonymous().get("/api/posts/" + id).text("title")).isNotEqualTo("Hijacked");
  }

  @Test
  void aContributorWritesDraftsButCannotPublishOrEditOncePublished() {
    var created = contributor().post("/api/posts", draft("Cora's draft"));
    String id = created.text("id");
    var edited =
        contributor()
            .put(
                "/api/posts/" + id,
                draft("Cora's better draft"),
                "If-Match",
                created.header("ETag"));
    assertThat(edited.status()).isEqualTo(200);

    assertThat(contributor().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(403);
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    var published = anonymous().get("/api/posts/" + id);
    var late =
        contributor()
            .put("/api/posts/" + id, draft("Sneaky"), "If-Match", published.header("ETag"));
    assertThat(late.status()).isEqualTo(403);
  }

  @Test
  void staffSeeTheirOwnDraftsAndEditorsSeeEveryonesWithoutSharedCaching() {
    String mine = author().post("/api/posts", draft("Mine, unfinished")).text("id");
    String theirs = otherAuthor().post("/api/posts", draft("Theirs, unfinished")).text("id");

    var ownList = author().get("/api/posts?status=DRAFT&limit=100");
    var editorList = api().get("/api/posts?status=DRAFT&limit=100");

    assertThat(ownList.json().path("items").findValuesAsString("id"))
        .contains(mine)
        .doesNotContain(theirs);
    assertThat(editorList.json().path("items").findValuesAsString("id")).contains(mine, theirs);
    assertThat(ownList.header("Cache-Control")).contains("no-store").contains("private");
    var draftRead = author().get("/api/posts/" + mine);
    assertThat(draftRead.status()).isEqualTo(200);
    assertThat(draftRead.header("Cache-Control")).contains("private");
    assertThat(author().get("/api/posts/" + theirs).status()).isEqualTo(404);
  }

  @Test
  void onlyAdminsImportAndOnlyEditorsDelete() {
    String id = author().post("/api/posts", draft("Short-lived")).text("id");

    assertThat(author().delete("/api/posts/" + id).status()).isEqualTo(403);
    assertThat(api().delete("/api/posts/" + id).status()).isEqualTo(204);
    assertThat(api().postAs("/api/imports/blogger", "application/atom+xml", "<feed/>").status())
        .isEqualTo(403);
  }

  @Test
  void staffPreviewTheSanitisedBodyAndNothingIsStored() {
    int before = contributor().get("/api/posts?status=DRAFT&limit=100").json().path("items").size();
    var preview =
        contributor()
            .post(
                "/api/posts/preview",
                ApiClient.json(
                    Map.of(
                        "title", "Preview",
                        "body", "Some *words*.\n\n<script>alert(1)</script>")));

    assertThat(preview.status()).isEqualTo(200);
    assertThat(preview.text("bodyHtml")).contains("<em>words</em>").doesNotContain("<script");
    assertThat(anonymous().post("/api/posts/preview", draft("x")).status()).isEqualTo(401);
    assertThat(contributor().get("/api/posts?status=DRAFT&limit=100").json().path("items").size())
        .isEqualTo(before);
  }

  /**
   * An author who writes the body before the title, or is half-way through a slug, still sees the
   * words rendered: a preview needs the body alone.
   */
  @Test
  void aPreviewNeedsTheBodyAloneNotTheRestOfADraft() {
    var untitled =
        contributor()
            .post(
                "/api/posts/preview",
                ApiClient.json(Map.of("title", "", "slug", "half-", "body", "**Trams** climb")));
    assertThat(untitled.status()).as(untitled.toString()).isEqualTo(200);
    assertThat(untitled.text("bodyHtml")).isEqualTo("<p><strong>Trams</strong> climb</p>\n");
    assertThat(untitled.text("excerpt")).isEqualTo("Trams climb");

    var bodiless = contributor().post("/api/posts/preview", ApiClient.json(Map.of("title", "T")));
    assertThat(bodiless.status()).isEqualTo(400);
    assertThat(bodiless.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void anIntegrationPublishesInTheBlogsName() {
    var bot = anonymous().withToken(TestTokens.integration("ci-bot"));
    var created = bot.post("/api/posts", draft("From the pipeline"));

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().path("author").path("id").asString()).isEqualTo("owner");
    assertThat(bot.post("/api/posts/" + created.text("id") + "/publish", "").status())
        .isEqualTo(200);
  }
}
