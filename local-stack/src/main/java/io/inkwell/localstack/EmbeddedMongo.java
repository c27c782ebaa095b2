package io.inkwell.localstack;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * A MongoDB wire-protocol server (mongo-java-server) whose data lives in one H2 file, compacted at
 * each start.
 *
 * <p>The file's store writes its changes down after every {@value #WRITE_AFTER_KB} KB of them: with
 * H2's default (1 MB), a few dozen megabytes written in a row (an uploaded episode's chunks) piled
 * up in memory faster than they were written until the store ran out of heap and closed, taking the
 * database with it (measured: 50 MB of 1 MB documents in a 200 MB heap; with 256 KB, 300 MB of them
 * keep the heap where it was). Each command keeps the version of the store it reads ({@link
 * PinnedVersionH2Backend}).
 */
final class EmbeddedMongo implements AutoCloseable {

  static final int WRITE_AFTER_KB = 256;

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
    String file = directory.resolve(database + ".mv").toAbsolutePath().toString();
    if (Files.exists(Path.of(file))) {
      compact(file);
    }
    MVStore store =
        new MVStore.Builder().fileName(file).autoCommitBufferSize(WRITE_AFTER_KB).open();
    var server = new MongoServer(new PinnedVersionH2Backend(store));
    server.bind("localhost", port);
    return new EmbeddedMongo(server, port, database);
  }

  /**
   * The file rewritten with only what it holds now. The store appends every change and reuses the
   * space of what changed only later, so a burst of writes grows the file far beyond its data
   * (measured: a list of 20,000 subscribers imported made a file of 650 MB, 24 MB once compacted,
   * in 0.6 s): each start gives that space back. A compaction cut short (the machine went down) is
   * finished or undone first, as H2 does.
   */
  private static void compact(String file) {
    MVStoreTool.compactCleanUp(file);
    MVStoreTool.compact(file, false);
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

  @Override
  public String toString() {
    return "MongoDB " + database + " on port " + port;
  }
}
