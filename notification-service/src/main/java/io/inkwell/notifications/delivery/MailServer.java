package io.inkwell.notifications.delivery;

import io.github.bucket4j.Bucket;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.SmtpFailures;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The mail server, as post mails and digests share it on this instance.
 *
 * <p>One {@code send-rate} budget for both, so that the digest hour and a publish at the same
 * moment do not send twice as fast as configured.
 *
 * <p>Its outages. A mail the server refuses uses up one of the mail's attempts, but a server that
 * cannot be reached ({@link SmtpFailures#isServerUnavailable}) is waited for, however long it is
 * gone: its mails go back to wait, their attempts untouched, for a pause that doubles from a second
 * to {@code longest-outage-pause} (a minute), and the first mail it takes again ends the outage.
 * Otherwise an outage longer than one mail's retries would fail every mail of the posts published
 * meanwhile. Operators see it as {@code inkwell.deliveries.overdue} growing.
 */
@Component
class MailServer {

  private static final Logger log = LoggerFactory.getLogger(MailServer.class);
  private final Duration longestPause;
  private final Bucket rate;
  private final AtomicInteger unreachableInARow = new AtomicInteger();

  MailServer(NotificationSettings settings) {
    this.longestPause = settings.longestOutagePause();
    this.rate =
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
    rate.asBlocking().consume(messages);
  }

  /**
   * A batch found the server unreachable.
   *
   * @return how long its mails wait before they are tried again
   */
  Duration unreachable(Exception failure) {
    int inARow = unreachableInARow.incrementAndGet();
    if (inARow == 1) {
      log.warn("The mail server cannot be reached; mails wait for it: {}", failure.getMessage());
    }
    Duration pause = Duration.ofSeconds(1L << Math.min(inARow - 1, 6));
    return pause.compareTo(longestPause) > 0 ? longestPause : pause;
  }

  /** The server took a mail. */
  void reachable() {
    if (unreachableInARow.getAndSet(0) > 0) {
      log.info("The mail server answers again");
    }
  }
}
