package io.inkwell.notifications.delivery;

import io.github.bucket4j.Bucket;
import io.inkwell.notifications.NotificationSettings;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The instance's {@code send-rate}, one budget for post mails and digests together, so that the
 * digest hour and a publish at the same moment do not send twice as fast as configured.
 */
@Component
class SendRate {

  private final Bucket bucket;

  SendRate(NotificationSettings settings) {
    this.bucket =
        Bucket.builder()
            .addLimit(
                limit ->
                    limit
                        .capacity(settings.sendRate())
                        .refillGreedy(settings.sendRate(), Duration.ofSeconds(1)))
            .build();
  }

  /** Waits until {@code messages} more may go out. */
  void waitFor(int messages) throws InterruptedException {
    bucket.asBlocking().consume(messages);
  }
}
