package io.inkwell.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * A MongoDB wire server of one test class's own, which the test stops while the service runs: a
 * database outage. Its address has the driver look for a stopped server twice a second rather than
 * every 10 s, so the service notices soon.
 */
public final class StoppableMongo {

  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final String uri;

  public StoppableMongo(String database) {
    uri = server.bindAndGetConnectionString() + "/" + database + "?heartbeatFrequencyMS=500";
  }

  public String uri() {
    return uri;
  }

  public void stop() {
    server.shutdownNow();
  }

  /** The service's line of its metrics that says whether it reaches its database. */
  public static String reachability(String baseUrl) {
    return new ApiClient(baseUrl)
        .get("/actuator/prometheus")
        .raw()
        .body()
        .lines()
        .filter(line -> line.startsWith("inkwell_database_reachable"))
        .findFirst()
        .orElse("none");
  }

  /**
   * Waits for the service's log, from this point of it on, to say the outage in the words given,
   * and checks that the service said it in lines, without errors or the stack traces of its
   * scheduled tasks, rounds and health checks: what an operator reads while the database is away.
   * (The driver's own monitor logs the one moment it loses the server, with its exception.)
   */
  public static void assertSaidInOneLine(Supplier<String> log, int from, String words) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(log.get().substring(from)).contains(words));
    assertThat(log.get().substring(from))
        .as("the operator's log while the database is away: a line, not a stack trace each time")
        .doesNotContain(
            " ERROR ",
            "Unexpected error occurred in scheduled task",
            "health check failed\n",
            "round failed",
            "Could not look for pictures to copy\n");
  }

  /** Waits for the service's metrics to say that it does not reach its database. */
  public static void assertReportedUnreachable(String baseUrl, String application) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(reachability(baseUrl))
                    .contains(
                        "inkwell_database_reachable{application=\"" + application + "\"} 0.0"));
  }
}
