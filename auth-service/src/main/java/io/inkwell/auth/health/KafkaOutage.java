package io.inkwell.auth.health;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A failure that is Kafka not answering in time (the broker down, a network away, a partition
 * without its leader): events wait in their outboxes for a while, nothing is broken. The relay says
 * so in one line and tries again on its next run, rather than waiting out every other event too.
 */
public final class KafkaOutage {

  private KafkaOutage() {}

  /** Whether the failure is such an outage, or was caused by one and wraps it. */
  public static boolean causedBy(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException || cause instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }
}
