package io.inkwell.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SenderThreadTests {

  /**
   * A round that throws (MongoDB in an election, the network gone for a moment) is followed by the
   * next: a scheduled executor runs a task that threw never again, which would have stopped post
   * mails, digests or webhook calls until a restart.
   */
  @Test
  void aRoundThatFailsIsFollowedByTheNext() {
    var rounds = new AtomicInteger();
    var thread = new SenderThread("test-sender", Duration.ofMillis(10));

    thread.start(
        () -> {
          if (rounds.incrementAndGet() <= 2) {
            throw new IllegalStateException("the database is away");
          }
        });
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 4);
      assertThat(thread.running()).isTrue();
    } finally {
      thread.stop();
    }
    assertThat(thread.running()).isFalse();
  }
}
