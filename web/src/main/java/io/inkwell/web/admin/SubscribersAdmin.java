package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The subscriber list, for admins, with Ghost's "Export" (CSV) and erasing a subscriber who asks to
 * be forgotten.
 */
@Controller
class SubscribersAdmin implements StaffPage {

  /** Ghost's member filters: everyone, or one state. */
  private static final java.util.List<String> STATES =
      java.util.List.of("CONFIRMED", "PENDING", "UNSUBSCRIBED", "BOUNCING");

  private final AdminApi api;

  SubscribersAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/subscribers")
  String subscribers(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String cursor,
      Model model) {
    String state = status != null && STATES.contains(status) ? status : null;
    var answer = checked(api.subscribers(token(client), state, cursor));
    model.addAttribute("status", state);
    model.addAttribute(
        "subscribers",
        answer.ok()
            ? answer.body().path("items").valueStream().map(SubscriberRow::of).toList()
            : null);
    model.addAttribute(
        "nextCursor", answer.ok() ? answer.body().path("nextCursor").asString(null) : null);
    model.addAttribute("error", answer.ok() ? null : answer.problem());
    return "admin/subscribers";
  }

  /** The whole list as CSV, as the API gives it, to download. */
  @GetMapping("/admin/subscribers/export")
  ResponseEntity<byte[]> export(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client) {
    var export = api.exportSubscribers(token(client));
    if (export.status() == 401) {
      throw new SignInAgain();
    }
    if (export.status() != 200) {
      return ResponseEntity.status(export.status())
          .contentType(MediaType.TEXT_PLAIN)
          .body("The export failed; the API answered %d.".formatted(export.status()).getBytes());
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("subscribers-" + LocalDate.now() + ".csv")
                .build()
                .toString())
        .cacheControl(CacheControl.noStore())
        .body(export.body());
  }

  /** Asks first: erasing cannot be undone. */
  @GetMapping("/admin/subscribers/{id}/remove")
  String confirmRemove(
      @PathVariable String id, @RequestParam(defaultValue = "") String email, Model model) {
    model.addAttribute("id", id);
    model.addAttribute("email", email);
    return "admin/remove-subscriber";
  }

  @PostMapping("/admin/subscribers/{id}/remove")
  String remove(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String email,
      RedirectAttributes redirect) {
    var answer = checked(api.eraseSubscriber(token(client), id));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? (email.isBlank() ? "The subscriber" : email)
                + " is erased: no more mail, and the address is gone."
            : answer.problem());
    return "redirect:/admin/subscribers";
  }

  /** One line of the subscriber list. */
  record SubscriberRow(String id, String email, String state, String tags, Instant since) {

    static SubscriberRow of(tools.jackson.databind.JsonNode subscriber) {
      var tags = subscriber.path("tags").valueStream().map(t -> t.asString()).toList();
      String state = subscriber.path("status").asString().toLowerCase(Locale.ROOT);
      return new SubscriberRow(
          subscriber.path("id").asString(),
          subscriber.path("email").asString(),
          subscriber.path("paused").asBoolean() ? state + " (paused)" : state,
          tags.isEmpty() ? "every post" : String.join(", ", tags),
          AdminApi.instant(subscriber.path("createdAt").asString(null)));
    }
  }
}
