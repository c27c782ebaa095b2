package io.inkwell.localstack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker and controller in one process, in KRaft mode, with its log on disk. The log
 * directory is formatted once (what {@code kafka-storage format} does); later starts reuse it.
 */
final class EmbeddedKafka implements AutoCloseable {

  private static final int NODE_ID = 1;
  private static final String CONTROLLER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafka(KafkaRaftServer server, int port) {
    this.server = server;
    this.port = port;
  }

  static EmbeddedKafka start(Path directory, int port, int controllerPort) throws Exception {
    Files.createDirectories(directory);
    String logDir = directory.toAbsolutePath().toString();
    if (!Files.exists(directory.resolve("meta.properties"))) {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setControllerListenerName(CONTROLLER)
          .setMetadataLogDirectory(logDir)
          .addDirectory(logDir)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .run();
    }
    Map<String, Object> config = new HashMap<>();
    config.put("process.roles", "broker,controller");
    config.put("node.id", String.valueOf(NODE_ID));
    config.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    config.put("controller.listener.names", CONTROLLER);
    config.put(
        "listeners",
        "PLAINTEXT://localhost:" + port + "," + CONTROLLER + "://localhost:" + controllerPort);
    config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
    config.put(
        "listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER + ":PLAINTEXT");
    config.put("inter.broker.listener.name", "PLAINTEXT");
    config.put("log.dirs", logDir);
    config.put("num.partitions", "3");
    config.put("offsets.topic.replication.factor", "1");
    config.put("offsets.topic.num.partitions", "3");
    config.put("transaction.state.log.replication.factor", "1");
    config.put("transaction.state.log.min.isr", "1");
    config.put("share.coordinator.state.topic.replication.factor", "1");
    config.put("share.coordinator.state.topic.min.isr", "1");
    config.put("group.initial.rebalance.delay.ms", "0");
    // where each service has read to is kept however long the stack stays stopped: with Kafka's
    // 7 days, a blog started again after two weeks off had its services read every event still
    // on the topics again from the start
    config.put("offsets.retention.minutes", String.valueOf(Duration.ofDays(3650).toMinutes()));
    config.put("auto.create.topics.enable", "true");
    var server = new KafkaRaftServer(new KafkaConfig(config, false), Time.SYSTEM);
    server.startup();
    return new EmbeddedKafka(server, port);
  }

  String bootstrapServers() {
    return "localhost:" + port;
  }

  @Override
  public void close() throws IOException {
    server.shutdown();
    server.awaitShutdown();
  }
}
