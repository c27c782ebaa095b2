package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.Binary;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local stack's databases take what the blog writes in a row, an episode's chunks included, in
 * a heap as small as the local stack's: with H2's own settings, 50 MB of 1 MB documents ran the
 * store out of a 200 MB heap, and it closed for good.
 */
class EmbeddedMongoTests {

  private static final int MEGABYTES = 200;

  @Test
  void twoHundredMegabytesWrittenInARowStayReadableInASmallHeap(@TempDir Path data)
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var process =
        new ProcessBuilder(
                java,
                "-Xmx160m",
                "-cp",
                System.getProperty("java.class.path"),
                WriteInARow.class.getName(),
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("out.txt").toFile())
            .start();

    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("it finished").isTrue();
    String out = Files.readString(data.resolve("out.txt"));
    assertThat(process.exitValue()).as(out).isZero();
    assertThat(out).contains(MEGABYTES + " documents of 1 MB read back whole");
    assertThat(new File(data.toFile(), "posts.mv").length()).isGreaterThan(MEGABYTES * 1_000_000L);
  }

  /**
   * A subscriber list imported in batches grows the store's file far beyond what it holds (every
   * change is appended): the next start gives the space back, and every document is still there.
   */
  @Test
  void theNextStartGivesBackTheSpaceABurstOfWritesTookAndKeepsEveryDocument(@TempDir Path data)
      throws Exception {
    int port;
    try (var free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    try (var mongo = EmbeddedMongo.start(data, "notifications", port);
        var client = MongoClients.create(mongo.uri())) {
      var subscribers = client.getDatabase("notifications").getCollection("subscribers");
      subscribers.createIndex(
          new Document("email", 1), new com.mongodb.client.model.IndexOptions().unique(true));
      for (int batch = 0; batch < 3; batch++) {
        var rows = new java.util.ArrayList<Document>();
        for (int i = 0; i < 1_000; i++) {
          rows.add(
              new Document("_id", java.util.UUID.randomUUID().toString())
                  .append("email", "reader-" + batch + "-" + i + "@example.org")
                  .append("status", "CONFIRMED"));
        }
        subscribers.insertMany(rows);
      }
    }
    long grown = Files.size(data.resolve("notifications.mv"));

    try (var mongo = EmbeddedMongo.start(data, "notifications", port);
        var client = MongoClients.create(mongo.uri())) {
      var subscribers = client.getDatabase("notifications").getCollection("subscribers");
      assertThat(subscribers.countDocuments()).isEqualTo(3_000);
      assertThat(subscribers.find(new Document("email", "reader-2-999@example.org")).first())
          .isNotNull();
    }
    long compacted = Files.size(data.resolve("notifications.mv"));

    assertThat(compacted).as("of " + grown + " bytes").isLessThan(grown / 4);
  }

  /**
   * A query reads a large collection while another is written as fast as the store takes it: H2
   * moved the pages the query was walking and dropped their chunk under it ("Chunk 380 not found",
   * a few scans in every dozen). This store drops a chunk as soon as no version in use needs it,
   * not 45 s after it was written, so what took a slow query on a loaded stack shows within
   * seconds.
   */
  @Test
  void aLongQueryReadsEveryDocumentWhileAnotherCollectionIsWritten(@TempDir Path data)
      throws Exception {
    MVStore store =
        new MVStore.Builder()
            .fileName(data.resolve("notifications.mv").toString())
            .autoCommitBufferSize(EmbeddedMongo.WRITE_AFTER_KB)
            .open();
    store.setRetentionTime(0);
    var server = new MongoServer(new PinnedVersionH2Backend(store));
    var address = server.bind();
    try (var client = MongoClients.create("mongodb://localhost:" + address.getPort())) {
      var database = client.getDatabase("notifications");
      var subscribers = database.getCollection("subscribers");
      var deliveries = database.getCollection("deliveries");
      String padding = "x".repeat(400);
      for (int batch = 0; batch < 300; batch++) {
        var rows = new ArrayList<Document>();
        for (int i = 0; i < 100; i++) {
          rows.add(new Document("_id", batch * 100 + i).append("padding", padding));
        }
        subscribers.insertMany(rows);
        deliveries.insertMany(rows);
      }

      var done = new AtomicBoolean();
      var writes = new AtomicInteger();
      Thread fanOut =
          new Thread(
              () -> {
                var random = new Random(1);
                while (!done.get()) {
                  deliveries.updateOne(
                      Filters.eq("_id", random.nextInt(30_000)),
                      Updates.set("padding", padding + random.nextInt()));
                  writes.incrementAndGet();
                }
              });
      fanOut.start();
      var counts = new ArrayList<Long>();
      try {
        // a dozen scans at least, and as many more as it takes to see a thousand writes among them
        await()
            .atMost(Duration.ofMinutes(2))
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(1))
            .until(
                () -> {
                  counts.add(subscribers.countDocuments(Filters.eq("padding", padding)));
                  return counts.size() >= 12 && writes.get() > 1_000;
                });
      } finally {
        done.set(true);
        fanOut.join();
        server.shutdown();
      }

      assertThat(writes.get()).as("deliveries written meanwhile").isGreaterThan(1_000);
      assertThat(counts).hasSizeGreaterThanOrEqualTo(12).containsOnly(30_000L);
    }
  }

  /** Writes the megabytes through the wire protocol, then reads each back. */
  static final class WriteInARow {

    public static void main(String[] args) throws Exception {
      int port;
      try (var free = new java.net.ServerSocket(0)) {
        port = free.getLocalPort();
      }
      try (var mongo = EmbeddedMongo.start(Path.of(args[0]), "posts", port);
          var client = MongoClients.create(mongo.uri())) {
        var chunks = client.getDatabase("posts").getCollection("file-chunks");
        byte[] data = new byte[1 << 20];
        new Random(1).nextBytes(data);
        for (int n = 0; n < MEGABYTES; n++) {
          chunks.insertOne(new Document("_id", "f:" + n).append("data", new Binary(data)));
        }
        int whole = 0;
        for (int n = 0; n < MEGABYTES; n++) {
          Document chunk = chunks.find(new Document("_id", "f:" + n)).first();
          whole += java.util.Arrays.equals(chunk.get("data", Binary.class).getData(), data) ? 1 : 0;
        }
        System.out.println(whole + " documents of 1 MB read back whole");
      }
      System.exit(0);
    }
  }
}
