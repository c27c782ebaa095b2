package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Featured posts, as Ghost features and WordPress makes posts sticky: whoever may publish a post
 * may feature it, and the list answers with the featured ones alone for the top of the home page.
 */
class FeaturedPostsTests extends IntegrationTest {

  private static final String FEATURED = "/api/posts?featured=true&limit=100";

  @Test
  void anAuthorFeaturesTheirPostAndTheListGivesTheFeaturedOnesApart() {
    var author = as("author-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    String id = published(author, "Start here " + UUID.randomUUID());
    assertThat(author.get("/api/posts/" + id).json().path("featured").asBoolean()).isFalse();

    var featured = author.put("/api/posts/" + id + "/featured", "{\"featured\": true}");

    assertThat(featured.status()).as(featured.toString()).isEqualTo(200);
    assertThat(featured.json().path("featured").asBoolean()).isTrue();
    assertThat(ids(FEATURED)).contains(id);
    assertThat(ids("/api/posts?featured=false&limit=100")).doesNotContain(id);
    assertThat(ids("/api/posts?limit=100")).as("still in the list of all posts").contains(id);

    author.put("/api/posts/" + id + "/featured", "{\"featured\": false}");
    assertThat(ids(FEATURED)).doesNotContain(id);
    assertThat(ids("/api/posts?featured=false&limit=100")).contains(id);
  }

  @Test
  void featuringAPostWhileItsAuthorEditsItIsNoConflictButReadersSeeTheChange() {
    var author = as("author-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    String id = published(author, "Long read " + UUID.randomUUID());
    String read = author.get("/api/posts/" + id).header("ETag");

    assertThat(api().put("/api/posts/" + id + "/featured", "{\"featured\": true}").status())
        .isEqualTo(200);
    var readerAgain = anonymous().get("/api/posts/" + id, "If-None-Match", read);
    var saved =
        author.put(
            "/api/posts/" + id,
            ApiClient.json(Map.of("title", "Long read, revised", "body", "Better.")),
            "If-Match",
            read);

    assertThat(readerAgain.status())
        .as("a featured post is shown otherwise: no 304")
        .isEqualTo(200);
    assertThat(readerAgain.json().path("featured").asBoolean()).isTrue();
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.text("title")).isEqualTo("Long read, revised");
    assertThat(saved.json().path("featured").asBoolean()).as("the edit keeps it featured").isTrue();
    String now = saved.header("ETag");
    assertThat(anonymous().get("/api/posts/" + id, "If-None-Match", now).status()).isEqualTo(304);
    // an edit is still a conflict for whoever saves what they read before it
    var stale =
        author.put(
            "/api/posts/" + id,
            ApiClient.json(Map.of("title", "Lost?", "body", "b")),
            "If-Match",
            read);
    assertThat(stale.status()).isEqualTo(412);
  }

  @Test
  void onlyThoseWhoMayPublishAPostFeatureItAndOnlyPosts() {
    var author = as("author-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    var otherAuthor = as("author-" + UUID.randomUUID(), "Otto", "AUTHOR");
    var contributor = as("contributor-" + UUID.randomUUID(), "Cy", "CONTRIBUTOR");
    String id = published(author, "Mine " + UUID.randomUUID());
    String draft =
        contributor
            .post("/api/posts", ApiClient.json(Map.of("title", "A draft", "body", "b")))
            .text("id");
    String yes = "{\"featured\": true}";

    assertThat(anonymous().put("/api/posts/" + id + "/featured", yes).status()).isEqualTo(401);
    assertThat(contributor.put("/api/posts/" + draft + "/featured", yes).status()).isEqualTo(403);
    assertThat(otherAuthor.put("/api/posts/" + id + "/featured", yes).status()).isEqualTo(403);
    assertThat(api().put("/api/posts/" + id + "/featured", yes).status()).isEqualTo(200);
    assertThat(api().put("/api/posts/no-such-post/featured", yes).status()).isEqualTo(404);

    var wrongType = api().put("/api/posts/" + id + "/featured", "{\"featured\": \"very\"}");
    assertThat(wrongType.status()).isEqualTo(400);
    assertThat(wrongType.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(api().put("/api/posts/" + id + "/featured", "{}").status()).isEqualTo(400);

    String page =
        api()
            .post("/api/posts", ApiClient.json(Map.of("title", "About", "body", "b", "page", true)))
            .text("id");
    var featuredPage = api().put("/api/posts/" + page + "/featured", yes);
    assertThat(featuredPage.status()).isEqualTo(409);
    assertThat(featuredPage.text("detail")).contains("only posts are featured");
  }

  private java.util.List<String> ids(String path) {
    return anonymous().get(path).json().path("items").findValuesAsString("id");
  }
}
