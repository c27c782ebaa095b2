package io.inkwell.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.springframework.util.FileSystemUtils;

/**
 * A real KRaft broker on a fixed port and a log directory of its own, which a test can stop and
 * start again (the shared test broker of spring-kafka-test cannot be restarted on its port).
 */
public final class RestartableKafka {

  private final Path directory;
  private final int port = freePort();
  private final int controllerPort = freePort();
  private KafkaRaftServer server;

  public RestartableKafka(Path directory) {
    this.directory = directory;
  }

  /** A broker started in a temporary directory of its own, named after {@code name}. */
  public static RestartableKafka started(String name) {
    try {
      var kafka = new RestartableKafka(Files.createTempDirectory(name));
      kafka.start();
      return kafka;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Waits for the service's log, from this point of it on, to say that its outbox relay cannot
   * reach Kafka, and checks that it said so in lines, not with a stack trace for each event it
   * tried.
   */
  public static void assertRelaySaidItInLines(Supplier<String> log, int from) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(log.get().substring(from)).contains("Kafka cannot be reached"));
    assertThat(log.get().substring(from))
        .as("the relay's log while Kafka is away: a line each time, not a stack trace per event")
        .doesNotContain("Could not relay");
  }

  public String bootstrapServers() {
    return "localhost:" + port;
  }

  public void start() {
    try {
      String logDir = directory.toAbsolutePath().toString();
      if (!Files.exists(directory.resolve("meta.properties"))) {
        Files.createDirectories(directory);
        new Formatter()
            .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
            .setClusterId(Uuid.randomUuid().toString())
            .setNodeId(1)
            .setControllerListenerName("CONTROLLER")
            .setMetadataLogDirectory(logDir)
            .addDirectory(logDir)
            .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
            .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
            .run();
      }
      Map<String, Object> config = new HashMap<>();
      config.put("process.roles", "broker,controller");
      config.put("node.id", "1");
      config.put("controller.quorum.voters", "1@localhost:" + controllerPort);
      config.put("controller.listener.names", "CONTROLLER");
      config.put(
          "listeners",
          "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
      config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
      config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      config.put("inter.broker.listener.name", "PLAINTEXT");
      config.put("log.dirs", logDir);
      config.put("offsets.topic.replication.factor", "1");
      config.put("transaction.state.log.replication.factor", "1");
      config.put("transaction.state.log.min.isr", "1");
      config.put("share.coordinator.state.topic.replication.factor", "1");
      config.put("group.initial.rebalance.delay.ms", "0");
      server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
      server.startup();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("Kafka did not start", e);
    }
  }

  public void stop() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** Stops the broker for good and removes its log directory. */
  public void stopAndRemove() {
    stop();
    try {
      FileSystemUtils.deleteRecursively(directory);
    } catch (IOException leftBehind) {
      // a temporary directory: the system clears what could not be removed here
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
