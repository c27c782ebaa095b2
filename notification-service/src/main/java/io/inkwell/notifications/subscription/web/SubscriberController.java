package io.inkwell.notifications.subscription.web;

import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberDirectory;
import io.inkwell.notifications.subscription.SubscriberStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Admins' view of who subscribed (the only place addresses are shown). */
@RestController
class SubscriberController {

  private final SubscriberDirectory directory;

  SubscriberController(SubscriberDirectory directory) {
    this.directory = directory;
  }

  record SubscriberResponse(
      String id,
      String email,
      SubscriberStatus status,
      List<String> tags,
      boolean paused,
      Instant createdAt,
      Instant confirmedAt) {

    static SubscriberResponse of(Subscriber subscriber) {
      return new SubscriberResponse(
          subscriber.id(),
          subscriber.email(),
          subscriber.status(),
          subscriber.tags(),
          subscriber.paused(),
          subscriber.createdAt(),
          subscriber.confirmedAt());
    }
  }

  record SubscriberList(List<SubscriberResponse> items, String nextCursor) {}

  @GetMapping("/api/subscribers")
  SubscriberList list(
      @RequestParam(required = false) SubscriberStatus status,
      @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
      @RequestParam(required = false) @Size(max = 200) String cursor) {
    var page = directory.page(status, limit, cursor);
    return new SubscriberList(
        page.items().stream().map(SubscriberResponse::of).toList(), page.nextCursor());
  }
}
