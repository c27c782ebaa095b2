package io.inkwell.notifications;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The numbers operators watch: subscriptions, mails, and how fast a post reaches inboxes. */
@Component
public class NotificationMetrics {

  private final MeterRegistry registry;
  private final Timer publishToInbox;
  private final Timer fanOut;

  NotificationMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.publishToInbox =
        Timer.builder("inkwell.publish.to.inbox")
            .description("From PostPublished.occurredAt to the SMTP server accepting the mail")
            .publishPercentileHistogram()
            .serviceLevelObjectives(
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(300))
            .minimumExpectedValue(Duration.ofMillis(100))
            .maximumExpectedValue(Duration.ofHours(1))
            .register(registry);
    this.fanOut =
        Timer.builder("inkwell.fanout.duration")
            .description("Recording the deliveries of one published post")
            .register(registry);
    // Registered up front, so that dashboards and alerts see zeros rather than no data.
    for (String kind :
        new String[] {
          "post",
          "digest",
          "confirmation",
          "welcome",
          "comment",
          "review",
          "invitation",
          "password-reset",
          "security-notice",
          "import",
          "test"
        }) {
      registry.counter("inkwell.emails.sent", "kind", kind);
      registry.counter("inkwell.emails.failed", "kind", kind);
      registry.counter("inkwell.emails.retried", "kind", kind);
    }
    for (String change :
        new String[] {"subscribed", "confirmed", "unsubscribed", "refused", "bounced", "erased"}) {
      registry.counter("inkwell.subscriptions", "change", change);
    }
  }

  /**
   * {@code subscribed}, {@code confirmed}, {@code unsubscribed}, {@code refused} (they never asked,
   * said the one whose address it is), {@code bounced} or {@code erased} (an admin forgot them on
   * request).
   */
  public void subscription(String change) {
    registry.counter("inkwell.subscriptions", "change", change).increment();
  }

  /**
   * A mail the SMTP server accepted; {@code kind} is {@code post}, {@code digest}, {@code
   * confirmation}, {@code welcome}, {@code comment}, {@code review}, {@code invitation}, {@code
   * password-reset}, {@code security-notice} (a change to how a staff account is signed in to) or
   * {@code test} (a post's mail a staff member sent themself).
   */
  public void sent(String kind) {
    registry.counter("inkwell.emails.sent", "kind", kind).increment();
  }

  public void failed(String kind) {
    registry.counter("inkwell.emails.failed", "kind", kind).increment();
  }

  public void retried(String kind) {
    registry.counter("inkwell.emails.retried", "kind", kind).increment();
  }

  public void publishToInbox(Duration latency) {
    publishToInbox.record(latency.isNegative() ? Duration.ZERO : latency);
  }

  public void fanOut(Duration took) {
    fanOut.record(took);
  }
}
