package io.inkwell.posts.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Large pictures sent at once never hold more bytes in memory than the service allows. */
class PictureMemoryTests {

  private static PictureMemory memory(String room, Duration wait) {
    return new PictureMemory(
        new ImageSettings(
            50_000_000,
            List.of(600),
            "100vw",
            Duration.ofSeconds(1),
            DataSize.parse(room),
            wait,
            DataSize.ofMegabytes(5)));
  }

  @Test
  void aSecondLargePictureWaitsUntilTheFirstIsSent() throws Exception {
    var memory = memory("8MB", Duration.ofSeconds(30));
    var firstSending = new CountDownLatch(1);
    var firstMaySend = new CountDownLatch(1);
    var secondSent = new AtomicBoolean();

    var first =
        CompletableFuture.runAsync(
            () ->
                send(
                    memory,
                    5_000_000,
                    () -> {
                      firstSending.countDown();
                      awaitLatch(firstMaySend);
                    }));
    assertThat(firstSending.await(10, TimeUnit.SECONDS)).isTrue();
    var second =
        CompletableFuture.runAsync(() -> send(memory, 5_000_000, () -> secondSent.set(true)));
    // no room for two 5 MB pictures in 8 MB: the second waits as long as the first is sent
    await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilFalse(secondSent);

    firstMaySend.countDown();
    first.get(10, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(10)).untilTrue(secondSent);
    second.get(10, TimeUnit.SECONDS);
  }

  @Test
  void aPictureThatFindsNoRoomInTimeIsA503AndTakesNoneAway() throws Exception {
    var memory = memory("4MB", Duration.ofMillis(200));
    var holding = new CountDownLatch(1);
    var release = new CountDownLatch(1);
    var first =
        CompletableFuture.runAsync(
            () ->
                send(
                    memory,
                    3_000_000,
                    () -> {
                      holding.countDown();
                      awaitLatch(release);
                    }));
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> memory.withRoomFor(3_000_000, () -> {}))
        .isInstanceOfSatisfying(
            ImageProblem.class,
            busy -> {
              assertThat(busy.kind()).isEqualTo(ImageProblem.Kind.BUSY);
              assertThat(busy.retryAfter()).isPositive();
            });

    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    var sent = new AtomicBoolean();
    memory.withRoomFor(3_000_000, () -> sent.set(true));
    assertThat(sent).as("the refused request gave back nothing it did not take").isTrue();
  }

  @Test
  void aPictureLargerThanAllTheRoomIsStillSentAlone() throws Exception {
    var memory = memory("1MB", Duration.ofSeconds(1));
    var sent = new AtomicBoolean();
    memory.withRoomFor(5_000_000, () -> sent.set(true));
    assertThat(sent).isTrue();
  }

  private static void send(PictureMemory memory, long bytes, Runnable sending) {
    try {
      memory.withRoomFor(bytes, sending::run);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void awaitLatch(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
