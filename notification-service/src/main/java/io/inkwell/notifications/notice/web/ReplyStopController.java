package io.inkwell.notifications.notice.web;

import io.inkwell.notifications.notice.CommentFollowers;
import io.inkwell.notifications.notice.ReplyStops;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links of comment mails. The stop link: RFC 8058 one-click (a form POST without cookies, from
 * the mail client) and the web client's page both POST here. The confirmation of mails about a
 * post's comments, from the web client's page: {@code FOLLOWING} (every comment) or {@code REPLIES}
 * (replies to the reader's comments). A forged or expired token is a 400 problem.
 */
@RestController
class ReplyStopController {

  private final ReplyStops stops;
  private final CommentFollowers followers;

  ReplyStopController(ReplyStops stops, CommentFollowers followers) {
    this.stops = stops;
    this.followers = followers;
  }

  @PostMapping("/api/subscriptions/replies/stop")
  Map<String, String> stop(@RequestParam String token) {
    stops.stop(token);
    return Map.of("status", "STOPPED");
  }

  @PostMapping("/api/subscriptions/comments/confirm")
  Map<String, String> confirmCommentMails(@RequestParam String token) {
    return Map.of("status", followers.confirm(token) ? "FOLLOWING" : "REPLIES");
  }
}
