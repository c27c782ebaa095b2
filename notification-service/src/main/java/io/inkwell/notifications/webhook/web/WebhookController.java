package io.inkwell.notifications.webhook.web;

import io.inkwell.notifications.webhook.Webhook;
import io.inkwell.notifications.webhook.WebhookCall;
import io.inkwell.notifications.webhook.WebhookEvents;
import io.inkwell.notifications.webhook.Webhooks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Admins add, list and remove webhooks (Ghost's Integrations › Webhooks), look into their recent
 * calls and make one that was given up again. A webhook's secret is shown once, in the answer that
 * adds it.
 */
@RestController
class WebhookController {

  private final Webhooks webhooks;
  private final JsonMapper json;

  WebhookController(Webhooks webhooks, JsonMapper json) {
    this.webhooks = webhooks;
    this.json = json;
  }

  record NewWebhook(
      @NotBlank @Size(max = 100) String name,
      @NotBlank String event,
      @NotBlank @Size(max = 2000) String targetUrl) {}

  /** A webhook as listed: everything but its secret. */
  record WebhookResponse(
      String id,
      String name,
      String event,
      String targetUrl,
      Instant createdAt,
      Instant lastCallAt,
      String lastResult) {

    static WebhookResponse of(Webhook webhook) {
      return new WebhookResponse(
          webhook.id(),
          webhook.name(),
          webhook.event(),
          webhook.targetUrl(),
          webhook.createdAt(),
          webhook.lastCallAt(),
          webhook.lastResult());
    }
  }

  /** The webhooks, and the events one may be told of. */
  record WebhookList(List<WebhookResponse> items, List<String> events) {}

  /** A new webhook with its secret, the one time it is shown. */
  record AddedWebhook(
      String id, String name, String event, String targetUrl, Instant createdAt, String secret) {}

  @GetMapping("/api/webhooks")
  WebhookList list() {
    return new WebhookList(
        webhooks.all().stream().map(WebhookResponse::of).toList(), WebhookEvents.NAMES);
  }

  @PostMapping("/api/webhooks")
  ResponseEntity<AddedWebhook> add(
      @Valid @RequestBody NewWebhook request, @AuthenticationPrincipal Jwt token) {
    Webhook added =
        webhooks.add(request.name(), request.event(), request.targetUrl(), token.getSubject());
    return ResponseEntity.created(URI.create("/api/webhooks/" + added.id()))
        .body(
            new AddedWebhook(
                added.id(),
                added.name(),
                added.event(),
                added.targetUrl(),
                added.createdAt(),
                added.secret()));
  }

  /** One call as the admin looks into it: what it was about and how it went. */
  record CallResponse(
      String id,
      String event,
      String change,
      String about,
      WebhookCall.Status status,
      int attempts,
      String lastResult,
      Instant createdAt,
      Instant nextTryAt) {}

  record CallList(List<CallResponse> items) {}

  /** The newest calls of a webhook, as GitHub's "Recent deliveries". */
  @GetMapping("/api/webhooks/{id}/calls")
  CallList calls(
      @PathVariable String id, @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return new CallList(
        webhooks.recentCalls(id, limit).orElseThrow(WebhookController::noSuchWebhook).stream()
            .map(this::response)
            .toList());
  }

  /** The webhook's new secret, shown this once. */
  record NewSecret(String id, String secret) {}

  /** Gives the webhook a new secret; the old one signs nothing more. */
  @PostMapping("/api/webhooks/{id}/secret")
  NewSecret rollSecret(@PathVariable String id) {
    return new NewSecret(id, webhooks.rollSecret(id).orElseThrow(WebhookController::noSuchWebhook));
  }

  /** A test call to the webhook's address, made within a second or two → 202. */
  @PostMapping("/api/webhooks/{id}/ping")
  ResponseEntity<Void> ping(@PathVariable String id) {
    if (!webhooks.ping(id)) {
      throw noSuchWebhook();
    }
    return ResponseEntity.accepted().build();
  }

  /** Makes a call that was given up due again (after the receiver was fixed) → 202. */
  @PostMapping("/api/webhooks/{id}/calls/{callId}/retry")
  ResponseEntity<Void> retry(@PathVariable String id, @PathVariable String callId) {
    return switch (webhooks.retry(id, callId)) {
      case DUE -> ResponseEntity.accepted().build();
      case UNKNOWN ->
          throw new ResponseStatusException(HttpStatus.NOT_FOUND, "This webhook has no such call.");
      case NOT_FAILED ->
          throw new ResponseStatusException(
              HttpStatus.CONFLICT,
              "Only a call that was given up is made again; this one was taken or is still tried.");
    };
  }

  private CallResponse response(WebhookCall call) {
    JsonNode payload = json.readTree(call.payload());
    return new CallResponse(
        call.id(),
        call.event(),
        payload.path("change").asString(call.event()),
        about(payload),
        call.status(),
        call.attempts(),
        call.lastResult(),
        call.createdAt(),
        call.status() == WebhookCall.Status.PENDING ? call.dueAt() : null);
  }

  /** What a call was about, for a list: the post's title (or slug), the blog's, or a test. */
  private static String about(JsonNode payload) {
    if (payload.path("event").asString("").equals("ping")) {
      return "a test call";
    }
    JsonNode post = payload.path("post");
    if (!post.isMissingNode()) {
      return post.path("title").asString(post.path("slug").asString(null));
    }
    return payload.path("site").path("title").asString(null);
  }

  private static ResponseStatusException noSuchWebhook() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No webhook has this id.");
  }

  @DeleteMapping("/api/webhooks/{id}")
  ResponseEntity<Void> remove(@PathVariable String id) {
    if (!webhooks.remove(id)) {
      throw noSuchWebhook();
    }
    return ResponseEntity.noContent().build();
  }
}
