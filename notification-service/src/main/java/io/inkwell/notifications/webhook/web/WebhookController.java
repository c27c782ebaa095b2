package io.inkwell.notifications.webhook.web;

import io.inkwell.notifications.webhook.Webhook;
import io.inkwell.notifications.webhook.WebhookEvents;
import io.inkwell.notifications.webhook.Webhooks;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admins add, list and remove webhooks (Ghost's Integrations › Webhooks). A webhook's secret is
 * shown once, in the answer that adds it.
 */
@RestController
class WebhookController {

  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
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

  @DeleteMapping("/api/webhooks/{id}")
  ResponseEntity<Void> remove(@PathVariable String id) {
    if (!webhooks.remove(id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No webhook has this id.");
    }
    return ResponseEntity.noContent().build();
  }
}
