package io.inkwell.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One Inkwell service running as its own JVM from its executable jar, logging to a file. */
final class ServiceProcess implements AutoCloseable {

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

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private ServiceProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static ServiceProcess start(
      String name, Path jar, int port, Map<String, String> environment, Path logDirectory)
      throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " does not exist: build the services first (./mvnw -DskipTests package)");
    }
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
    return new ServiceProcess(name, port, builder.start(), log);
  }

  /** Waits until the service says it is ready (its readiness group includes its MongoDB). */
  void awaitReady(Duration timeout) throws IOException, InterruptedException {
    var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var probe =
        HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
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
      if (process.waitFor(250, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException(
            name + " stopped with exit code " + process.exitValue() + "; see " + log + " and .out");
      }
    }
    throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
  }

  String name() {
    return name;
  }

  String url() {
    return "http://localhost:" + port;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  /** Asks for a graceful shutdown, then insists. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
