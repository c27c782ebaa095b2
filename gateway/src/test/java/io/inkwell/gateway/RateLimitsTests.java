package io.inkwell.gateway;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.TestMongo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

/**
 * The rate limits of gateway instances that share a store (the in-process MongoDB wire server), as
 * the Kubernetes deployment runs two gateways behind one load balancer, and of one whose store
 * cannot be reached.
 */
class RateLimitsTests {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<RateLimits> gateways = new ArrayList<>();

  @AfterEach
  void close() {
    gateways.forEach(RateLimits::destroy);
  }

  /** A client whose comments are spread over two gateways gets the limit once, not once each. */
  @Test
  void aClientGetsASharedLimitOnceHoweverManyGatewaysItsRequestsReach() {
    String store = TestMongo.uri("gateway");
    var first = gateway(store, 3);
    var second = gateway(store, 3);
    String client = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255);

    var answers = new ArrayList<HttpStatusCode>();
    for (var gateway : List.of(first, second, first, second, first)) {
      answers.add(comment(gateway, client));
    }

    assertThat(answers.subList(0, 3)).doesNotContain(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(answers.subList(3, 5)).containsOnly(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(comment(second, "203.0.113.99")).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(meters.counter("inkwell.gateway.rate-limits.unchecked").count()).isZero();
    try (var mongo = com.mongodb.reactivestreams.client.MongoClients.create(store)) {
      var indexes =
          reactor.core.publisher.Flux.from(
                  mongo
                      .getDatabase("gateway")
                      .getCollection(SharedBuckets.COLLECTION)
                      .listIndexes())
              .collectList()
              .block(Duration.ofSeconds(20));
      assertThat(indexes)
          .as("the buckets of clients gone quiet are removed")
          .anySatisfy(index -> assertThat(index.get("expireAfterSeconds")).isNotNull());

      // by the gateway too, where no TTL monitor runs (the wire server): only those gone quiet
      var collection = mongo.getDatabase("gateway").getCollection(SharedBuckets.COLLECTION);
      String quiet = "comments:" + UUID.randomUUID();
      reactor.core.publisher.Mono.from(
              collection.insertOne(
                  new Document("_id", quiet)
                      .append("state", new Binary(new byte[] {1}))
                      .append("expiresAt", Date.from(Instant.now().minusSeconds(60)))))
          .block(Duration.ofSeconds(20));
      long before = count(collection);
      try (var buckets = SharedBuckets.connect(store, Duration.ofSeconds(5))) {
        assertThat(buckets.removeExpired(1_000)).isGreaterThanOrEqualTo(1);
      }
      assertThat(
              reactor.core.publisher.Mono.from(collection.find(eq("_id", quiet)).first()).block())
          .isNull();
      assertThat(
              reactor.core.publisher.Mono.from(
                      collection.find(eq("_id", "comments|" + client)).first())
                  .block())
          .as("the bucket of a client still counted")
          .isNotNull();
      assertThat(count(collection)).isLessThan(before);
    }
  }

  private static long count(com.mongodb.reactivestreams.client.MongoCollection<Document> buckets) {
    return reactor.core.publisher.Mono.from(buckets.countDocuments()).block(Duration.ofSeconds(20));
  }

  /**
   * The blog keeps answering without its store (the services' own limits still hold); what was let
   * through unchecked is counted for the operators, and the limits kept in memory still refuse.
   */
  @Test
  void aStoreThatDoesNotAnswerLetsRequestsThroughCountedWhileMemoryLimitsStillHold()
      throws Exception {
    var limits = gateway("mongodb://localhost:" + nothingListens() + "/" + NOWHERE, 1);
    var passed = new AtomicInteger();

    for (int i = 0; i < 3; i++) {
      var comment = exchange(HttpMethod.POST, "/api/posts/p/comments");
      limits.filter(comment, unused -> Mono.fromRunnable(passed::incrementAndGet)).block();
      assertThat(comment.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    }
    assertThat(passed).as("the shared limit of 1 could not be asked").hasValue(3);
    assertThat(meters.counter("inkwell.gateway.rate-limits.unchecked").count()).isEqualTo(3);

    var first = exchange(HttpMethod.GET, "/api/posts");
    var second = exchange(HttpMethod.GET, "/api/posts");
    limits.filter(first, unused -> Mono.empty()).block();
    limits.filter(second, unused -> Mono.empty()).block();
    assertThat(first.getResponse().getStatusCode()).isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    assertThat(second.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
  }

  private RateLimits gateway(String storeUri, int commentsAllowed) {
    var settings = settings(storeUri, commentsAllowed);
    var gateway = new RateLimits(settings, new ClientAddresses(settings), meters);
    gateways.add(gateway);
    return gateway;
  }

  private static HttpStatusCode comment(RateLimits gateway, String client) {
    var comment =
        MockServerWebExchange.from(
            MockServerHttpRequest.post("http://blog.example.org/api/posts/p/comments")
                .remoteAddress(new InetSocketAddress(client, 40000)));
    gateway.filter(comment, unused -> Mono.empty()).block(Duration.ofSeconds(20));
    var status = comment.getResponse().getStatusCode();
    return status == null ? HttpStatus.OK : status;
  }

  private static GatewaySettings settings(String storeUri, int commentsAllowed) {
    return new GatewaySettings(
        DataSize.ofMegabytes(1),
        DataSize.ofMegabytes(6),
        DataSize.ofKilobytes(8),
        DataSize.ofKilobytes(8),
        List.of(),
        DataSize.ofMegabytes(101),
        List.of(),
        Duration.ofMinutes(30),
        "127\\.0\\.0\\.1",
        List.of(),
        "",
        Map.of(
            "comments",
            new GatewaySettings.RateLimit(
                List.of("/api/posts/*/comments"),
                List.of(HttpMethod.POST),
                commentsAllowed,
                Duration.ofMinutes(1),
                true),
            "reading",
            new GatewaySettings.RateLimit(
                List.of("/api/posts"), List.of(HttpMethod.GET), 1, Duration.ofMinutes(1), false)),
        new GatewaySettings.SharedRateLimits(
            storeUri, Duration.ofMillis(storeUri.contains(NOWHERE) ? 300 : 5_000)),
        false);
  }

  private static MockServerWebExchange exchange(HttpMethod method, String path) {
    return MockServerWebExchange.from(
        MockServerHttpRequest.method(method, "http://blog.example.org" + path)
            .remoteAddress(new InetSocketAddress("198.51.100.9", 40000)));
  }

  private static final String NOWHERE = "nothing-listens";

  private static int nothingListens() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
