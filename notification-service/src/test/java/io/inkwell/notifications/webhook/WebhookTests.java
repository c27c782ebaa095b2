package io.inkwell.notifications.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.site.SiteName;
import io.inkwell.notifications.site.TestSite;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks as a static-site builder or a chat bot sees them: a real HTTP server in the test
 * receives the calls that published posts cause, signed with the secret it was given.
 */
class WebhookTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;
  @Autowired private SiteName siteName;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  /** A call as the receiver got it. */
  record Call(Map<String, List<String>> headers, String body) {

    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private HttpServer receiver;
  private final Queue<Call> calls = new ConcurrentLinkedQueue<>();

  /** What the calls' bodies break of the contract. */
  private final Queue<Object> violations = new ConcurrentLinkedQueue<>();

  /** What the receiver answers, in turn; 200 once they are used up. */
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          calls.add(new Call(Map.copyOf(exchange.getRequestHeaders()), body));
          violations.addAll(Contracts.violations(body, "webhook-call"));
          Integer status = answers.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    assertThat(violations).as("every call as contracts/webhook-call.schema.json says").isEmpty();
    receiver.stop(0);
    for (JsonNode webhook : admin().get("/api/webhooks").json().path("items")) {
      admin().delete("/api/webhooks/" + webhook.path("id").asString());
    }
  }

  @Test
  void aPublishedPostCallsItsWebhookOnceSignedAndARedeliveredEventCallsNobodyAgain()
      throws Exception {
    JsonNode added = add("Rebuild the site", "post.published");
    assertThat(added.path("secret").asString()).hasSizeGreaterThanOrEqualTo(40);
    add("Tell the archive", "post.deleted");
    assertThat(admin().get("/api/webhooks").raw().body())
        .as("a secret is shown once")
        .doesNotContain(added.path("secret").asString());
    ObjectNode event = published();

    publish(event);
    var again = publish(event);

    awaitCalls(1, again);
    Call call = calls.peek();
    assertThat(call.header("X-Inkwell-Event")).isEqualTo("post.published");
    assertThat(call.header("Content-Type")).isEqualTo("application/json");
    String signature = call.header("X-Inkwell-Signature");
    assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
    String timestamp = signature.substring(2, signature.indexOf(','));
    assertThat(signature.substring(signature.indexOf("v1=") + 3))
        .isEqualTo(hmac(added.path("secret").asString(), timestamp + "." + call.body()));
    JsonNode body = JSON.readTree(call.body());
    assertThat(body.path("event").asString()).isEqualTo("post.published");
    assertThat(body.path("id").asString()).isEqualTo(call.header("X-Inkwell-Delivery"));
    assertThat(body.path("post").path("title").asString()).isEqualTo("Wrapping up the WPC");
    assertThat(body.path("post").path("url").asString())
        .isEqualTo("https://blog.example.org/posts/wrapping-up-the-wpc");
    assertThat(body.path("post").has("bodyHtml"))
        .as("the post's text stays with the blog")
        .isFalse();
    JsonNode listed = admin().get("/api/webhooks").json().path("items");
    assertThat(listed)
        .filteredOn(webhook -> webhook.path("event").asString().equals("post.published"))
        .singleElement()
        .satisfies(webhook -> assertThat(webhook.path("lastResult").asString()).isEqualTo("200"));
  }

  /**
   * Ghost's {@code site.changed}: one webhook a static site is rebuilt on, called for every change
   * readers see, a post's or the blog's title; and only for what happened once it was there.
   */
  @Test
  void aSiteChangedWebhookHearsOfEveryVisibleChangeAfterItWasAdded() throws Exception {
    var older = published();
    older.put("occurredAt", java.time.Instant.now().minus(Duration.ofDays(3)).toString());
    add("Rebuild on any change", "site.changed");
    var deleted = event("post-deleted");
    var renamed = event("site-changed");

    publish(older);
    publish(published());
    publish(deleted);
    var last = publish(renamed);

    awaitCalls(3, last);
    assertThat(calls)
        .extracting(call -> call.header("X-Inkwell-Event"))
        .containsOnly("site.changed");
    var bodies = calls.stream().map(call -> JSON.readTree(call.body())).toList();
    assertThat(bodies)
        .extracting(body -> body.path("change").asString())
        .containsExactlyInAnyOrder("post.published", "post.deleted", "site.updated");
    assertThat(bodies)
        .filteredOn(body -> body.path("change").asString().equals("site.updated"))
        .singleElement()
        .satisfies(
            body ->
                assertThat(body.path("site").path("title").asString())
                    .isEqualTo("Notes from Lisbon"));
    assertThat(bodies)
        .filteredOn(body -> body.path("change").asString().equals("post.deleted"))
        .singleElement()
        .satisfies(
            body ->
                assertThat(body.path("post").path("id").asString())
                    .isEqualTo(deleted.path("postId").asString()));
    // the blog's new title is for this test only
    await()
        .atMost(PATIENCE)
        .until(() -> Topics.consumed(brokers, "notification-service", last.getRecordMetadata()));
    TestSite.backToTheConfiguredName(mongo, siteName);
  }

  /**
   * WordPress's comment notices in a chat channel: a comment readers see, and one that waits for a
   * moderator, each with where to read or moderate it and never an address: the one its writer
   * gave, nor the one of the comment it answers; comments are no change of the site's own.
   */
  @Test
  void commentWebhooksHearOfCommentsWithoutTheWritersAddress() throws Exception {
    add("Comments channel", "comment.posted");
    add("Moderators' channel", "comment.held");
    add("Rebuild on any change", "site.changed");
    var posted = event("comment-posted");
    String replyAddress = "reader-" + UUID.randomUUID() + "@example.org";
    posted.put("notifyEmail", replyAddress);
    String ownAddress = "writer-" + UUID.randomUUID() + "@example.org";
    posted.put("authorEmail", ownAddress);
    var held = event("comment-held");

    publish(posted);
    var last = publish(held);

    awaitCalls(2, last);
    assertThat(calls).noneSatisfy(call -> assertThat(call.body()).contains(replyAddress));
    assertThat(calls).noneSatisfy(call -> assertThat(call.body()).contains(ownAddress));
    var byEvent =
        calls.stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    call -> call.header("X-Inkwell-Event"), call -> JSON.readTree(call.body())));
    assertThat(byEvent).containsOnlyKeys("comment.posted", "comment.held");
    JsonNode visible = byEvent.get("comment.posted");
    assertThat(visible.path("comment").path("authorName").asString()).isEqualTo("Linus");
    assertThat(visible.path("comment").path("excerpt").asString())
        .isEqualTo("Thanks for the notes!");
    assertThat(visible.path("comment").path("url").asString())
        .isEqualTo(
            "https://blog.example.org/posts/wrapping-up-the-wpc#comment-"
                + posted.path("commentId").asString());
    assertThat(visible.path("post").path("title").asString()).isEqualTo("Wrapping up the WPC");
    assertThat(byEvent.get("comment.held").path("comment").path("url").asString())
        .isEqualTo("https://blog.example.org/admin/comments");
  }

  @Test
  void aReceiverThatFailsIsCalledAgainWithTheSameDeliveryUntilItTakesIt() {
    add("Flaky builder", "post.published");
    answers.add(503);
    answers.add(500);

    publish(published());

    await().atMost(PATIENCE).until(() -> calls.size() == 3);
    assertThat(calls.stream().map(call -> call.header("X-Inkwell-Delivery")).distinct()).hasSize(1);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                admin()
                    .get("/api/webhooks")
                    .json()
                    .path("items")
                    .get(0)
                    .path("lastResult")
                    .asString()
                    .equals("200"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.size() == 3);
  }

  /**
   * GitHub's "Recent deliveries": an admin sees a call given up after its tries (three here), with
   * what it was about and the receiver's last answer, and once the receiver is fixed has it made
   * again, with the same delivery id.
   */
  @Test
  void aCallGivenUpIsListedAndMadeAgainOnceTheReceiverIsFixed() {
    String id = add("Broken builder", "post.published").path("id").asString();
    answers.addAll(List.of(500, 500, 500));

    publish(published());

    String calls = "/api/webhooks/" + id + "/calls";
    JsonNode call =
        await()
            .atMost(PATIENCE)
            .until(
                () -> admin().get(calls).json().path("items").path(0),
                item -> item.path("status").asString().equals("FAILED"));
    assertThat(this.calls).hasSize(3);
    assertThat(call.path("about").asString()).isEqualTo("Wrapping up the WPC");
    assertThat(call.path("change").asString()).isEqualTo("post.published");
    assertThat(call.path("attempts").asInt()).isEqualTo(3);
    assertThat(call.path("lastResult").asString()).isEqualTo("500");
    String retry = calls + "/" + call.path("id").asString() + "/retry";
    assertThat(
            api()
                .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
                .post(retry, "")
                .status())
        .isEqualTo(403);

    assertThat(admin().post(retry, "").status()).isEqualTo(202);

    await()
        .atMost(PATIENCE)
        .until(
            () -> admin().get(calls).json().path("items").path(0).path("status").asString(),
            "SENT"::equals);
    assertThat(this.calls).hasSize(4);
    assertThat(this.calls.stream().map(each -> each.header("X-Inkwell-Delivery")).distinct())
        .containsExactly(call.path("id").asString());
    var again = admin().post(retry, "");
    assertThat(again.status()).as("a call that was taken is not made again").isEqualTo(409);
    assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(admin().post(calls + "/nope/retry", "").status()).isEqualTo(404);
    assertThat(admin().get("/api/webhooks/" + UUID.randomUUID() + "/calls").status())
        .isEqualTo(404);
    assertThat(admin().get(calls + "?limit=0").status()).isEqualTo(400);
  }

  /** GitHub's ping: an admin tries the address at once, without publishing anything. */
  @Test
  void aTestCallTellsTheAdminAtOnceWhetherTheReceiverTakesIt() throws Exception {
    JsonNode added = add("Chat bot", "comment.posted");
    String id = added.path("id").asString();
    answers.add(401);

    assertThat(admin().post("/api/webhooks/" + id + "/ping", "").status()).isEqualTo(202);

    JsonNode call = newestCallOnceGivenUp(id);
    assertThat(call.path("lastResult").asString()).isEqualTo("401");
    assertThat(call.path("about").asString()).isEqualTo("a test call");
    assertThat(calls).as("a test call is tried once").hasSize(1);
    Call ping = calls.peek();
    assertThat(ping.header("X-Inkwell-Event")).isEqualTo("ping");
    assertThat(JSON.readTree(ping.body()).path("webhook").path("event").asString())
        .isEqualTo("comment.posted");
    String timestamp = ping.header("X-Inkwell-Signature").replaceAll("^t=(\\d+),.*", "$1");
    assertThat(ping.header("X-Inkwell-Signature"))
        .endsWith("v1=" + hmac(added.path("secret").asString(), timestamp + "." + ping.body()));
    assertThat(admin().post("/api/webhooks/" + UUID.randomUUID() + "/ping", "").status())
        .isEqualTo(404);
  }

  /**
   * A receiver whose answer keeps coming, a byte at a time, for longer than the timeout (2 s here)
   * has not answered: a call may not outlast the lease that keeps other instances from making it.
   */
  @Test
  void aReceiverStillAnsweringAtTheTimeoutHasNotAnswered() {
    receiver.createContext(
        "/slow",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(200, 0);
          try (var body = exchange.getResponseBody()) {
            for (int i = 0; i < 40; i++) {
              body.write('.');
              body.flush();
              java.util.concurrent.locks.LockSupport.parkNanos(250_000_000L);
            }
          } catch (java.io.IOException hungUp) {
            // the caller gave up, as it should
          }
        });
    String id = add("Slow", "post.published", "/slow").path("id").asString();

    admin().post("/api/webhooks/" + id + "/ping", "");

    JsonNode call = newestCallOnceGivenUp(id);
    assertThat(call.path("lastResult").asString()).isEqualTo("no answer: nothing within 2 seconds");
  }

  /** The admin reads why a receiver did not answer in words, not as a Java exception's name. */
  @Test
  void aReceiverThatIsNotThereIsSaidToAcceptNoConnections() throws Exception {
    int closed;
    try (var socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String id =
        addAt("Gone away", "post.published", "http://localhost:" + closed + "/hook")
            .path("id")
            .asString();

    admin().post("/api/webhooks/" + id + "/ping", "");

    JsonNode call = newestCallOnceGivenUp(id);
    assertThat(call.path("lastResult").asString())
        .isEqualTo("no answer: nothing accepts connections at its address");
    JsonNode webhook = admin().get("/api/webhooks").json().path("items").path(0);
    assertThat(webhook.path("lastResult").asString()).isEqualTo(call.path("lastResult").asString());
  }

  /** Stripe's "Roll secret": a secret that was lost or leaked signs nothing after it is rolled. */
  @Test
  void aRolledSecretSignsTheNextCallsAndTheOldOneNone() throws Exception {
    JsonNode added = add("Leaky", "post.published");
    String id = added.path("id").asString();
    String old = added.path("secret").asString();
    assertThat(
            api()
                .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
                .post("/api/webhooks/" + id + "/secret", "")
                .status())
        .isEqualTo(403);

    var rolled = admin().post("/api/webhooks/" + id + "/secret", "");

    assertThat(rolled.status()).isEqualTo(200);
    String secret = rolled.text("secret");
    assertThat(secret).hasSizeGreaterThanOrEqualTo(40).isNotEqualTo(old);
    assertThat(admin().get("/api/webhooks").raw().body()).doesNotContain(secret);
    admin().post("/api/webhooks/" + id + "/ping", "");
    await().atMost(PATIENCE).until(() -> calls.size() == 1);
    Call ping = calls.peek();
    String signature = ping.header("X-Inkwell-Signature");
    String timestamp = signature.substring(2, signature.indexOf(','));
    assertThat(signature)
        .endsWith("v1=" + hmac(secret, timestamp + "." + ping.body()))
        .doesNotEndWith("v1=" + hmac(old, timestamp + "." + ping.body()));
    assertThat(admin().post("/api/webhooks/" + UUID.randomUUID() + "/secret", "").status())
        .isEqualTo(404);
  }

  @Autowired private WebhookCalls webhookCalls;

  /** Calls done with are forgotten after a month; one still to be made is kept, however old. */
  @Test
  void callsDoneWithAreForgottenAfterAMonth() {
    String id = add("Long-lived", "post.published").path("id").asString();
    var old = java.time.Instant.now().minus(Duration.ofDays(31));
    var recent = java.time.Instant.now().minus(Duration.ofDays(29));
    for (var call :
        List.of(
            call("taken-long-ago", id, WebhookCall.Status.SENT, old),
            call("given-up-long-ago", id, WebhookCall.Status.FAILED, old),
            call("still-owed", id, WebhookCall.Status.PENDING, old),
            call("taken-lately", id, WebhookCall.Status.SENT, recent))) {
      mongo.insert(call);
    }

    webhookCalls.forgetOldCalls();

    assertThat(admin().get("/api/webhooks/" + id + "/calls").json().path("items"))
        .extracting(item -> item.path("id").asString())
        .containsExactlyInAnyOrder("still-owed:" + id, "taken-lately:" + id);
  }

  /** A call as the listener records it, made long ago or lately. */
  private static WebhookCall call(
      String name, String webhookId, WebhookCall.Status status, java.time.Instant at) {
    return new WebhookCall(
        name + ":" + webhookId,
        webhookId,
        "post.published",
        "{\"event\":\"post.published\",\"post\":{\"title\":\"" + name + "\"}}",
        status,
        1,
        // not due: the sender leaves the one still owed alone during the test
        java.time.Instant.now().plus(Duration.ofHours(1)),
        "200",
        at,
        null);
  }

  @Test
  void aReceiverThatAnswersGoneIsRemovedAsInGhost() {
    add("Retired bot", "post.published");
    answers.add(410);

    publish(published());

    await()
        .atMost(PATIENCE)
        .until(() -> admin().get("/api/webhooks").json().path("items").isEmpty());
    assertThat(calls).hasSize(1);
  }

  @Test
  void onlyAdminsManageWebhooksAndWhatCannotBeCalledIsRefused() {
    String hook = "http://localhost:" + receiver.getAddress().getPort() + "/hook";
    String good = ApiClient.json(Map.of("name", "n", "event", "post.published", "targetUrl", hook));
    var editor = api().withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"));
    assertThat(editor.post("/api/webhooks", good).status()).isEqualTo(403);
    assertThat(editor.get("/api/webhooks").status()).isEqualTo(403);
    assertThat(api().post("/api/webhooks", good).status()).isEqualTo(401);
    assertThat(
            api().withToken(TestTokens.integration("zapier")).post("/api/webhooks", good).status())
        .as("integrations act as editors")
        .isEqualTo(403);

    for (var bad :
        List.of(
            Map.of("name", "n", "event", "post.exploded", "targetUrl", hook),
            Map.of("name", "n", "event", "post.published", "targetUrl", "javascript:alert(1)"),
            Map.of("name", "n", "event", "post.published", "targetUrl", "ftp://example.org/x"),
            Map.of("name", "n", "event", "post.published", "targetUrl", "http://u:p@example.org/"),
            Map.of("name", "n", "event", "post.published", "targetUrl", "/hook"),
            Map.of("name", " ", "event", "post.published", "targetUrl", hook))) {
      var answer = admin().post("/api/webhooks", ApiClient.json(bad));
      assertThat(answer.status()).as(bad.toString()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    }
    assertThat(
            admin()
                .post("/api/webhooks", "{\"name\":{\"$gt\":\"\"},\"event\":\"post.published\"}")
                .status())
        .isEqualTo(400);
    var inAnotherScript =
        admin()
            .post(
                "/api/webhooks",
                ApiClient.json(
                    Map.of(
                        "name",
                        "n",
                        "event",
                        "post.published",
                        "targetUrl",
                        "https://bücher.example/hook")));
    assertThat(inAnotherScript.status()).isEqualTo(201);
    assertThat(inAnotherScript.text("targetUrl"))
        .as("the host as DNS asks for it")
        .isEqualTo("https://xn--bcher-kva.example/hook");
    admin().delete("/api/webhooks/" + inAnotherScript.text("id"));
    assertThat(admin().delete("/api/webhooks/" + UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(admin().get("/api/webhooks").json().path("items")).isEmpty();
  }

  /**
   * Waits for {@code count} calls and for the last event sent to have been read, then sees that no
   * more come: a redelivered or unwanted event would have called by then.
   */
  private void awaitCalls(int count, SendResult<String, String> last) {
    await().atMost(PATIENCE).until(() -> calls.size() == count);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                Topics.consumed(
                    brokers, "notification-service-webhooks", last.getRecordMetadata()));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(10))
        .until(() -> calls.size() == count);
  }

  /** The webhook's newest call, once it was given up (a test call after its one try). */
  private JsonNode newestCallOnceGivenUp(String webhookId) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> admin().get("/api/webhooks/" + webhookId + "/calls").json().path("items").path(0),
            item -> item.path("status").asString().equals("FAILED"));
  }

  private JsonNode add(String name, String event) {
    return add(name, event, "/hook");
  }

  private JsonNode add(String name, String event, String path) {
    return addAt(name, event, "http://localhost:" + receiver.getAddress().getPort() + path);
  }

  private JsonNode addAt(String name, String event, String targetUrl) {
    var answer =
        admin()
            .post(
                "/api/webhooks",
                ApiClient.json(Map.of("name", name, "event", event, "targetUrl", targetUrl)));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
    return answer.json();
  }

  /** {@code PostPublished} as the contract shows it, as a new event about a new post. */
  private static ObjectNode published() {
    return event("post-published");
  }

  /** An event as the contract shows it, new, happening now. */
  private static ObjectNode event(String contract) {
    var event = Contracts.example(contract);
    event.put("eventId", UUID.randomUUID().toString());
    if (event.has("postId")) {
      event.put("postId", UUID.randomUUID().toString());
    }
    if (event.has("commentId")) {
      event.put("commentId", UUID.randomUUID().toString());
    }
    event.put("occurredAt", java.time.Instant.now().toString());
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  private SendResult<String, String> publish(ObjectNode event) {
    String type = event.path("type").asString();
    if (type.startsWith("Comment")) {
      return kafka
          .send("blog.comment-events", event.path("postId").asString(), event.toString())
          .join();
    }
    return type.startsWith("Post")
        ? kafka.send("blog.post-events", event.path("postId").asString(), event.toString()).join()
        : kafka.send("blog.site-events", "site", event.toString()).join();
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }
}
