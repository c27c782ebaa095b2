package io.inkwell.notifications.delivery.web;

import io.inkwell.notifications.delivery.DeliveryReport;
import io.inkwell.notifications.delivery.DeliveryReport.Summary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeliveryController {

  private final DeliveryReport report;

  DeliveryController(DeliveryReport report) {
    this.report = report;
  }

  /** How far a post's email has gone out. */
  @GetMapping("/api/posts/{postId}/deliveries")
  Summary deliveries(@PathVariable String postId) {
    return report.of(postId);
  }
}
