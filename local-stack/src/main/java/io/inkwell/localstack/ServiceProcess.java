package io.inkwell.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Inkwell service running as its own JVM from its executable jar, logging to a file. */
final class ServiceProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceProcess.class);

  /** Small heaps and a quick JIT: a laptop runs five JVMs at once, and startup time matters. */
  private static final List<String> JVM_OPTIONS =
      List.of(
          "-Xms64m",
          "-Xmx192m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=64m",
          "-Dfile.encoding=UTF-8");

  /** A service that ran this long before it stopped is started again at once. */
  private static final Duration STEADY = Duration.ofMinutes(1);

  /** Seconds between restarts of a service that keeps stopping soon after it started. */
  private static final long LONGEST_PAUSE = 30;

  private static final ScheduledExecutorService RESTARTS =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "service-restarts");
            thread.setDaemon(true);
            return thread;
          });

  private final String name;
  private final int port;
  private final int managementPort;
  private final ProcessBuilder builder;
  private final Path log;
  private Process process;
  private Instant startedAt;
  private int restartsInARow;
  private boolean closed;

  private ServiceProcess(
      String name, int port, int managementPort, ProcessBuilder builder, Path log) {
    this.name = name;
    this.port = port;
    this.managementPort = managementPort;
    this.builder = builder;
    this.log = log;
  }

  /**
   * Starts the service from a copy of {@code jar} in {@code runDirectory}: a build that rewrites
   * the jar in {@code target/} while the stack runs (a test run, say) would otherwise pull the
   * classes from under the running JVM, which then fails on every class it has not loaded yet. The
   * next start of the stack runs the new build. Its actuator answers on {@code managementPort} (the
   * service's own port unless the environment moves it there: {@code MANAGEMENT_SERVER_PORT}).
   */
  static ServiceProcess start(
      String name,
      Path jar,
      int port,
      int managementPort,
      Map<String, String> environment,
      Path logDirectory,
      Path runDirectory)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " does not exist: build the services first (./mvnw -DskipTests package)");
    }
    Files.createDirectories(runDirectory);
    jar = Files.copy(jar, runDirectory.resolve(name + ".jar"), StandardCopyOption.REPLACE_EXISTING);
    Files.createDirectories(logDirectory);
    // The service writes its log file itself (so Spring Boot Admin can show it); what it prints
    // before logging starts goes to <name>.out.
    Path log = logDirectory.resolve(name + ".log");
    Path out = logDirectory.resolve(name + ".out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.to(out.toFile()));
    builder.environment().put("LOGGING_FILE_NAME", log.toAbsolutePath().toString());
    builder.environment().putAll(environment);
    builder.environment().put("SERVER_PORT", String.valueOf(port));
    var service = new ServiceProcess(name, port, managementPort, builder, log);
    service.launch();
    // what a restart prints is added to the first start's
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    return service;
  }

  private synchronized void launch() throws IOException {
    process = builder.start();
    startedAt = Instant.now();
    Process launched = process;
    launched.onExit().thenRun(() -> exited(launched));
  }

  /**
   * A service that stops on its own (a crash, an out-of-memory kill) is started again, as
   * docker-compose's {@code restart: unless-stopped} does: at once after a steady run, else after a
   * pause that doubles up to half a minute. One that was closed stays stopped.
   */
  private synchronized void exited(Process which) {
    if (closed || which != process) {
      return;
    }
    boolean steady = Duration.between(startedAt, Instant.now()).compareTo(STEADY) >= 0;
    restartsInARow = steady ? 0 : restartsInARow + 1;
    Duration pause =
        restartsInARow == 0
            ? Duration.ZERO
            : Duration.ofSeconds(Math.min(1L << Math.min(restartsInARow - 1, 5), LONGEST_PAUSE));
    LOG.warn(
        "{} stopped with exit code {}; starting it again in {} s (see {})",
        name,
        which.exitValue(),
        pause.toSeconds(),
        log);
    RESTARTS.schedule(this::restart, pause.toMillis(), TimeUnit.MILLISECONDS);
  }

  private synchronized void restart() {
    if (closed) {
      return;
    }
    try {
      launch();
    } catch (IOException e) {
      LOG.error("{} could not be started again", name, e);
    }
  }

  /** Waits until the service says it is ready (its readiness group includes its MongoDB). */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var probe =
        HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep waiting
      }
      // Waiting on the process doubles as the pause between probes and notices a crash at once.
      Process current = current();
      if (current.waitFor(250, TimeUnit.MILLISECONDS) && current == current()) {
        throw new IllegalStateException(
            name + " stopped with exit code " + current.exitValue() + "; see " + log + " and .out");
      }
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Where its actuator answers (health, metrics), on this machine. */
  String managementUrl() {
    return "http://localhost:" + managementPort;
  }

  Path log() {
    return log;
  }

  long pid() {
    return current().pid();
  }

  private synchronized Process current() {
    return process;
  }

  /**
   * Asks for a graceful shutdown without waiting for it, so that several services shut down at
   * once; from now on, a service that stops stays stopped.
   */
  synchronized void stop() {
    closed = true;
    process.destroy();
  }

  /** Asks for a graceful shutdown, waits for it, then insists. */
  @Override
  public void close() throws InterruptedException {
    Process stopping;
    synchronized (this) {
      stop();
      stopping = process;
    }
    if (!stopping.waitFor(20, TimeUnit.SECONDS)) {
      stopping.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
