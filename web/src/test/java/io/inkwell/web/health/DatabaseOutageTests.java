package io.inkwell.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.StoppableMongo;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
 * The web whose session database goes away while it runs: a staff member is told to come back (503
 * with {@code Retry-After}) before the gateway would give up on the answer, not given Tomcat's 500
 * after minutes; a reader whose browser carries a session cookie reads on. Its own database, which
 * this class stops, and so its own context, closed after the class. No API answers: the blog's
 * error page says what it says without one.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"inkwell.mongodb.wait=1s", "inkwell.web.api-url=http://127.0.0.1:9"})
class DatabaseOutageTests {

  /** The gateway's response timeout: an answer later than that reaches nobody. */
  private static final Duration GATEWAY_WAITS = Duration.ofSeconds(10);

  private static final StoppableMongo DATABASE = new StoppableMongo("web");

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", DATABASE::uri);
  }

  @AfterAll
  static void stop() {
    DATABASE.stop();
  }

  @Test
  void staffAreToldToComeBackShortlyAndReadersReadOn(CapturedOutput log) throws Exception {
    String base = "http://localhost:" + port;
    // a browser that opened the admin has a session, on its way to sign in
    var opened = get("/admin", null, "text/html");
    assertThat(opened.statusCode()).isEqualTo(302);
    String cookie = opened.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(cookie).startsWith("INKWELL_SESSION=");
    assertThat(StoppableMongo.reachability(base))
        .as("the operator's gauge")
        .contains("inkwell_database_reachable{application=\"web\"} 1.0");

    DATABASE.stop();
    int logBefore = log.getOut().length();

    var page = get("/admin", cookie, "text/html,application/xhtml+xml");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
    assertThat(page.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .as("the blog's own error page, in its words")
        .contains("Something went wrong", "Please try again in a moment")
        .doesNotContain("Exception", "HTTP Status 500");
    var call = get("/admin/posts", cookie, "application/json");
    assertThat(call.statusCode()).isEqualTo(503);
    assertThat(call.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(call.body()).contains("https://inkwell.dev/problems/database-unavailable");

    StoppableMongo.assertReportedUnreachable(base, "web");
    var robots = get("/robots.txt", cookie, "text/plain");
    assertThat(robots.statusCode())
        .as("a reader's page, with the cookie of a session that cannot be read now")
        .isEqualTo(200);
    assertThat(robots.body()).contains("Sitemap:");
    assertThat(get("/actuator/health/readiness", null, "application/json").statusCode())
        .as("readers are served: the web stays in the load balancer")
        .isEqualTo(200);
    StoppableMongo.assertSaidInOneLine(
        log::getOut, logBefore, "The database cannot be reached (GET /admin)");
  }

  /** A request answered within the time the gateway waits for it, or a failure. */
  private HttpResponse<String> get(String path, String cookie, String accept)
      throws IOException, InterruptedException {
    var request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(GATEWAY_WAITS)
            .header("Accept", accept);
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
