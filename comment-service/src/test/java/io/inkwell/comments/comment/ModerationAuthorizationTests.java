package io.inkwell.comments.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.comments.IntegrationTest;
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

/** Readers comment without signing in; only editors moderate, only admins change the settings. */
class ModerationAuthorizationTests extends IntegrationTest {

  private static final String TOPIC = "blog.staff-events";

  private ApiClient as(String role) {
    return api().withToken(TestTokens.staff(role.toLowerCase() + "-1", role, role));
  }

  @Test
  void theQueueAndModerationNeedAnEditor() {
    var anonymous = api().get("/api/comments?status=PENDING");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(as("AUTHOR").get("/api/comments?status=PENDING").status()).isEqualTo(403);
    assertThat(as("CONTRIBUTOR").post("/api/comments/any/approve", "").status()).isEqualTo(403);
    assertThat(as("EDITOR").get("/api/comments?status=PENDING").status()).isEqualTo(200);
    assertThat(as("INTEGRATION").get("/api/comments?status=SPAM").status()).isEqualTo(200);
    assertThat(api().delete("/api/comments/any").status()).isEqualTo(401);
  }

  @Test
  void onlyAdminsChangeTheCommentSettings() {
    String settings = ApiClient.json(Map.of("policy", "APPROVE_ALL", "closeAfterDays", 0));

    assertThat(as("EDITOR").put("/api/comments/settings", settings).status()).isEqualTo(403);
    assertThat(as("EDITOR").get("/api/comments/settings").status()).isEqualTo(200);
    assertThat(as("OWNER").put("/api/comments/settings", settings).status()).isEqualTo(200);
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
    var suspended = api().withToken(TestTokens.staff("sue-" + run, "Sue", "EDITOR"));
    var removed = api().withToken(TestTokens.staff("rem-" + run, "Rem", "EDITOR"));
    var demoted = api().withToken(TestTokens.staff("dem-" + run, "Dem", "EDITOR"));
    var revoked = api().withToken(TestTokens.integration("zap-" + run));
    var unchanged = api().withToken(TestTokens.staff("una-" + run, "Una", "EDITOR"));
    String queue = "/api/comments?status=PENDING";
    for (ApiClient client : List.of(suspended, removed, demoted, revoked, unchanged)) {
      assertThat(client.get(queue).status()).isEqualTo(200);
    }

    Instant now = Instant.now();
    StaffEvents.accessChanges(run, "EDITOR", "AUTHOR", now)
        .forEach((holder, event) -> kafka.send(TOPIC, holder, event));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(List.of(suspended, removed, demoted, revoked))
                    .allSatisfy(client -> assertThat(client.get(queue).status()).isEqualTo(401)));
    assertThat(suspended.get(queue).header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(unchanged.get(queue).status()).isEqualTo(200);
  }

  @Test
  void forgedAndExpiredTokensAreRefused() {
    var token = TestTokens.as("editor-9", "Eve", "EDITOR");

    assertThat(api().withToken(token.forged().build()).get("/api/comments").status())
        .isEqualTo(401);
    assertThat(api().withToken(token.expired().build()).get("/api/comments").status())
        .isEqualTo(401);
    assertThat(api().withToken(token.unsigned().build()).get("/api/comments").status())
        .isEqualTo(401);
  }
}
