package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.inkwell.web.TestSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin's page of one webhook, against the API's answers: its recent calls, "Try again" on a
 * call given up, and a test call; what the API refuses is said on the page.
 */
class WebhooksAdminTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AdminApi api = mock(AdminApi.class);
  private final IntegrationsAdmin admin = new IntegrationsAdmin(api, TestSettings.inZone("UTC"));
  private final OAuth2AuthorizedClient client =
      TestClients.signedIn("token", Instant.now(), Instant.now().plusSeconds(600));

  @Test
  void theWebhooksPageListsItsCallsAndOffersTryAgainOnlyOnThoseGivenUp() {
    when(api.webhooks("token"))
        .thenReturn(
            ok(
                """
                {"items": [{"id": "w1", "name": "Rebuild", "event": "site.changed",
                            "targetUrl": "https://builder.example/hook"}],
                 "events": ["post.published", "site.changed"]}
                """));
    when(api.webhookCalls("token", "w1"))
        .thenReturn(
            ok(
                """
                {"items": [
                  {"id": "e2:w1", "change": "post.deleted", "about": "old-post", "status": "FAILED",
                   "attempts": 8, "lastResult": "no answer: ConnectException",
                   "createdAt": "2026-11-30T10:00:00Z"},
                  {"id": "e1:w1", "change": "post.published", "about": "Wrapping up the WPC",
                   "status": "SENT", "attempts": 1, "lastResult": "204",
                   "createdAt": "2026-11-30T09:00:00Z"}]}
                """));
    var model = new ExtendedModelMap();

    assertThat(admin.webhook(client, "w1", model)).isEqualTo("admin/webhook");

    assertThat(model.get("webhookName")).isEqualTo("Rebuild");
    @SuppressWarnings("unchecked")
    var calls = (List<IntegrationsAdmin.Call>) model.get("calls");
    assertThat(calls)
        .extracting(IntegrationsAdmin.Call::about, IntegrationsAdmin.Call::givenUp)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("old-post", true),
            org.assertj.core.groups.Tuple.tuple("Wrapping up the WPC", false));
    assertThat(calls.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
  }

  @Test
  void aWebhookThatIsNoMoreIsSaidSoNotShownEmpty() {
    when(api.webhooks("token")).thenReturn(ok("{\"items\": [], \"events\": []}"));
    when(api.webhookCalls("token", "gone"))
        .thenReturn(
            new AdminApi.Answer(
                404, JSON.readTree("{\"detail\": \"No webhook has this id.\"}"), null));
    var model = new ExtendedModelMap();

    admin.webhook(client, "gone", model);

    assertThat(model.get("calls")).isNull();
    assertThat((String) model.get("error")).contains("No webhook has this id.");
  }

  @Test
  void tryAgainANewSecretAndTheTestCallGoBackToThePageSayingWhatHappened() {
    when(api.retryWebhookCall("token", "w1", "e2:w1"))
        .thenReturn(new AdminApi.Answer(202, null, null));
    when(api.pingWebhook(eq("token"), anyString()))
        .thenReturn(
            new AdminApi.Answer(
                404, JSON.readTree("{\"detail\": \"No webhook has this id.\"}"), null));

    var retried = new RedirectAttributesModelMap();
    assertThat(admin.retryCall(client, "w1", "e2:w1", retried))
        .isEqualTo("redirect:/admin/webhooks/w1");
    assertThat(retried.getFlashAttributes().get("message"))
        .isEqualTo("The call is made again within a few seconds.");
    verify(api).retryWebhookCall("token", "w1", "e2:w1");

    when(api.rollWebhookSecret("token", "w1"))
        .thenReturn(ok("{\"id\": \"w1\", \"secret\": \"s3cr3t-shown-once\"}"));
    var rolled = new RedirectAttributesModelMap();
    assertThat(admin.rollSecret(client, "w1", rolled)).isEqualTo("redirect:/admin/webhooks/w1");
    assertThat(rolled.getFlashAttributes().get("newSecret")).isEqualTo("s3cr3t-shown-once");

    var pinged = new RedirectAttributesModelMap();
    admin.ping(client, "w1", pinged);
    assertThat((String) pinged.getFlashAttributes().get("error"))
        .contains("No webhook has this id.");
  }

  private static AdminApi.Answer ok(String json) {
    return new AdminApi.Answer(200, JSON.readTree(json), null);
  }
}
