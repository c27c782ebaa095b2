package io.inkwell.comments.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.comments.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readers comment without signing in; only editors moderate, only admins change the settings. */
class ModerationAuthorizationTests extends IntegrationTest {

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
