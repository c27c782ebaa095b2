package io.inkwell.posts.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An admin names the blog and says what it is about; readers and feed readers see it. */
class SiteTests extends IntegrationTest {

  private ApiClient admin() {
    return as("admin-" + UUID.randomUUID(), "Ada Admin", "ADMIN");
  }

  @AfterEach
  void backToTheConfiguredName() {
    admin().put("/api/site", ApiClient.json(Map.of("title", "Inkwell", "description", "")));
  }

  @Test
  void anAdminRenamesTheBlogAndTheFeedsFollow() throws Exception {
    assertThat(anonymous().get("/api/site").text("title")).isEqualTo("Inkwell");

    var changed =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of(
                        "title", "  Notes from\tLisbon ",
                        "description", "Trams, tiles and <b>pastéis</b>.\n\u0007")));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("title")).isEqualTo("Notes from Lisbon");
    assertThat(changed.text("description"))
        .as("one line of plain text, kept as written: pages escape it")
        .isEqualTo("Trams, tiles and <b>pastéis</b>.");

    var read = anonymous().get("/api/site");
    assertThat(read.text("title")).isEqualTo("Notes from Lisbon");
    assertThat(read.header("Cache-Control")).contains("max-age=30");
    var feed =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.atom").raw().body()));
    assertThat(feed.getTitle()).isEqualTo("Notes from Lisbon");
  }

  @Test
  void onlyAdminsRenameTheBlogAndNonsenseIsRefused() {
    String body = ApiClient.json(Map.of("title", "Mine now", "description", ""));
    assertThat(anonymous().put("/api/site", body).status()).isEqualTo(401);
    assertThat(api().put("/api/site", body).status()).as("an editor").isEqualTo(403);
    assertThat(as("i-" + UUID.randomUUID(), "Bot", "INTEGRATION").put("/api/site", body).status())
        .isEqualTo(403);

    for (String odd :
        List.of(
            "{\"title\":\"\",\"description\":\"\"}",
            "{\"title\":\"   \\u0007 \",\"description\":\"\"}",
            "{\"title\":\"" + "x".repeat(101) + "\",\"description\":\"\"}",
            "{\"title\":\"T\",\"description\":\"" + "x".repeat(301) + "\"}",
            "{\"title\":{\"$ne\":null},\"description\":\"\"}",
            "{\"title\":\"T\"}",
            "not json")) {
      var refused = admin().put("/api/site", odd);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).as(odd).isEqualTo("application/problem+json");
    }
    assertThat(anonymous().get("/api/site").text("title")).isEqualTo("Inkwell");
  }
}
