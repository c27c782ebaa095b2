package io.inkwell.auth;

import static org.awaitility.Awaitility.await;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.Topics;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * auth-service running on its MongoDB wire server, used as clients use it: sign-in through the
 * login form with PKCE, client credentials, the staff and integration API with the tokens it gives.
 * Every test class of the module extends this one, so that they share one application.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "inkwell.auth.owner.email=Owner@Example.org",
      "inkwell.auth.owner.password=correct horse battery",
      "inkwell.auth.bootstrap-integration.client-id=ci-bot",
      "inkwell.auth.bootstrap-integration.secret=ci-bot-secret-of-some-length",
      "inkwell.auth.web-client.redirect-uris=http://localhost:8080/login/oauth2/code/inkwell",
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "inkwell.outbox.poll-interval=100ms"
    })
abstract class AuthServiceIntegrationTest {

  static final String WEB = "inkwell-web";
  static final String REDIRECT = "http://localhost:8080/login/oauth2/code/inkwell";
  static final String OWNER = "owner@example.org";
  static final String OWNER_PASSWORD = "correct horse battery";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${local.server.port}")
  int port;

  @Value("${inkwell.auth.issuer}")
  String issuer;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @Autowired MongoTemplate mongo;
  @Autowired StaffManagement staff;

  @DynamicPropertySource
  static void mongo(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("auth"));
  }

  String base() {
    return "http://localhost:" + port;
  }

  SignIn signIn() {
    return new SignIn(base());
  }

  ApiClient api(String token) {
    return new ApiClient(base()).withToken(token);
  }

  ApiClient.Response invite(String adminToken, String email, String name, String role) {
    return api(adminToken)
        .post("/api/staff", ApiClient.json(Map.of("email", email, "name", name, "role", role)));
  }

  Jwt decode(String token) {
    return NimbusJwtDecoder.withJwkSetUri(base() + "/oauth2/jwks").build().decode(token);
  }

  /** A mailed link (naming the gateway, the issuer) as the address of this service's page. */
  URI page(String link) {
    return URI.create(base() + link.substring(issuer.length()));
  }

  HttpResponse<String> get(HttpClient browser, URI page) throws Exception {
    return browser.send(HttpRequest.newBuilder(page).build(), BodyHandlers.ofString());
  }

  /** Posts a form of this service's pages with the CSRF token of the page last shown. */
  HttpResponse<String> postForm(
      HttpClient browser, String path, String shownPage, Map<String, String> fields)
      throws Exception {
    Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(shownPage);
    var all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf.find() ? csrf.group(1) : "");
    String form =
        all.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return browser.send(
        HttpRequest.newBuilder(URI.create(base() + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        BodyHandlers.ofString());
  }

  /**
   * The events of one account on {@code blog.staff-events} whose JSON holds {@code "text"} (a type,
   * a notice), once there are at least {@code expected}.
   */
  List<JsonNode> staffEvents(String staffId, String text, int expected) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Topics.readAll(brokers, "blog.staff-events").stream()
                    .filter(r -> r.key().equals(staffId) && r.value().contains("\"" + text + "\""))
                    .map(r -> JSON.readTree(r.value()))
                    .toList(),
            found -> found.size() >= expected);
  }

  /** The code an authenticator app with this key shows now (or {@code later} seconds from now). */
  static String code(String key, long later) {
    try {
      var totp = new TimeBasedOneTimePasswordGenerator();
      return totp.generateOneTimePasswordString(
          new SecretKeySpec(new Base32().decode(key), totp.getAlgorithm()),
          Instant.now().plusSeconds(later));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  static String code(String key) {
    return code(key, 0);
  }

  /** The security notices of one account sent, in order, once its outbox is empty. */
  List<String> noticesOf(String staffId) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                mongo
                    .findById(staffId, Document.class, "staff")
                    .getList("outbox", Document.class)
                    .isEmpty());
    return Topics.readAll(brokers, "blog.staff-events").stream()
        .filter(r -> r.key().equals(staffId) && r.value().contains("\"StaffSecurityNotice\""))
        .map(r -> JSON.readTree(r.value()).path("notice").asString())
        .toList();
  }
}
