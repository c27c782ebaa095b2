package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint of API.md, called through the gateway of the running platform by each kind of
 * caller, answers what the role model says. People sign in through the login form with PKCE, as the
 * web admin will; the owner invites the others; the integration uses client credentials.
 */
class AuthorizationMatrixTests {

  private static final String WEB = "inkwell-web";
  private static final List<String> CALLERS =
      List.of(
          "anonymous", "contributor", "author", "otherAuthor", "editor", "admin", "integration");

  private static LocalStack stack;
  private static final Map<String, ApiClient> as = new LinkedHashMap<>();

  @BeforeAll
  static void signEveryoneIn() throws Exception {
    stack = TestStack.get();
    String gateway = stack.gatewayUrl();
    String redirect = gateway + "/login/oauth2/code/inkwell";
    var signIn = new SignIn(gateway);
    var credentials = stack.credentials();
    var owner =
        new ApiClient(gateway)
            .withToken(
                signIn.person(
                    WEB, redirect, credentials.ownerEmail(), credentials.ownerPassword()));
    as.put("anonymous", new ApiClient(gateway));
    for (var member :
        Map.of(
                "contributor", "CONTRIBUTOR",
                "author", "AUTHOR",
                "otherAuthor", "AUTHOR",
                "editor", "EDITOR",
                "admin", "ADMIN")
            .entrySet()) {
      String email = member.getKey().toLowerCase() + "-" + UUID.randomUUID() + "@example.org";
      var invited =
          owner.post(
              "/api/staff",
              ApiClient.json(
                  Map.of("email", email, "name", member.getKey(), "role", member.getValue())));
      assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
      String token = signIn.person(WEB, redirect, email, invited.text("temporaryPassword"));
      as.put(member.getKey(), new ApiClient(gateway).withToken(token));
    }
    as.put("integration", new ApiClient(gateway).withToken(TestStack.integrationToken()));
  }

  /** One row: what each caller gets for one request (made fresh for each caller). */
  private record Row(
      String endpoint, Function<ApiClient, Integer> call, Map<String, Integer> want) {}

  private static Map<String, Integer> expect(int... statuses) {
    var want = new LinkedHashMap<String, Integer>();
    for (int i = 0; i < CALLERS.size(); i++) {
      want.put(CALLERS.get(i), statuses[i]);
    }
    return want;
  }

  private static String draftBody() {
    return ApiClient.json(Map.of("title", "Matrix " + UUID.randomUUID(), "body", "Words."));
  }

  private static String draftBy(String who) {
    return as.get(who).post("/api/posts", draftBody()).text("id");
  }

  /** A picture nobody uploaded before. */
  private static byte[] picture() {
    return TestStack.picture(PICTURES.incrementAndGet(), 1);
  }

  private static final java.util.concurrent.atomic.AtomicInteger PICTURES =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The address of a picture this staff member uploaded. */
  private static String imageBy(String who) {
    return as.get(who).upload("/api/images", "file", "m.png", "image/png", picture()).text("url");
  }

  private static String published() {
    String id = draftBy("editor");
    as.get("editor").post("/api/posts/" + id + "/publish", "");
    return id;
  }

  /** An author's post that an editor moved to the trash. */
  private static String trashed() {
    String id = draftBy("author");
    as.get("editor").post("/api/posts/" + id + "/trash", "");
    return id;
  }

  private static String pendingComment(String postId) {
    return as.get("anonymous")
        .post(
            "/api/posts/" + postId + "/comments",
            ApiClient.json(
                Map.of(
                    "authorName", "Reader",
                    "authorEmail", "first-" + UUID.randomUUID() + "@example.org",
                    "body", "A first comment " + UUID.randomUUID())))
        .text("id");
  }

  @Test
  void everyEndpointAnswersEachCallerAsTheRoleModelSays() {
    String commentable = published();
    // comment-service learns of the post from Kafka
    await().atMost(Duration.ofSeconds(60)).until(() -> !pendingComment(commentable).isEmpty());
    String authorsDraft = draftBy("author");
    String authorsPublished = draftBy("author");
    as.get("author").post("/api/posts/" + authorsPublished + "/publish", "");
    String editorId = as.get("editor").get("/api/staff/me").text("id");

    List<Row> rows =
        List.of(
            new Row(
                "GET /api/posts",
                c -> c.get("/api/posts").status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/tags",
                c -> c.get("/api/tags").status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /feed.atom",
                c -> c.get("/feed.atom").status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/posts?status=DRAFT",
                c -> c.get("/api/posts?status=DRAFT").status(),
                expect(401, 200, 200, 200, 200, 200, 200)),
            new Row(
                "POST /api/posts",
                c -> c.post("/api/posts", draftBody()).status(),
                expect(401, 201, 201, 201, 201, 201, 201)),
            new Row(
                "GET /api/posts/{author's draft}",
                c -> c.get("/api/posts/" + authorsDraft).status(),
                expect(404, 404, 200, 404, 200, 200, 200)),
            new Row(
                "PUT /api/posts/{author's draft}",
                c -> {
                  String etag = as.get("author").get("/api/posts/" + authorsDraft).header("ETag");
                  return c.put("/api/posts/" + authorsDraft, draftBody(), "If-Match", etag)
                      .status();
                },
                expect(401, 404, 200, 404, 200, 200, 200)),
            new Row(
                "POST /api/posts/{author's draft}/publish",
                c -> c.post("/api/posts/" + draftBy("author") + "/publish", "").status(),
                expect(401, 403, 200, 404, 200, 200, 200)),
            new Row(
                "POST /api/posts/{published}/views",
                c -> c.post("/api/posts/" + commentable + "/views", "").status(),
                expect(204, 204, 204, 204, 204, 204, 204)),
            new Row(
                "GET /api/posts/{author's published post}/views",
                c -> c.get("/api/posts/" + authorsPublished + "/views").status(),
                expect(401, 403, 200, 403, 200, 200, 200)),
            new Row(
                "GET /api/posts/{author's draft}/views",
                c -> c.get("/api/posts/" + authorsDraft + "/views").status(),
                expect(401, 404, 200, 404, 200, 200, 200)),
            new Row(
                "GET /api/views",
                c -> c.get("/api/views").status(),
                expect(401, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/posts/{author's draft}/revisions",
                c -> c.get("/api/posts/" + authorsDraft + "/revisions").status(),
                expect(401, 404, 200, 404, 200, 200, 200)),
            new Row(
                "PUT /api/site (as it is)",
                c -> {
                  var site = as.get("anonymous").get("/api/site");
                  return c.put(
                          "/api/site",
                          ApiClient.json(
                              Map.of(
                                  "title", site.text("title"),
                                  "description", site.text("description"))))
                      .status();
                },
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "PUT /api/tags/{tag}",
                c -> c.put("/api/tags/matrix", "{\"description\":\"A tag.\"}").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "POST /api/posts/{author's draft}/preview-link",
                c -> c.post("/api/posts/" + authorsDraft + "/preview-link", "").status(),
                expect(401, 404, 200, 404, 200, 200, 200)),
            new Row(
                "PUT /api/posts/{author's draft}/featured",
                c ->
                    c.put("/api/posts/" + draftBy("author") + "/featured", "{\"featured\":true}")
                        .status(),
                expect(401, 403, 200, 404, 200, 200, 200)),
            new Row(
                "POST /api/posts/{id}/unpublish",
                c -> c.post("/api/posts/" + published() + "/unpublish", "").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "POST /api/posts/{author's draft}/submit",
                c -> c.post("/api/posts/" + draftBy("author") + "/submit", "").status(),
                expect(401, 404, 200, 404, 200, 200, 200)),
            new Row(
                "POST /api/posts/{id}/trash",
                c -> c.post("/api/posts/" + published() + "/trash", "").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "POST /api/posts/{author's trashed post}/restore",
                c -> c.post("/api/posts/" + trashed() + "/restore", "").status(),
                expect(401, 404, 403, 404, 200, 200, 200)),
            new Row(
                "DELETE /api/posts/{id}",
                c -> c.delete("/api/posts/" + draftBy("author")).status(),
                expect(401, 403, 403, 403, 204, 204, 204)),
            new Row(
                "POST /api/images",
                c -> c.upload("/api/images", "file", "m.png", "image/png", picture()).status(),
                expect(401, 201, 201, 201, 201, 201, 201)),
            new Row(
                "GET /api/images",
                c -> c.get("/api/images").status(),
                expect(401, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/images/{id}",
                c -> c.get(imageBy("author")).status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "DELETE /api/images/{id}",
                c -> c.delete(imageBy("author")).status(),
                expect(401, 403, 204, 403, 204, 204, 204)),
            new Row(
                "POST /api/imports/blogger",
                c -> c.postAs("/api/imports/blogger", "application/atom+xml", "not xml").status(),
                expect(401, 403, 403, 403, 403, 422, 403)),
            new Row(
                "POST /api/imports/wordpress",
                c -> c.postAs("/api/imports/wordpress", "application/rss+xml", "not xml").status(),
                expect(401, 403, 403, 403, 403, 422, 403)),
            new Row(
                // an address nobody wrote from: nothing is erased, but the role is checked
                "POST /api/comments/erasure",
                c -> c.post("/api/comments/erasure", "{\"email\":\"nobody@example.org\"}").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "POST /api/comments/personal-data",
                c ->
                    c.post("/api/comments/personal-data", "{\"email\":\"nobody@example.org\"}")
                        .status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "POST /api/subscribers/personal-data",
                c ->
                    c.post("/api/subscribers/personal-data", "{\"email\":\"nobody@example.org\"}")
                        .status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "POST /api/subscribers/erasure",
                c ->
                    c.post("/api/subscribers/erasure", "{\"email\":\"nobody@example.org\"}")
                        .status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "GET /api/authors",
                c -> c.get("/api/authors").status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/authors/{id}",
                c -> c.get("/api/authors/" + editorId).status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                // each their own (an integration has no profile)
                "PUT /api/staff/me/profile",
                c -> c.put("/api/staff/me/profile", "{\"name\":\"Same name\"}").status(),
                expect(401, 200, 200, 200, 200, 200, 403)),
            new Row(
                // an empty list: the header as the other tests expect it
                "PUT /api/site/navigation",
                c -> c.put("/api/site/navigation", "{\"items\":[]}").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                // no podcast: the feeds as the other tests expect them
                "PUT /api/site/podcast",
                c -> c.put("/api/site/podcast", "{\"category\":\"\"}").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "GET /api/exports/wordpress",
                c -> c.get("/api/exports/wordpress").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "GET /api/redirects",
                c -> c.get("/api/redirects?path=/2001/01/never.html").status(),
                expect(404, 404, 404, 404, 404, 404, 404)),
            new Row(
                "POST /api/posts/{id}/comments",
                c ->
                    c.post(
                            "/api/posts/" + commentable + "/comments",
                            ApiClient.json(
                                Map.of(
                                    "authorName", "Reader",
                                    "authorEmail", UUID.randomUUID() + "@example.org",
                                    "body", "Comment " + UUID.randomUUID())))
                        .status(),
                expect(201, 201, 201, 201, 201, 201, 201)),
            new Row(
                "GET /api/posts/{id}/comments",
                c -> c.get("/api/posts/" + commentable + "/comments").status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/posts/{id}/comments/count",
                c -> c.get("/api/posts/" + commentable + "/comments/count").status(),
                expect(200, 200, 200, 200, 200, 200, 200)),
            new Row(
                "GET /api/comments?status=PENDING",
                c -> c.get("/api/comments?status=PENDING").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "POST /api/comments/{id}/approve",
                c ->
                    c.post("/api/comments/" + pendingComment(commentable) + "/approve", "")
                        .status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "POST /api/comments/{id}/spam",
                c -> c.post("/api/comments/" + pendingComment(commentable) + "/spam", "").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "GET /api/comments/{id}",
                c -> c.get("/api/comments/" + pendingComment(commentable)).status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "PUT /api/comments/{id}",
                c ->
                    c.put(
                            "/api/comments/" + pendingComment(commentable),
                            ApiClient.json(Map.of("authorName", "Reader", "body", "Corrected.")))
                        .status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "DELETE /api/comments/{id}",
                c -> c.delete("/api/comments/" + pendingComment(commentable)).status(),
                expect(401, 403, 403, 403, 204, 204, 204)),
            new Row(
                "DELETE /api/comments?status=SPAM",
                c -> c.delete("/api/comments?status=SPAM").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "POST /api/subscriptions",
                c ->
                    c.post(
                            "/api/subscriptions",
                            ApiClient.json(Map.of("email", UUID.randomUUID() + "@example.org")))
                        .status(),
                expect(202, 202, 202, 202, 202, 202, 202)),
            new Row(
                "GET /api/subscribers",
                c -> c.get("/api/subscribers").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "GET /api/webhooks",
                c -> c.get("/api/webhooks").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "POST /api/webhooks (an event nobody sends: nothing is added)",
                c ->
                    c.post(
                            "/api/webhooks",
                            ApiClient.json(
                                Map.of(
                                    "name", "n",
                                    "event", "post.none",
                                    "targetUrl", "https://example.org/hook")))
                        .status(),
                expect(401, 403, 403, 403, 403, 400, 403)),
            new Row(
                "GET /api/redirects/rules",
                c -> c.get("/api/redirects/rules").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "POST /api/redirects/rules (from the home page: nothing is added)",
                c ->
                    c.post(
                            "/api/redirects/rules",
                            ApiClient.json(Map.of("from", "/", "to", "/pages/about")))
                        .status(),
                expect(401, 403, 403, 403, 403, 400, 403)),
            new Row(
                "POST /api/subscribers/import",
                c -> c.postAs("/api/subscribers/import", "text/csv", "name\nAda\n").status(),
                expect(401, 403, 403, 403, 403, 422, 403)),
            new Row(
                "GET /api/posts/{id}/deliveries",
                c -> c.get("/api/posts/" + commentable + "/deliveries").status(),
                expect(401, 403, 403, 403, 200, 200, 200)),
            new Row(
                "GET /api/staff",
                c -> c.get("/api/staff").status(),
                expect(401, 403, 403, 403, 403, 200, 403)),
            new Row(
                "POST /api/staff",
                c ->
                    c.post(
                            "/api/staff",
                            ApiClient.json(
                                Map.of(
                                    "email", UUID.randomUUID() + "@example.org",
                                    "name", "New",
                                    "role", "AUTHOR")))
                        .status(),
                expect(401, 403, 403, 403, 403, 201, 403)),
            new Row(
                // an account nobody has: the admin is let through to hear so
                "DELETE /api/staff/{id}",
                c -> c.delete("/api/staff/" + UUID.randomUUID()).status(),
                expect(401, 403, 403, 403, 403, 404, 403)),
            new Row(
                "POST /api/integrations",
                c -> c.post("/api/integrations", "{\"name\":\"Matrix\"}").status(),
                expect(401, 403, 403, 403, 403, 201, 403)));

    List<String> wrong = new ArrayList<>();
    for (Row row : rows) {
      for (String caller : CALLERS) {
        int got = row.call().apply(as.get(caller));
        int want = row.want().get(caller);
        if (got != want) {
          wrong.add("%-42s %-12s got %d, want %d".formatted(row.endpoint(), caller, got, want));
        }
      }
    }
    assertThat(wrong).as("answers that differ from the role model").isEmpty();
  }

  @Test
  void aTamperedOrUnsignedRealTokenIsRefusedAtTheGateway() {
    String real = TestStack.integrationTokenUnchecked();
    String[] parts = real.split("\\.");
    String claims =
        new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"INTEGRATION\"", "\"ADMIN\"");
    String elevated = Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes());
    String tampered = parts[0] + "." + elevated + "." + parts[2];
    String unsigned =
        Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
            + "."
            + elevated
            + ".";

    for (String bad : List.of(tampered, unsigned, "not-a-jwt")) {
      var response = new ApiClient(stack.gatewayUrl()).withToken(bad).get("/api/subscribers");
      assertThat(response.status()).as(bad).isEqualTo(401);
      assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }
  }

  /**
   * From another machine only the gateway can be reached: the services, whose rate limits and
   * request sizes it keeps, and Spring Boot Admin, which shows logs and sets log levels without a
   * sign-in, answer this machine alone; so does the gateway's own actuator (its metrics), which is
   * not where readers come.
   */
  @Test
  void onlyTheGatewayAnswersOtherMachines() throws Exception {
    InetAddress outside =
        NetworkInterface.networkInterfaces()
            .filter(AuthorizationMatrixTests::upAndNotLoopback)
            .flatMap(NetworkInterface::inetAddresses)
            .filter(address -> address instanceof Inet4Address && !address.isLinkLocalAddress())
            .findFirst()
            .orElse(null);
    assumeTrue(outside != null, "this machine has no network address but its loopback");
    for (ServiceProcess service : stack.services()) {
      int port = URI.create(service.url()).getPort();
      assertThat(answers(InetAddress.getLoopbackAddress(), port)).as(service.name()).isTrue();
      assertThat(answers(outside, port))
          .as(service.name() + " on " + outside.getHostAddress())
          .isEqualTo(service.name().equals("gateway"));
      int management = URI.create(service.managementUrl()).getPort();
      assertThat(answers(InetAddress.getLoopbackAddress(), management)).isTrue();
      assertThat(answers(outside, management))
          .as(service.name() + "'s actuator on " + outside.getHostAddress())
          .isFalse();
    }
    for (String actuator : List.of("/actuator/prometheus", "/actuator/health", "/actuator/info")) {
      assertThat(as.get("anonymous").get(actuator).status())
          .as("the gateway's " + actuator + " where readers come")
          .isEqualTo(404);
    }
  }

  private static boolean upAndNotLoopback(NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (java.net.SocketException gone) {
      return false;
    }
  }

  private static boolean answers(InetAddress address, int port) {
    try (var socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 5_000);
      return true;
    } catch (java.io.IOException refused) {
      return false;
    }
  }
}
