package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What someone who starts the stack twice, or stops it while it starts, finds: a clear word before
 * anything starts, and no service left running behind a stopped launcher.
 */
class StartAndStopTests {

  @Test
  void aPortInUseIsNamedBeforeAnythingStarts(@TempDir Path home) throws Exception {
    builtIn(home);
    Path data = home.resolve(".inkwell");
    StackPorts ports = StackPorts.free();

    try (var taken = new ServerSocket(ports.gateway())) {
      assertThatThrownBy(() -> LocalStack.start(new LocalStack.Settings(home, data, ports, true)))
          .isInstanceOf(AlreadyRunning.class)
          .hasMessageContaining("port " + ports.gateway() + " (gateway) is in use")
          .hasMessageContaining("Is Inkwell running already");
    }
    assertThat(data).doesNotExist();
  }

  @Test
  void servicesLeftRunningByAKilledLauncherAreStoppedBeforeTheStackStarts(@TempDir Path home)
      throws Exception {
    Path data = home.resolve(".inkwell");
    StackPorts ports = StackPorts.free();
    Process left = LeftService.start(ports.gateway(), data);
    try {
      await().atMost(Duration.ofMinutes(1)).until(() -> !ports.inUse().isEmpty());

      AlreadyRunning.check(ports, data);

      assertThat(left.isAlive()).as("its launcher, with Kafka and MongoDB, is gone").isFalse();
      assertThat(ports.inUse()).as("the new stack's ports are free").isEmpty();
    } finally {
      left.destroyForcibly();
    }
  }

  @Test
  void servicesOfALauncherStillRunningAreNamedWithTheirPidsAndLeftAlone(@TempDir Path home)
      throws Exception {
    builtIn(home);
    Path data = home.resolve(".inkwell");
    StackPorts ports = StackPorts.free();
    // as the launcher starts them: from the data folder's copy of the jar
    Process left =
        new ProcessBuilder(
                "bash",
                "-c",
                "sleep 120; exit",
                data.resolve("run").resolve("gateway.jar").toString())
            .start();
    // the running launcher's own Kafka
    try (var kafka = new ServerSocket(ports.kafka());
        var taken = new ServerSocket(ports.gateway());
        var alsoTaken = new ServerSocket(ports.postService())) {
      assertThatThrownBy(() -> LocalStack.start(new LocalStack.Settings(home, data, ports, true)))
          .isInstanceOf(AlreadyRunning.class)
          .hasMessageContaining(
              "ports %d (gateway), %d (post-service), %d (Kafka) are in use"
                  .formatted(ports.gateway(), ports.postService(), ports.kafka()))
          .hasMessageContaining("stop them with: kill " + left.pid());
      assertThat(left.isAlive()).isTrue();
    } finally {
      left.destroyForcibly();
    }
  }

  @ParameterizedTest(name = "stopped {0}")
  @ValueSource(strings = {"at once", "as its first service starts"})
  void stoppingTheStackWhileItStartsLeavesNothingRunning(String when, @TempDir Path data)
      throws Exception {
    Path home = Path.of("..").toAbsolutePath().normalize();
    StackPorts ports = StackPorts.free();
    var stack = new LocalStack(new LocalStack.Settings(home, data, ports, true));
    CompletableFuture<Void> starting =
        CompletableFuture.runAsync(
            () -> {
              try {
                stack.startAll();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });

    if (!when.equals("at once")) {
      await()
          .atMost(Duration.ofMinutes(2))
          .until(() -> !AlreadyRunning.servicesOf(data).isEmpty() || starting.isDone());
      assertThat(starting).isNotDone();
    }
    stack.close(); // as Ctrl-C's shutdown hook does

    assertThatThrownBy(() -> starting.get(2, TimeUnit.MINUTES))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .as("said as a stop, not as a failure")
        .hasCauseInstanceOf(LocalStack.StoppedWhileStarting.class);
    await()
        .atMost(Duration.ofMinutes(1))
        .untilAsserted(() -> assertThat(AlreadyRunning.servicesOf(data)).isEmpty());
    assertThat(ports.inUse()).isEmpty();
  }

  /**
   * A part that hangs as it stops (a MongoDB wire server whose classes went with a rebuild of the
   * stack's jar) is left after a while: Ctrl-C still ends the stack, and the other parts stop.
   */
  @Test
  void aPartThatHangsAsItStopsIsLeftAndTheRestStopAllTheSame() {
    var never = new CountDownLatch(1);
    AutoCloseable hanging =
        () -> {
          never.await();
        };
    var stopped = new AtomicBoolean();
    AutoCloseable failing =
        () -> {
          throw new NoClassDefFoundError("io/netty/util/concurrent/DefaultPromise$1");
        };

    assertTimeoutPreemptively(
        Duration.ofMinutes(1),
        () ->
            LocalStack.closeWithin(
                List.of(hanging, failing, () -> stopped.set(true)), Duration.ofSeconds(2)));
    await().atMost(Duration.ofMinutes(1)).untilTrue(stopped);
  }

  /** Stand-ins for the services' jars, enough for the stack to look no further. */
  private static void builtIn(Path home) throws Exception {
    for (String service : LocalStack.SERVICES) {
      Path target = Files.createDirectories(home.resolve(service).resolve("target"));
      Files.createFile(target.resolve(service + ".jar"));
    }
  }
}
