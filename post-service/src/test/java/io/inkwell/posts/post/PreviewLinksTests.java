package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An author sends a friend a secret link to a draft; the friend reads it without an account, and
 * nobody without the link (or after the post is deleted) does.
 */
class PreviewLinksTests extends IntegrationTest {

  @Test
  void aContributorSharesTheirDraftAndTheFriendReadsItAsItIsNow() {
    var cora = as("cora-" + UUID.randomUUID(), "Cora Contributor", "CONTRIBUTOR");
    var draft =
        cora.post(
            "/api/posts", ApiClient.json(Map.of("title", "Not yet", "body", "First *thoughts*.")));
    String id = draft.text("id");

    var link = cora.post("/api/posts/" + id + "/preview-link", "");
    assertThat(link.status()).as(link.toString()).isEqualTo(200);
    String key = link.text("key");
    assertThat(key).matches("[A-Za-z0-9_-]{22}");
    assertThat(link.text("path")).isEqualTo("/p/" + key);
    assertThat(cora.post("/api/posts/" + id + "/preview-link", "").text("key"))
        .as("one link per post")
        .isEqualTo(key);

    var read = anonymous().get("/api/posts/preview/" + key);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.text("title")).isEqualTo("Not yet");
    assertThat(read.text("status")).isEqualTo("DRAFT");
    assertThat(read.text("bodyHtml")).contains("<em>thoughts</em>");
    assertThat(read.header("Cache-Control")).contains("no-store");
    assertThat(read.header("X-Robots-Tag")).isEqualTo("noindex");

    var edited =
        cora.put(
            "/api/posts/" + id,
            ApiClient.json(Map.of("title", "Nearly", "body", "Second thoughts.")),
            "If-Match",
            draft.header("ETag"));
    assertThat(edited.status())
        .as("sharing a preview does not change the post under its author")
        .isEqualTo(200);
    assertThat(anonymous().get("/api/posts/preview/" + key).text("title")).isEqualTo("Nearly");
    assertThat(anonymous().get("/api/posts/" + id).status())
        .as("the draft itself stays hidden")
        .isEqualTo(404);
  }

  @Test
  void onlyWhoMayEditThePostGetsItsLink() {
    var ann = as("ann-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    var otto = as("otto-" + UUID.randomUUID(), "Otto Author", "AUTHOR");
    String id =
        ann.post("/api/posts", ApiClient.json(Map.of("title", "Ann's", "body", "Mine.")))
            .text("id");

    assertThat(anonymous().post("/api/posts/" + id + "/preview-link", "").status()).isEqualTo(401);
    assertThat(otto.post("/api/posts/" + id + "/preview-link", "").status())
        .as("another author does not even see the draft")
        .isEqualTo(404);
    assertThat(api().post("/api/posts/" + id + "/preview-link", "").status()).isEqualTo(200);
  }

  @Test
  void aKeyNobodyMadeOrOfADeletedPostShowsNothing() {
    String id =
        api()
            .post("/api/posts", ApiClient.json(Map.of("title", "Going", "body", "Soon gone.")))
            .text("id");
    String key = api().post("/api/posts/" + id + "/preview-link", "").text("key");

    var unknown = anonymous().get("/api/posts/preview/AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");
    for (String odd : new String[] {"%7B%22$ne%22:null%7D", "short", "x".repeat(300)}) {
      var answer = anonymous().get("/api/posts/preview/" + odd);
      assertThat(answer.status()).as(odd).isIn(400, 404);
      assertThat(answer.header("Content-Type")).as(odd).isEqualTo("application/problem+json");
    }

    assertThat(api().delete("/api/posts/" + id).status()).isEqualTo(204);
    assertThat(anonymous().get("/api/posts/preview/" + key).status()).isEqualTo(404);
  }
}
