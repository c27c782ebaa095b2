package io.inkwell.testsupport;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * The platform's rate limits count in fixed windows (the hour, the UTC day) that start afresh when
 * they end. A test that fills one first waits, when it must, until the window has time enough left,
 * so that its burst never straddles two windows (and finds the limit gone at the hour).
 */
public final class RateWindows {

  private RateWindows() {}

  /** Returns once the current window of this length has at least {@code needed} left. */
  public static void roomLeftIn(Duration window, Duration needed) {
    await()
        .atMost(needed.plusSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> left(window).compareTo(needed) >= 0);
  }

  private static Duration left(Duration window) {
    long length = window.toMillis();
    return Duration.ofMillis(length - System.currentTimeMillis() % length);
  }
}
