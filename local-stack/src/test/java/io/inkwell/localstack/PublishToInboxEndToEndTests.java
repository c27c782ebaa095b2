package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as the local stack runs it (Kafka, MongoDB wire servers, SMTP, and the four
 * services as their own processes from their jars), walked through the gateway as a reader and an
 * author would. Writes sign in with the local integration's client credentials.
 */
class PublishToInboxEndToEndTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Pattern TOKEN =
      Pattern.compile("token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  private static LocalStack stack;
  private static String token;

  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    stack = TestStack.get();
    token = TestStack.integrationToken();
  }

  @Test
  void aFirstStartSeedsAWelcomePostThatTheSampleSubscriberGotAndAnAboutPage() throws Exception {
    // found by their words: other test classes may have published more than a page of posts
    assertThat(
            get("/api/posts?q=" + words(Seeder.WELCOME_TITLE))
                .path("items")
                .findValuesAsString("title"))
        .contains(Seeder.WELCOME_TITLE);
    assertThat(
            get("/api/posts?q=" + words(Seeder.ABOUT_TITLE))
                .path("items")
                .findValuesAsString("title"))
        .as("a page is no post")
        .doesNotContain(Seeder.ABOUT_TITLE);
    assertThat(get("/api/pages").path("items").findValuesAsString("title"))
        .contains(Seeder.ABOUT_TITLE);
    await()
        .atMost(PATIENCE)
        .until(() -> TestStack.mailsTo(Seeder.SAMPLE_SUBSCRIBER, Seeder.WELCOME_TITLE).size() == 1);
    assertThat(TestStack.mailsTo(Seeder.SAMPLE_SUBSCRIBER, Seeder.ABOUT_TITLE))
        .as("a page is not mailed")
        .isEmpty();
  }

  private static String words(String text) {
    return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void aPublishedPostReachesAConfirmedSubscriberOnceAndTakesComments() throws Exception {
    String reader = "e2e-reader@example.org";
    assertThat(post("/api/subscriptions", Map.of("email", reader)).statusCode()).isEqualTo(202);
    String token = token(TestStack.mailsTo(reader, "Confirm your subscription to Inkwell").get(0));
    assertThat(post("/api/subscriptions/confirm", Map.of("token", token)).statusCode())
        .isEqualTo(200);

    var created =
        post(
            "/api/posts",
            Map.of(
                "title", "Wrapping up the WPC",
                "body", "The last day of the conference.\n\nNo comments yet.",
                "tags", List.of("conferences")));
    assertThat(created.statusCode()).isEqualTo(201);
    String id = JSON.readTree(created.body()).path("id").asString();
    assertThat(post("/api/posts/" + id + "/publish", Map.of()).statusCode()).isEqualTo(200);

    MimeMessage mail =
        await()
            .atMost(PATIENCE)
            .until(
                () -> TestStack.mailsTo(reader, "Wrapping up the WPC"), mails -> mails.size() == 1)
            .get(0);
    assertThat(TestStack.text(mail))
        .as("the whole post, its second paragraph too, and the way to the blog")
        .contains("The last day of the conference.")
        .contains("No comments yet.")
        .contains("/posts/wrapping-up-the-wpc");

    // The comment-service learns of the post from Kafka, so it may take a moment; a first-time
    // commenter waits for a moderator (the default policy), who approves through the gateway.
    var comment =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    post(
                        "/api/posts/" + id + "/comments",
                        Map.of(
                            "authorName", "Ada",
                            "authorEmail", "ada@example.org",
                            "body", "Thanks for the notes!")),
                response -> response.statusCode() == 201);
    JsonNode held = JSON.readTree(comment.body());
    assertThat(held.path("status").asString()).isEqualTo("PENDING");
    assertThat(get("/api/posts/" + id + "/comments").path("items").size()).isZero();
    assertThat(
            post("/api/comments/" + held.path("id").asString() + "/approve", Map.of()).statusCode())
        .isEqualTo(200);
    JsonNode comments = get("/api/posts/" + id + "/comments");
    assertThat(comments.path("items").findValuesAsString("body"))
        .containsExactly("Thanks for the notes!");
    assertThat(comments.toString()).doesNotContain("ada@example.org");
    // An integration wrote the post, so its byline has no account: the owner hears of the comment
    // (the address reached notification-service as auth-service's StaffChanged event).
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                TestStack.mailsTo(
                    stack.credentials().ownerEmail(), "Ada commented on Wrapping up the WPC"),
            mails ->
                mails.stream().anyMatch(m -> TestStack.text(m).contains("Thanks for the notes!")));

    assertThat(post("/api/posts/" + id + "/publish", Map.of()).statusCode()).isEqualTo(200);
    // A later post reaching the inbox shows that the pipeline has moved past the second publish.
    var later = post("/api/posts", Map.of("title", "The next one", "body", "More."));
    String laterId = JSON.readTree(later.body()).path("id").asString();
    post("/api/posts/" + laterId + "/publish", Map.of());
    await().atMost(PATIENCE).until(() -> TestStack.mailsTo(reader, "The next one").size() == 1);
    // One delivery per confirmed subscriber: the sample reader, ours, and other tests' readers,
    // some of whom chose a weekly digest: theirs wait for it, the rest are sent.
    JsonNode report =
        await()
            .atMost(PATIENCE)
            .until(
                () -> get("/api/posts/" + id + "/deliveries"),
                all ->
                    all.path("total").asInt() >= 2
                        && all.path("sent").asInt() + all.path("waitingForDigest").asInt()
                            == all.path("total").asInt());
    assertThat(report.path("failed").asInt()).isZero();
    assertThat(TestStack.mailsTo(reader, "Wrapping up the WPC")).hasSize(1);
    assertThat(TestStack.mailsTo(Seeder.SAMPLE_SUBSCRIBER, "Wrapping up the WPC")).hasSize(1);
  }

  /**
   * A reader whose mail client has no one-click unsubscribe mails the address List-Unsubscribe
   * names, and is unsubscribed: notification-service reads the blog's mailbox in the stack's mail
   * server.
   */
  @Test
  void aReaderUnsubscribesByTheMailListUnsubscribeAsksFor() throws Exception {
    String reader = "by-mail-" + System.nanoTime() + "@example.org";
    post("/api/subscriptions", Map.of("email", reader));
    String token = token(TestStack.mailsTo(reader, "Confirm your subscription to Inkwell").get(0));
    post("/api/subscriptions/confirm", Map.of("token", token));
    MimeMessage welcome =
        await()
            .atMost(PATIENCE)
            .until(() -> TestStack.mailsTo(reader), mails -> mails.size() == 2)
            .get(1);
    Matcher mailto =
        Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>")
            .matcher(welcome.getHeader("List-Unsubscribe")[0]);
    assertThat(mailto.find()).isTrue();

    var smtp = new java.util.Properties();
    smtp.put("mail.smtp.host", "localhost");
    smtp.put("mail.smtp.port", String.valueOf(stack.smtpPort()));
    var session = jakarta.mail.Session.getInstance(smtp);
    var request = new jakarta.mail.internet.MimeMessage(session);
    request.setFrom(reader);
    request.setRecipients(jakarta.mail.Message.RecipientType.TO, mailto.group(1));
    request.setSubject(
        java.net.URLDecoder.decode(mailto.group(2), java.nio.charset.StandardCharsets.UTF_8));
    request.setText("");
    jakarta.mail.Transport.send(request);

    // the preferences link of the welcome says where the subscription stands
    Matcher manage =
        Pattern.compile("preferences\\?token=([A-Za-z0-9_.-]+)").matcher(TestStack.text(welcome));
    assertThat(manage.find()).isTrue();
    await()
        .atMost(PATIENCE)
        .until(
            () -> get("/api/subscriptions/preferences?token=" + manage.group(1)),
            preferences -> "UNSUBSCRIBED".equals(preferences.path("status").asString()));
  }

  /**
   * An operator without Grafana sees every service in Spring Boot Admin: up, every part of its
   * health known, with its metrics, loggers and log file; the gateway's too, whose actuator has a
   * port of its own.
   */
  @Test
  void springBootAdminShowsEveryServiceUpWithItsMetricsLoggersAndLog() throws Exception {
    String admin =
        stack.services().stream()
            .filter(service -> service.name().equals("admin-server"))
            .findFirst()
            .orElseThrow()
            .url();
    List<String> services =
        List.of(
            "gateway",
            "post-service",
            "comment-service",
            "notification-service",
            "auth-service",
            "web");
    JsonNode instances =
        await()
            .atMost(PATIENCE)
            .until(
                () ->
                    JSON.readTree(
                        http.send(
                                HttpRequest.newBuilder(URI.create(admin + "/instances"))
                                    .header("Accept", "application/json")
                                    .build(),
                                HttpResponse.BodyHandlers.ofString())
                            .body()),
                found -> services.stream().allMatch(name -> up(found, name)));
    for (JsonNode instance : instances) {
      String name = instance.path("registration").path("name").asString();
      assertThat(instance.path("statusInfo").path("details").toString())
          .as(name + "'s health")
          .doesNotContain("UNKNOWN");
      for (String endpoint : List.of("metrics", "loggers", "logfile")) {
        URI shown =
            URI.create(
                admin + "/instances/" + instance.path("id").asString() + "/actuator/" + endpoint);
        assertThat(
                http.send(
                        HttpRequest.newBuilder(shown).build(),
                        HttpResponse.BodyHandlers.discarding())
                    .statusCode())
            .as(name + "'s " + endpoint)
            .isEqualTo(200);
      }
    }
  }

  private static boolean up(JsonNode instances, String name) {
    return instances
        .valueStream()
        .anyMatch(
            instance ->
                instance.path("registration").path("name").asString().equals(name)
                    && instance.path("statusInfo").path("status").asString().equals("UP"));
  }

  /**
   * No dashboard panel or alert shows "No data" for a metric nobody exports: every metric name the
   * dashboards' PromQL and the alert rules use is on some service's /actuator/prometheus.
   */
  @Test
  void everyMetricTheDashboardsAndAlertsUseIsExported() throws Exception {
    var created = post("/api/posts", Map.of("title", "Metrics " + System.nanoTime(), "body", "b"));
    String id = JSON.readTree(created.body()).path("id").asString();
    post("/api/posts/" + id + "/publish", Map.of());
    Set<String> exported = new TreeSet<>();
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              exported.clear();
              for (ServiceProcess service : stack.services()) {
                String text =
                    http.send(
                            HttpRequest.newBuilder(
                                    URI.create(service.managementUrl() + "/actuator/prometheus"))
                                .build(),
                            HttpResponse.BodyHandlers.ofString())
                        .body();
                text.lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank())
                    .map(line -> line.split("[{ ]", 2)[0])
                    .forEach(exported::add);
              }
              assertThat(exported).containsAll(usedMetrics());
            });
  }

  /** The metric names in the dashboards' queries and the alert rules. */
  private static Set<String> usedMetrics() throws IOException {
    Pattern metric =
        Pattern.compile(
            "\\b(?:inkwell|jvm|process|spring_cloud_gateway|kafka|http_server|resilience4j)_[a-z0-9_]+");
    Set<String> used = new TreeSet<>();
    List<String> sources = new java.util.ArrayList<>();
    try (var dashboards = Files.list(Path.of("../ops/grafana/dashboards"))) {
      for (Path dashboard : dashboards.toList()) {
        JSON.readTree(Files.readString(dashboard))
            .findValues("expr")
            .forEach(expr -> sources.add(expr.asString()));
      }
    }
    sources.add(Files.readString(Path.of("../ops/prometheus/alerts.yml")));
    for (String source : sources) {
      Matcher matcher = metric.matcher(source);
      while (matcher.find()) {
        used.add(matcher.group());
      }
    }
    assertThat(used)
        .contains(
            "inkwell_publish_to_inbox_seconds_bucket",
            "inkwell_outbox_backlog",
            "resilience4j_circuitbreaker_not_permitted_calls_total");
    return used;
  }

  /**
   * The trace a client starts at the gateway continues through post-service, its outbox relay and
   * Kafka into notification-service, which logs the fan-out with the same trace id.
   */
  @Test
  void onePublishIsOneTraceFromTheGatewayToTheFanOut() throws Exception {
    String traceId = java.util.HexFormat.of().formatHex(java.security.SecureRandom.getSeed(16));
    var created = post("/api/posts", Map.of("title", "Traced " + traceId, "body", "b"));
    String id = JSON.readTree(created.body()).path("id").asString();

    var published =
        http.send(
            request("/api/posts/" + id + "/publish")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(published.statusCode()).isEqualTo(200);
    await()
        .atMost(PATIENCE)
        .until(
            () -> TestStack.logged("notification-service", traceId, "Post " + id + " published"));
  }

  @Test
  void everyServicesOpenApiIsShownThroughTheGatewayWithTheSecurityScheme() throws Exception {
    Map<String, String> pathInEach =
        Map.of(
            "posts", "/api/posts/{id}/publish",
            "comments", "/api/comments/{id}/approve",
            "notifications", "/api/subscribers",
            "auth", "/api/integrations");
    for (var service : pathInEach.entrySet()) {
      JsonNode description = get("/v3/api-docs/" + service.getKey());
      assertThat(description.path("paths").has(service.getValue())).as(service.getKey()).isTrue();
      assertThat(description.path("components").path("securitySchemes").has("bearer")).isTrue();
    }
  }

  @Test
  void badInputThroughTheGatewayGetsProblemDetails() throws Exception {
    var malformed = post("/api/posts", "{\"title\": ");
    var unknown =
        http.send(
            request("/api/posts/no-such-post").GET().build(), HttpResponse.BodyHandlers.ofString());
    // Tomcat itself refuses a raw [ ] in a query, before the service reads it; the service says
    // so as a problem all the same
    var bracketed =
        http.send(
            request("/api/posts?tags[]=harbour").GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bracketed.statusCode()).isEqualTo(400);
    assertThat(bracketed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(bracketed.body()).contains("percent-encoded").doesNotContain("<html");
  }

  private JsonNode get(String path) throws IOException, InterruptedException {
    var response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }

  /** As the local integration: it creates, publishes, moderates and reads delivery reports. */
  private HttpResponse<String> post(String path, Object body)
      throws IOException, InterruptedException {
    String json = body instanceof String raw ? raw : JSON.writeValueAsString(body);
    return http.send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Every request carries the integration's token; the public paths do not need it. */
  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(stack.gatewayUrl() + path))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30));
  }

  private static String token(MimeMessage message) {
    Matcher matcher = TOKEN.matcher(TestStack.text(message));
    assertThat(matcher.find()).as("a token in the confirmation mail").isTrue();
    return matcher.group(1);
  }
}
