package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.time.Instant;
import java.util.Locale;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The subscriber list, for admins. */
@Controller
class SubscribersAdmin implements StaffPage {

  private final AdminApi api;

  SubscribersAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/subscribers")
  String subscribers(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String cursor,
      Model model) {
    var answer = checked(api.subscribers(token(client), cursor));
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

  /** One line of the subscriber list. */
  record SubscriberRow(String email, String state, String tags, Instant since) {

    static SubscriberRow of(tools.jackson.databind.JsonNode subscriber) {
      var tags = subscriber.path("tags").valueStream().map(t -> t.asString()).toList();
      String state = subscriber.path("status").asString().toLowerCase(Locale.ROOT);
      return new SubscriberRow(
          subscriber.path("email").asString(),
          subscriber.path("paused").asBoolean() ? state + " (paused)" : state,
          tags.isEmpty() ? "every post" : String.join(", ", tags),
          AdminApi.instant(subscriber.path("createdAt").asString(null)));
    }
  }
}
