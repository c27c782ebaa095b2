package io.inkwell.notifications.notice.web;

import io.inkwell.notifications.notice.ReplyStops;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stop link of reply mails: RFC 8058 one-click (a form POST without cookies, from the mail
 * client) and the web client's page both POST here. A forged or expired token is a 400 problem.
 */
@RestController
class ReplyStopController {

  private final ReplyStops stops;

  ReplyStopController(ReplyStops stops) {
    this.stops = stops;
  }

  @PostMapping("/api/subscriptions/replies/stop")
  Map<String, String> stop(@RequestParam String token) {
    stops.stop(token);
    return Map.of("status", "STOPPED");
  }
}
