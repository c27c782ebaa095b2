package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.showProblem;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.WebSettings;
import java.time.Instant;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Ghost's "Integrations": programs that publish through the API with a client id and secret (OAuth2
 * client credentials). The secret is shown once, when it is made; revoking one refuses its next
 * token at once; and webhooks, addresses told of published, changed, unpublished and deleted posts
 * with signed calls. For admins.
 */
@Controller
class IntegrationsAdmin implements StaffPage {

  private final AdminApi api;
  private final WebSettings settings;

  IntegrationsAdmin(AdminApi api, WebSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  @GetMapping("/admin/integrations")
  String integrations(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    var answer = checked(api.integrations(token(client)));
    model.addAttribute(
        "integrations",
        answer.ok()
            ? answer
                .body()
                .path("items")
                .valueStream()
                .map(
                    each ->
                        new Integration(
                            each.path("clientId").asString(),
                            each.path("name").asString(),
                            AdminApi.instant(each.path("createdAt").asString(null))))
                .toList()
            : null);
    showProblem(answer, model);
    model.addAttribute("tokenUrl", settings.siteUrl() + "/oauth2/token");
    var hooks = checked(api.webhooks(token(client)));
    if (hooks.ok()) {
      model.addAttribute(
          "webhooks",
          hooks
              .body()
              .path("items")
              .valueStream()
              .map(
                  each ->
                      new Webhook(
                          each.path("id").asString(),
                          each.path("name").asString(),
                          each.path("event").asString(),
                          each.path("targetUrl").asString(),
                          AdminApi.instant(each.path("lastCallAt").asString(null)),
                          each.path("lastResult").asString(null)))
              .toList());
      model.addAttribute(
          "webhookEvents",
          hooks.body().path("events").valueStream().map(each -> each.asString()).toList());
    } else {
      showProblem(hooks, model);
    }
    return "admin/integrations";
  }

  @PostMapping("/admin/webhooks")
  String addWebhook(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String event,
      @RequestParam(defaultValue = "") String targetUrl,
      RedirectAttributes redirect) {
    var answer = checked(api.addWebhook(token(client), name.strip(), event, targetUrl.strip()));
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/integrations#webhooks";
    }
    redirect.addFlashAttribute(
        "createdWebhook",
        new CreatedWebhook(
            answer.body().path("name").asString(), answer.body().path("secret").asString()));
    return "redirect:/admin/integrations#webhooks";
  }

  /**
   * A webhook's recent calls, as GitHub's "Recent deliveries", with "Try again" on those given up.
   */
  @GetMapping("/admin/webhooks/{id}")
  String webhook(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      Model model) {
    String token = token(client);
    var hooks = checked(api.webhooks(token));
    var webhook =
        hooks.ok()
            ? hooks
                .body()
                .path("items")
                .valueStream()
                .filter(each -> each.path("id").asString().equals(id))
                .findFirst()
                .orElse(null)
            : null;
    var calls = checked(api.webhookCalls(token, id));
    if (webhook == null || !calls.ok()) {
      showProblem(calls.ok() ? hooks : calls, model);
      if (!model.containsAttribute("error")) {
        model.addAttribute("error", "There is no such webhook; it may have been removed.");
      }
      return "admin/webhook";
    }
    model.addAttribute("webhookId", id);
    model.addAttribute("webhookName", webhook.path("name").asString());
    model.addAttribute("webhookEvent", webhook.path("event").asString());
    model.addAttribute("webhookTarget", webhook.path("targetUrl").asString());
    model.addAttribute(
        "calls",
        calls
            .body()
            .path("items")
            .valueStream()
            .map(
                each ->
                    new Call(
                        each.path("id").asString(),
                        each.path("change").asString(),
                        each.path("about").asString(""),
                        each.path("status").asString(),
                        each.path("attempts").asInt(),
                        each.path("lastResult").asString(null),
                        AdminApi.instant(each.path("createdAt").asString(null)),
                        AdminApi.instant(each.path("nextTryAt").asString(null))))
            .toList());
    return "admin/webhook";
  }

  @PostMapping("/admin/webhooks/{id}/secret")
  String rollSecret(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    var answer = checked(api.rollWebhookSecret(token(client), id));
    if (answer.ok()) {
      redirect.addFlashAttribute("newSecret", answer.body().path("secret").asString());
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/webhooks/" + UriUtils.encodePathSegment(id, "UTF-8");
  }

  @PostMapping("/admin/webhooks/{id}/ping")
  String ping(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    var answer = checked(api.pingWebhook(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "A test call is on its way; reload in a moment to see how it was answered."
            : answer.problem());
    return "redirect:/admin/webhooks/" + UriUtils.encodePathSegment(id, "UTF-8");
  }

  @PostMapping("/admin/webhooks/{id}/calls/{callId}/retry")
  String retryCall(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @PathVariable String callId,
      RedirectAttributes redirect) {
    var answer = checked(api.retryWebhookCall(token(client), id, callId));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "The call is made again within a few seconds." : answer.problem());
    return "redirect:/admin/webhooks/" + UriUtils.encodePathSegment(id, "UTF-8");
  }

  @PostMapping("/admin/webhooks/{id}/remove")
  String removeWebhook(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.removeWebhook(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? (name.isBlank() ? "The webhook" : name) + " is removed: it is called no more."
            : answer.problem());
    return "redirect:/admin/integrations#webhooks";
  }

  @PostMapping("/admin/integrations")
  String create(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.createIntegration(token(client), name.strip()));
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/integrations";
    }
    redirect.addFlashAttribute(
        "created",
        new Created(
            answer.body().path("name").asString(),
            answer.body().path("clientId").asString(),
            answer.body().path("clientSecret").asString()));
    return "redirect:/admin/integrations";
  }

  @PostMapping("/admin/integrations/{clientId}/revoke")
  String revoke(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String clientId,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.revokeIntegration(token(client), clientId));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? (name.isBlank() ? "The integration" : name)
                + " is revoked: it gets no new tokens, and the API refuses the one it holds"
                + " within seconds."
            : answer.problem());
    return "redirect:/admin/integrations";
  }

  /** One line of the list: no secret, that is never shown again. */
  record Integration(String clientId, String name, Instant createdAt) {}

  /** One line of the webhooks: where it goes and how its last call went, not its secret. */
  record Webhook(
      String id,
      String name,
      String event,
      String targetUrl,
      Instant lastCallAt,
      String lastResult) {}

  /** One of a webhook's recent calls. */
  record Call(
      String id,
      String change,
      String about,
      String status,
      int attempts,
      String lastResult,
      Instant createdAt,
      Instant nextTryAt) {

    public boolean givenUp() {
      return "FAILED".equals(status);
    }
  }

  /** What the page shows once, right after the webhook was added. */
  record CreatedWebhook(String name, String secret) implements java.io.Serializable {}

  /** What the page shows once, right after the integration was made. */
  record Created(String name, String clientId, String clientSecret)
      implements java.io.Serializable {}
}
