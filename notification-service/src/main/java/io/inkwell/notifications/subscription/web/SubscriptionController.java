package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.site.SiteName;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {

  private final SubscriptionManagement subscriptions;
  private final NotificationSettings settings;
  private final SiteName site;

  SubscriptionController(
      SubscriptionManagement subscriptions, NotificationSettings settings, SiteName site) {
    this.site = site;
    this.subscriptions = subscriptions;
    this.settings = settings;
  }

  /** The same answer for new, pending and known addresses: nobody learns who subscribes. */
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> subscribe(
      @Valid @RequestBody SubscribeRequest request, HttpServletRequest http) {
    // Behind the gateway the client's address comes from X-Forwarded-For
    // (forward-headers-strategy).
    subscriptions.subscribe(
        request.email(), request.tags(), request.frequency(), http.getRemoteAddr());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .body(Map.of("message", "Check your inbox to confirm the subscription."));
  }

  @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> confirm(@Valid @RequestBody ConfirmRequest request) {
    subscriptions.confirm(request.token());
    return Map.of("status", "CONFIRMED");
  }

  @GetMapping(path = "/preferences", produces = MediaType.APPLICATION_JSON_VALUE)
  PreferencesResponse preferences(@RequestParam String token) {
    return PreferencesResponse.of(subscriptions.preferences(token), settings, site.zone());
  }

  @PutMapping(path = "/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
  PreferencesResponse changePreferences(
      @RequestParam String token, @Valid @RequestBody PreferencesRequest request) {
    return PreferencesResponse.of(
        subscriptions.changePreferences(
            token, request.tags(), request.paused(), request.frequency()),
        settings,
        site.zone());
  }

  /**
   * "Did not ask? Never mail me": the web client's page, and the one-click {@code List-Unsubscribe}
   * of the mail that asks to confirm, POST here.
   */
  @PostMapping("/never")
  Map<String, String> refuse(@RequestParam String token) {
    subscriptions.refuse(token);
    return Map.of("status", "REFUSED");
  }

  /** RFC 8058 one-click: mail clients POST here with a form body, without cookies. */
  @PostMapping("/unsubscribe")
  Map<String, String> unsubscribe(@RequestParam String token) {
    subscriptions.unsubscribe(token);
    return Map.of("status", "UNSUBSCRIBED");
  }
}
