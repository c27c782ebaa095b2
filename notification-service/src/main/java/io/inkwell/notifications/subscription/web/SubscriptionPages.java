package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.subscription.InvalidToken;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages the links in mails open. A GET only shows a button; the button POSTs. Link scanners
 * that follow every link in a mail therefore confirm and unsubscribe nothing.
 */
@RestController
@RequestMapping(path = "/api/subscriptions", produces = MediaType.TEXT_HTML_VALUE)
class SubscriptionPages {

  private final SubscriptionManagement subscriptions;

  SubscriptionPages(SubscriptionManagement subscriptions) {
    this.subscriptions = subscriptions;
  }

  @GetMapping("/confirm")
  String confirmPage(@RequestParam String token) {
    return page(
        "Confirm your subscription",
        "<form method=\"post\" action=\"/api/subscriptions/confirm\">"
            + "<input type=\"hidden\" name=\"token\" value=\""
            + HtmlUtils.htmlEscape(token)
            + "\"><button type=\"submit\">Confirm my subscription</button></form>");
  }

  @PostMapping(path = "/confirm", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> confirm(@RequestParam String token) {
    try {
      subscriptions.confirm(token);
      return ResponseEntity.ok(page("Subscribed", "<p>Thank you! New posts will reach you.</p>"));
    } catch (InvalidToken e) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST)
          .body(page("Link expired", "<p>" + HtmlUtils.htmlEscape(e.getMessage()) + "</p>"));
    }
  }

  @GetMapping("/unsubscribe")
  String unsubscribePage(@RequestParam String token) {
    return page(
        "Unsubscribe",
        "<form method=\"post\" action=\"/api/subscriptions/unsubscribe?token="
            + HtmlUtils.htmlEscape(token)
            + "\"><button type=\"submit\">Stop sending me posts</button></form>");
  }

  @PostMapping("/unsubscribe")
  ResponseEntity<String> unsubscribe(@RequestParam String token) {
    try {
      subscriptions.unsubscribe(token);
      return ResponseEntity.ok(page("Unsubscribed", "<p>You will get no more mail from us.</p>"));
    } catch (InvalidToken e) {
      return ResponseEntity.status(HttpStatus.BAD_REQUEST)
          .body(page("Link invalid", "<p>" + HtmlUtils.htmlEscape(e.getMessage()) + "</p>"));
    }
  }

  private static String page(String title, String body) {
    return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex"><title>%s</title></head>
        <body><main><h1>%s</h1>%s</main></body></html>
        """
        .formatted(title, title, body);
  }
}
