package io.inkwell.notifications;

import io.inkwell.notifications.health.DatabaseOutage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sender's thread of its own, which no shutdown interrupts: it runs the sender's round at a fixed
 * delay; a stop lets the round in flight finish and record what it sent (for up to a minute) before
 * the database connection closes, so a graceful stop leaves nothing half-done. The round asks
 * {@link #running()} before it claims more. A round that fails (the database away for a moment) is
 * followed by the next one, as if it had found nothing.
 */
public final class SenderThread {

  private static final Logger log = LoggerFactory.getLogger(SenderThread.class);

  private final String name;
  private final Duration interval;
  private volatile boolean running;
  private ScheduledExecutorService executor;

  public SenderThread(String name, Duration interval) {
    this.name = name;
    this.interval = interval;
  }

  public void start(Runnable round) {
    running = true;
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, name));
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(
        () -> {
          try {
            round.run();
          } catch (RuntimeException e) {
            // the database or the network for a moment: a round that throws would otherwise be the
            // last one the executor runs, and nothing would be sent until a restart
            if (DatabaseOutage.causedBy(e)) {
              log.warn(
                  "A {} round cannot reach the database; the next one tries again: {}",
                  name,
                  e.getMessage());
            } else {
              log.error("A {} round failed; the next one tries again", name, e);
            }
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  public void stop() {
    running = false;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
        log.warn("The {} round in flight did not finish in time; its claims will run out", name);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public boolean running() {
    return running;
  }
}
