package io.inkwell.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** One in-process MongoDB wire-protocol server for every test of the module, on a free port. */
public final class TestMongo {

  private static final MongoServer SERVER = start();

  private TestMongo() {}

  public static String uri(String database) {
    return SERVER.getConnectionString() + "/" + database;
  }

  private static MongoServer start() {
    var server = new MongoServer(new MemoryBackend());
    server.bind("localhost", 0);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    return server;
  }
}
