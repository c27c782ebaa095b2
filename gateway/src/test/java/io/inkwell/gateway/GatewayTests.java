package io.inkwell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway in front of a real HTTP server standing in for the services (answering with the path
 * it was asked for), a port where nothing listens, and a route that never answers.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s",
      "inkwell.gateway.max-request-size=1KB"
    })
class GatewayTests {

  private static final DisposableServer SERVICES =
      HttpServer.create()
          .host("localhost")
          .port(0)
          .route(
              routes ->
                  routes
                      .get("/api/posts/slow", (request, response) -> Mono.never())
                      .route(
                          request -> true,
                          (request, response) ->
                              response
                                  .header("Content-Type", "application/json")
                                  .sendString(
                                      Mono.just("{\"servedPath\":\"" + request.uri() + "\"}"))))
          .bindNow();

  private static final int NOTHING_LISTENS = freePort();

  private final HttpClient http = HttpClient.newHttpClient();

  @Value("${local.server.port}")
  private int port;

  @DynamicPropertySource
  static void services(DynamicPropertyRegistry registry) {
    registry.add("POST_SERVICE_URL", () -> "http://localhost:" + SERVICES.port());
    registry.add("NOTIFICATION_SERVICE_URL", () -> "http://localhost:" + SERVICES.port());
    registry.add("COMMENT_SERVICE_URL", () -> "http://localhost:" + NOTHING_LISTENS);
  }

  @AfterAll
  static void stop() {
    SERVICES.disposeNow();
  }

  @Test
  void routesTheApiPathsToTheirServices() throws Exception {
    var posts = get("/api/posts?limit=5");
    var subscriptions = send(post("/api/subscriptions", "{}"));

    assertThat(posts.statusCode()).isEqualTo(200);
    assertThat(posts.body()).contains("/api/posts?limit=5");
    assertThat(subscriptions.body()).contains("/api/subscriptions");
  }

  @Test
  void aServiceThatIsDownGivesA503ProblemAtOnce() throws Exception {
    var response = get("/api/posts/some-post/comments");

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("https://inkwell.dev/problems/service-unavailable");
  }

  @Test
  void aServiceThatDoesNotAnswerGivesA504ProblemInsteadOfAHang() throws Exception {
    var response = get("/api/posts/slow");

    assertThat(response.statusCode()).isEqualTo(504);
    assertThat(response.body()).contains("https://inkwell.dev/problems/gateway-timeout");
  }

  @Test
  void anUnknownPathIsA404Problem() throws Exception {
    var response = get("/no/such/thing");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.body()).contains("https://inkwell.dev/problems/not-found");
  }

  @Test
  void aBodyAboveTheLimitIsRefusedWith413() throws Exception {
    var response = send(post("/api/posts", "{\"title\":\"" + "x".repeat(2_000) + "\"}"));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("https://inkwell.dev/problems/payload-too-large");
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20)).GET());
  }

  private HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
