package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a post said before each edit (WordPress's revisions, Ghost's post history), for those who
 * may edit it: an author who overwrote a paragraph gets it back.
 */
class RevisionsTests extends IntegrationTest {

  @Test
  void eachEditKeepsWhatThePostSaidBeforeNewestFirst() {
    var author = as("author-" + UUID.randomUUID(), "Ann", "AUTHOR");
    var created = author.post("/api/posts", draft("First title", "The *first* words."));
    String id = created.text("id");
    var second = edit(author, id, created.header("ETag"), "Second title", "The second words.");
    edit(author, id, second.header("ETag"), "Third title", "The third words.");

    var list = author.get("/api/posts/" + id + "/revisions");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.header("Cache-Control")).contains("no-store");
    var items = list.json().path("items");
    assertThat(items.findValuesAsString("title")).containsExactly("Second title", "First title");
    assertThat(list.raw().body()).doesNotContain("words");

    long first = items.get(1).path("version").asLong();
    var revision = author.get("/api/posts/" + id + "/revisions/" + first);
    assertThat(revision.status()).isEqualTo(200);
    assertThat(revision.text("bodyMarkdown")).isEqualTo("The *first* words.");
    assertThat(revision.text("bodyHtml")).contains("<em>first</em>");
    assertThat(revision.text("savedAt")).isEqualTo(created.text("updatedAt"));
  }

  @Test
  void savingTheSameTextAgainKeepsNoRevision() {
    var created = api().post("/api/posts", draft("Same", "Unchanged."));
    String id = created.text("id");
    edit(api(), id, created.header("ETag"), "Same", "Unchanged.");

    assertThat(api().get("/api/posts/" + id + "/revisions").json().path("items")).isEmpty();
  }

  @Test
  void onlyThoseWhoMayEditThePostSeeItsRevisions() {
    var contributor = as("contributor-" + UUID.randomUUID(), "Cy", "CONTRIBUTOR");
    var otherAuthor = as("author-" + UUID.randomUUID(), "Otto", "AUTHOR");
    var created = contributor.post("/api/posts", draft("Mine", "Draft one."));
    String id = created.text("id");
    edit(contributor, id, created.header("ETag"), "Mine", "Draft two.");
    String path = "/api/posts/" + id + "/revisions";

    assertThat(contributor.get(path).json().path("items")).hasSize(1);
    assertThat(api().get(path).status()).as("an editor").isEqualTo(200);
    assertThat(anonymous().get(path).status()).isEqualTo(401);
    assertThat(otherAuthor.get(path).status()).as("someone else's draft").isEqualTo(404);
    assertThat(contributor.get(path + "/999").status()).isEqualTo(404);
    assertThat(contributor.get(path + "/not-a-number").status()).isEqualTo(400);

    api().post("/api/posts/" + id + "/publish", "");
    assertThat(otherAuthor.get(path).status()).as("someone else's post").isEqualTo(403);
  }

  @Test
  void theLast25RevisionsAreKept() {
    var created = api().post("/api/posts", draft("Edit 0", "Text 0"));
    String id = created.text("id");
    String etag = created.header("ETag");
    for (int edit = 1; edit <= 27; edit++) {
      etag = edit(api(), id, etag, "Edit " + edit, "Text " + edit).header("ETag");
    }

    var titles =
        api()
            .get("/api/posts/" + id + "/revisions")
            .json()
            .path("items")
            .findValuesAsString("title");
    assertThat(titles).hasSize(25).startsWith("Edit 26").endsWith("Edit 2");
  }

  private static String draft(String title, String body) {
    return ApiClient.json(Map.of("title", title, "body", body, "tags", List.of("notes")));
  }

  private static ApiClient.Response edit(
      ApiClient client, String id, String etag, String title, String body) {
    var response = client.put("/api/posts/" + id, draft(title, body), "If-Match", etag);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }
}
