package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A post's title and description for search engines and shared links, and the address of its
 * original (Ghost's "Meta data" and canonical URL, Blogger's "Search description"): chosen by its
 * author, given to readers' pages, kept by an editor that does not know them, cleared with "".
 */
class MetaTagsTests extends IntegrationTest {

  @Test
  void anAuthorDescribesAPostForSearchEnginesAndReadersSeeItWithThePost() {
    var author = as("author-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    var draft = new HashMap<String, Object>(Map.of("title", "WPC wrap " + UUID.randomUUID()));
    draft.put("body", "The last day.");
    draft.put("metaTitle", "  What we learned at the WPC  ");
    draft.put("metaDescription", "Five lessons <b>from</b> a week of talks – in 2 minutes.");
    draft.put("canonicalUrl", "https://old.example.org/2009/03/wpc-wrap.html");

    var created = author.post("/api/posts", ApiClient.json(draft));
    String id = created.text("id");
    assertThat(author.post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    var read = anonymous().get("/api/posts/" + id);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(read.text("metaTitle")).isEqualTo("What we learned at the WPC");
    assertThat(read.text("metaDescription"))
        .as("plain text, kept as typed: pages escape it")
        .isEqualTo("Five lessons <b>from</b> a week of talks – in 2 minutes.");
    assertThat(read.text("canonicalUrl"))
        .isEqualTo("https://old.example.org/2009/03/wpc-wrap.html");
  }

  @Test
  void anEditThatLeavesThemOutKeepsThemAndAnEmptyOneGivesThePostItsOwnBack() {
    var author = as("author-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
    String id =
        author
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title", "Kept " + UUID.randomUUID(),
                        "body", "b",
                        "metaTitle", "For search",
                        "metaDescription", "Described")))
            .text("id");

    var unaware =
        author.put(
            "/api/posts/" + id,
            ApiClient.json(Map.of("title", "Kept, revised", "body", "b2")),
            "If-Match",
            author.get("/api/posts/" + id).header("ETag"));
    var cleared =
        author.put(
            "/api/posts/" + id,
            ApiClient.json(Map.of("title", "Kept, revised", "body", "b2", "metaTitle", " ")),
            "If-Match",
            unaware.header("ETag"));

    assertThat(unaware.status()).as(unaware.toString()).isEqualTo(200);
    assertThat(unaware.text("metaTitle")).isEqualTo("For search");
    assertThat(unaware.text("metaDescription")).isEqualTo("Described");
    assertThat(cleared.json().has("metaTitle")).as("the post's own title again").isFalse();
    assertThat(cleared.text("metaDescription")).isEqualTo("Described");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "//evil.example/x",
        "/2009/03/wpc-wrap.html",
        "https://exa mple.org/",
        "ftp://example.org/file"
      })
  void aCanonicalAddressMustBeAnAbsoluteWebAddress(String address) {
    var answer =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", "Bad", "body", "b", "canonicalUrl", address)));

    assertThat(answer.status()).as(address).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  @Test
  void overlongDescriptionsAreRefused() {
    var answer =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of("title", "Long", "body", "b", "metaDescription", "x".repeat(501))));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().toString()).contains("metaDescription");
  }
}
