package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Pages (About, Contact), as Ghost, WordPress and Blogger have them: read at their own address and
 * listed for the site's menu, but in no list of posts, feed, archive or tag count.
 */
class PagesTests extends IntegrationTest {

  @Test
  void aPublishedPageIsInTheMenuAndInNoListOfPosts() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String tag = "page-only-" + marker;
    long archivedBefore = archivedPosts();
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        "About " + marker,
                        "body",
                        "Who writes here.",
                        "tags",
                        List.of(tag),
                        "page",
                        true)));
    assertThat(created.json().path("page").asBoolean()).isTrue();
    assertThat(created.json().path("commentsOpen").asBoolean())
        .as("a page takes no comments unless opened")
        .isFalse();
    String id = created.text("id");
    String slug = created.text("slug");

    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);

    var menu = anonymous().get("/api/pages");
    assertThat(menu.status()).isEqualTo(200);
    assertThat(menu.json().path("items").findValuesAsString("slug")).contains(slug);
    var page = anonymous().get("/api/posts/" + slug);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.text("bodyHtml")).contains("Who writes here.");

    assertThat(anonymous().get("/api/posts?limit=100").raw().body()).doesNotContain(id);
    assertThat(anonymous().get("/api/posts?tag=" + tag).json().path("items")).isEmpty();
    assertThat(anonymous().get("/api/posts?q=" + marker).json().path("items")).isEmpty();
    assertThat(anonymous().get("/api/tags").raw().body()).doesNotContain(tag);
    assertThat(anonymous().get("/feed.atom").raw().body()).doesNotContain(marker);
    assertThat(anonymous().get("/api/posts/" + id + "/neighbours").status()).isEqualTo(404);
    assertThat(archivedPosts()).isEqualTo(archivedBefore);
  }

  @Test
  void aPageCanBecomeAPostAgain() {
    var created =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Colophon", "body", "b", "page", true)));
    String id = created.text("id");
    api().post("/api/posts/" + id + "/publish", "");
    String etag = api().get("/api/posts/" + id).header("ETag");

    var post =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(Map.of("title", "Colophon", "body", "b", "page", false)),
                "If-Match",
                etag);

    assertThat(post.json().path("page").asBoolean()).isFalse();
    assertThat(anonymous().get("/api/pages").raw().body()).doesNotContain(id);
    assertThat(anonymous().get("/api/posts?limit=100").raw().body()).contains(id);
  }

  private long archivedPosts() {
    long total = 0;
    for (var month : anonymous().get("/api/archive").json().path("months")) {
      total += month.path("count").asLong();
    }
    return total;
  }
}
