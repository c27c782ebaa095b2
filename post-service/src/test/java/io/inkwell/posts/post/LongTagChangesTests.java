package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A tag change on more posts than a request waits for (here: none, so every change is one) is
 * answered 202 at once and made in the background, rather than the gateway's 504 while it goes on;
 * every post has the new tag soon after, without waiting for the sweep.
 */
@TestPropertySource(properties = "inkwell.posts.tag-change-wait=0s")
class LongTagChangesTests extends IntegrationTest {

  @Test
  void aRenameTooLongToWaitForIsAcceptedAndFinishedInTheBackground() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String old = "long-" + mark;
    List<String> posts = IntStream.range(0, 5).mapToObj(i -> published("Post " + i, old)).toList();

    var renamed =
        api().post("/api/tags/" + old + "/rename", ApiClient.json(Map.of("name", "kept " + mark)));

    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(202);
    assertThat(renamed.text("tag")).isEqualTo("kept " + mark);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(posts)
                    .allSatisfy(id -> assertThat(tagsOf(id)).containsExactly("kept " + mark)));
  }

  @Test
  void aDeletionTooLongToWaitForIsAcceptedAndFinishedInTheBackground() {
    String gone = "gone-" + UUID.randomUUID().toString().substring(0, 8);
    List<String> posts =
        IntStream.range(0, 5).mapToObj(i -> published("Post " + i, gone, "stays")).toList();

    assertThat(api().delete("/api/tags/" + gone).status()).isEqualTo(202);

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(posts)
                    .allSatisfy(id -> assertThat(tagsOf(id)).containsExactly("stays")));
    assertThat(anonymous().get("/api/tags/" + gone).status()).isEqualTo(404);
  }

  private String published(String title, String... tags) {
    String id =
        api()
            .post(
                "/api/posts",
                ApiClient.json(Map.of("title", title, "body", "Body", "tags", List.of(tags))))
            .text("id");
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    return id;
  }
}
