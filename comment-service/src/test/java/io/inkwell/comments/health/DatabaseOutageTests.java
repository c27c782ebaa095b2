package io.inkwell.comments.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.StoppableMongo;
import io.inkwell.testsupport.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service whose database goes away while it runs: readers and authors are told to come back
 * (503 with {@code Retry-After}) within the configured wait, not left hanging for the driver's 30 s
 * and then given a 500. Its own database, which this class stops, and so its own context: closed
 * after the class, and without Kafka listeners, which would take partitions from the consumer
 * groups of the module's shared context and fail their events against the stopped database.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "inkwell.mongodb.wait=1s",
      "spring.kafka.listener.auto-startup=false"
    })
class DatabaseOutageTests {

  private static final StoppableMongo DATABASE = new StoppableMongo("comments");

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", DATABASE::uri);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @AfterAll
  static void stop() {
    DATABASE.stop();
  }

  @Test
  void aDatabaseThatIsGoneIsAServiceUnavailableForAWhileNotAnError(CapturedOutput log) {
    String base = "http://localhost:" + port;
    var reader = new ApiClient(base);
    var editor = reader.withToken(TestTokens.staff("editor-1", "Eddie Editor", "EDITOR"));
    assertThat(reader.get("/api/posts/post-1/comments/count").status()).isLessThan(500);

    assertThat(StoppableMongo.reachability(base))
        .as("the operator's gauge")
        .contains("inkwell_database_reachable{application=\"comment-service\"} 1.0");
    DATABASE.stop();
    int logBefore = log.getOut().length();

    var list = reader.get("/api/posts/post-1/comments");
    assertThat(list.status()).as(list.toString()).isEqualTo(503);
    assertThat(list.header("Content-Type")).startsWith("application/problem+json");
    assertThat(list.text("type")).isEqualTo("https://inkwell.dev/problems/database-unavailable");
    assertThat(list.header("Retry-After")).isEqualTo("10");
    var write =
        reader.post(
            "/api/posts/post-1/comments",
            ApiClient.json(
                Map.of("authorName", "Ann", "authorEmail", "ann@example.org", "body", "Hi")));
    assertThat(write.status()).as(write.toString()).isEqualTo(503);
    assertThat(write.text("detail")).doesNotContain("Exception", "localhost");
    assertThat(editor.get("/api/comments?status=PENDING").status()).isEqualTo(503);
    var readiness = reader.get("/actuator/health/readiness");
    assertThat(readiness.status()).isEqualTo(503);
    assertThat(readiness.text("status")).isEqualTo("DOWN");
    StoppableMongo.assertSaidInOneLine(
        log::getOut, logBefore, "A scheduled task cannot reach the database");
    StoppableMongo.assertReportedUnreachable(base, "comment-service");
  }
}
