package io.inkwell.localstack;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A MongoDB wire-protocol server (mongo-java-server) whose data lives in one H2 file. */
final class EmbeddedMongo implements AutoCloseable {

  private final MongoServer server;
  private final int port;
  private final String database;

  private EmbeddedMongo(MongoServer server, int port, String database) {
    this.server = server;
    this.port = port;
    this.database = database;
  }

  static EmbeddedMongo start(Path directory, String database, int port) throws IOException {
    Files.createDirectories(directory);
    var server =
        new MongoServer(
            new H2Backend(directory.resolve(database + ".mv").toAbsolutePath().toString()));
    server.bind("localhost", port);
    return new EmbeddedMongo(server, port, database);
  }

  String uri() {
    return uri(database);
  }

  /** Another database on the same server. */
  String uri(String otherDatabase) {
    return "mongodb://localhost:" + port + "/" + otherDatabase;
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
