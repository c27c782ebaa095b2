package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * A post's excerpt is its author's own when they wrote one, and otherwise its first words, which
 * follow the body as it is edited: an editor that shows {@code customExcerpt} and sends it back
 * never freezes the first words of an old version on the home page, in the feeds and in the mail.
 */
class ExcerptsTests extends IntegrationTest {

  @Autowired private Rerendering rerendering;
  @Autowired private MongoTemplate mongo;

  @Test
  void theFirstWordsFollowTheBodyAndTheAuthorsOwnExcerptStaysUntilEmptied() {
    var created = api().post("/api/posts", post("Ferries", "The old ferry.", null));
    String id = created.text("id");
    assertThat(created.text("excerpt")).isEqualTo("The old ferry.");
    assertThat(created.json().hasNonNull("customExcerpt")).isFalse();

    // as the editor does: what it shows as the excerpt is sent back with the new body
    var edited = saved(created, "The new ferry.", created.text("customExcerpt"));
    assertThat(edited.text("excerpt")).isEqualTo("The new ferry.");

    var own = saved(edited, "The new ferry.", "Crossing by sea.");
    var bodyChanged = saved(own, "The third ferry.", own.text("customExcerpt"));
    assertThat(bodyChanged.text("excerpt")).isEqualTo("Crossing by sea.");
    assertThat(bodyChanged.text("customExcerpt")).isEqualTo("Crossing by sea.");

    var emptied = saved(bodyChanged, "The third ferry.", "");
    assertThat(emptied.text("excerpt")).isEqualTo("The third ferry.");
    assertThat(emptied.json().hasNonNull("customExcerpt")).isFalse();

    var revisions = api().get("/api/posts/" + id + "/revisions").json().path("items");
    long withOwn = revisions.get(1).path("version").asLong();
    long withFirstWords = revisions.get(2).path("version").asLong();
    assertThat(api().get("/api/posts/" + id + "/revisions/" + withOwn).text("customExcerpt"))
        .isEqualTo("Crossing by sea.");
    assertThat(
            api()
                .get("/api/posts/" + id + "/revisions/" + withFirstWords)
                .json()
                .hasNonNull("customExcerpt"))
        .isFalse();
  }

  /**
   * Posts stored before the excerpt's owner was kept are told by the start-up pass: first words
   * follow the body from then on, an author's own excerpt stays theirs.
   */
  @Test
  void postsStoredBeforeAreToldWhoseTheirExcerptIs() {
    String firstWords =
        api().post("/api/posts", post("Older", "Its first words.", null)).text("id");
    String own = api().post("/api/posts", post("Older", "Its words.", "Its summary.")).text("id");
    for (String id : new String[] {firstWords, own}) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(id)), new Update().unset("ownExcerpt"), "posts");
    }
    assertThat(api().get("/api/posts/" + firstWords).text("customExcerpt"))
        .as("until the pass, as before: the editor shows what the post has")
        .isEqualTo("Its first words.");

    rerendering.rerenderAll();

    var firstWordsPost = api().get("/api/posts/" + firstWords);
    assertThat(firstWordsPost.json().hasNonNull("customExcerpt")).isFalse();
    var edited = saved(firstWordsPost, "New first words.", null);
    assertThat(edited.text("excerpt")).isEqualTo("New first words.");
    assertThat(api().get("/api/posts/" + own).text("customExcerpt")).isEqualTo("Its summary.");
  }

  /** The post of this answer, saved with a new body and excerpt over the version it gave. */
  private ApiClient.Response saved(ApiClient.Response before, String body, String excerpt) {
    return api()
        .put(
            "/api/posts/" + before.text("id"),
            post(before.text("title"), body, excerpt),
            "If-Match",
            before.header("ETag"));
  }

  private static String post(String title, String body, String excerpt) {
    var fields = new HashMap<String, Object>(Map.of("title", title, "body", body));
    if (excerpt != null) {
      fields.put("excerpt", excerpt);
    }
    return ApiClient.json(fields);
  }
}
