package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import io.inkwell.testsupport.StoppableMongo;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.regex.Pattern;
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
 * auth-service whose database goes away while it runs: staff at the sign-in page are shown a page
 * that says to come back, not an error or "wrong password"; programs get a 503 problem with {@code
 * Retry-After}; nothing waits the driver's 30 s. Its own database, which this class stops, and so
 * its own context: closed after the class, and without Kafka listeners, which would take partitions
 * from the consumer groups of the module's shared context.
 */
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "inkwell.auth.owner.email=owner@example.org",
      "inkwell.auth.owner.password=correct horse battery",
      "inkwell.auth.bootstrap-integration.client-id=ci-bot",
      "inkwell.auth.bootstrap-integration.secret=ci-bot-secret-of-some-length",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "inkwell.mongodb.wait=1s",
      "spring.kafka.listener.auto-startup=false"
    })
class DatabaseOutageTests {

  private static final StoppableMongo DATABASE = new StoppableMongo("auth");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

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
  void aDatabaseThatIsGoneIsAPageThatSaysComeBackNotAWrongPassword(CapturedOutput log)
      throws Exception {
    String base = "http://localhost:" + port;
    String owner =
        new SignIn(base)
            .person(
                AuthServiceIntegrationTest.WEB,
                AuthServiceIntegrationTest.REDIRECT,
                "owner@example.org",
                "correct horse battery");
    var browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    var form = page(browser, base + "/login");
    assertThat(form.statusCode()).isEqualTo(200);
    var csrf = CSRF.matcher(form.body());
    assertThat(csrf.find()).isTrue();

    assertThat(StoppableMongo.reachability(base))
        .as("the operator's gauge")
        .contains("inkwell_database_reachable{application=\"auth-service\"} 1.0");
    DATABASE.stop();
    int logBefore = log.getOut().length();

    var signIn =
        browser.send(
            HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=owner%40example.org&password=correct+horse+battery&_csrf="
                            + csrf.group(1)))
                .build(),
            BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(503);
    assertThat(signIn.headers().firstValue("Retry-After")).hasValue("10");
    assertThat(signIn.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
    assertThat(signIn.body()).contains("Try again shortly").doesNotContain("do not match");
    var again = page(HttpClient.newHttpClient(), base + "/login");
    assertThat(again.statusCode()).isEqualTo(503);
    assertThat(again.body()).contains("Try again shortly");

    var staff = new ApiClient(base).withToken(owner).get("/api/staff");
    assertThat(staff.status()).as(staff.toString()).isEqualTo(503);
    assertThat(staff.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(staff.text("type")).isEqualTo("https://inkwell.dev/problems/database-unavailable");
    assertThat(staff.header("Retry-After")).isEqualTo("10");
    var token =
        new ApiClient(base)
            .postAs(
                "/oauth2/token",
                "application/x-www-form-urlencoded",
                "grant_type=client_credentials&client_id=ci-bot"
                    + "&client_secret=ci-bot-secret-of-some-length");
    assertThat(token.status()).as(token.toString()).isEqualTo(503);
    assertThat(token.text("type")).isEqualTo("https://inkwell.dev/problems/database-unavailable");
    StoppableMongo.assertSaidInOneLine(
        log::getOut, logBefore, "A scheduled task cannot reach the database");
    StoppableMongo.assertReportedUnreachable(base, "auth-service");
  }

  private static HttpResponse<String> page(HttpClient browser, String address) throws Exception {
    return browser.send(
        HttpRequest.newBuilder(URI.create(address)).header("Accept", "text/html").build(),
        BodyHandlers.ofString());
  }
}
