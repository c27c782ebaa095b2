package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.StaffEvents;
import io.inkwell.testsupport.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/** Only admins see who subscribed; subscribing itself needs no account. */
class SubscriberListTests extends IntegrationTest {

  private static final String TOPIC = "blog.staff-events";

  @Test
  void adminsPageThroughSubscribersAndNobodyElseSeesThem() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long pendingBefore = pendingTotal();
    List<String> addresses = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String email = "list-" + marker + "-" + i + "@example.org";
      addresses.add(email);
      assertThat(api().post("/api/subscriptions", ApiClient.json(Map.of("email", email))).status())
          .isEqualTo(202);
    }

    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var page =
          admin()
              .get(
                  "/api/subscribers?status=PENDING&limit=2"
                      + (cursor == null ? "" : "&cursor=" + cursor));
      assertThat(page.status()).isEqualTo(200);
      seen.addAll(page.json().path("items").findValuesAsString("email"));
      assertThat(page.json().path("total").asLong())
          .as("every page counts all pending subscribers, not only its own")
          .isEqualTo(pendingBefore + 3);
      cursor = page.json().path("nextCursor").asString(null);
    } while (cursor != null);

    assertThat(seen).containsAll(addresses).doesNotHaveDuplicates();
    // Ghost's member search: a part of the address, any case, taken literally
    var found = admin().get("/api/subscribers?q=" + ("LIST-" + marker + "-1").toUpperCase());
    assertThat(found.json().path("items").findValuesAsString("email"))
        .containsExactly(addresses.get(1));
    assertThat(found.json().path("total").asLong()).isEqualTo(1);
    assertThat(admin().get("/api/subscribers?q=.*").json().path("total").asLong())
        .as("a pattern is text, not a pattern")
        .isZero();
    var nul = admin().get("/api/subscribers?q=" + ("list-" + marker + "-1") + "%00");
    assertThat(nul.status()).as("a control character is no word, and no 500").isEqualTo(200);
    assertThat(nul.json().path("total").asLong()).isEqualTo(1);
    assertThat(api().get("/api/subscribers").status()).isEqualTo(401);
    assertThat(
            api()
                .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
                .get("/api/subscribers")
                .status())
        .isEqualTo(403);
    assertThat(admin().get("/api/subscribers?cursor=not-a-cursor").status()).isEqualTo(400);
    var wrongStatus = admin().get("/api/subscribers?status=HAPPY");
    assertThat(wrongStatus.status()).isEqualTo(400);
    assertThat(wrongStatus.text("detail")).startsWith("status must be one of PENDING, ");
    assertThat(admin().get("/api/subscribers?status=pending&limit=1").json().path("total"))
        .as("whatever its case")
        .isEqualTo(admin().get("/api/subscribers?status=PENDING&limit=1").json().path("total"));
    assertThat(admin().get("/api/subscribers?limit=ten").text("detail"))
        .isEqualTo("limit must be a whole number.");
    var undecodable = admin().get("/api/subscribers?cursor=%00%ff");
    assertThat(undecodable.status()).isEqualTo(400);
    assertThat(undecodable.header("Content-Type")).isEqualTo("application/problem+json");
  }

  private long pendingTotal() {
    return admin().get("/api/subscribers?status=PENDING&limit=1").json().path("total").asLong();
  }

  @Test
  void adminsExportEverySubscriberAsCsvWithSpreadsheetFormulasDefused() throws Exception {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    String plain = "export-" + marker + "@example.org";
    String sly = "export-sly-" + marker + "@example.org";
    api()
        .post(
            "/api/subscriptions",
            ApiClient.json(Map.of("email", plain, "tags", List.of("travel", "food"))));
    api().post("/api/subscriptions", ApiClient.json(Map.of("email", sly, "tags", List.of("=1+1"))));

    var export = admin().get("/api/subscribers/export");

    assertThat(export.status()).isEqualTo(200);
    assertThat(export.header("Content-Type")).startsWith("text/csv");
    assertThat(export.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"subscribers.csv\"");
    var mapper = tools.jackson.dataformat.csv.CsvMapper.builder().build();
    List<Map<String, String>> rows = new ArrayList<>();
    try (var lines =
        mapper
            .readerForMapOf(String.class)
            .with(tools.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
            .<Map<String, String>>readValues(export.raw().body())) {
      lines.forEachRemaining(rows::add);
    }
    var byEmail = new java.util.HashMap<String, Map<String, String>>();
    rows.forEach(row -> byEmail.put(row.get("email"), row));
    assertThat(byEmail.get(plain))
        .containsEntry("status", "pending")
        .containsEntry("tags", "travel, food")
        .containsEntry("paused", "false")
        .containsEntry("confirmedAt", "");
    assertThat(byEmail.get(sly).get("tags")).isEqualTo("'=1+1");

    assertThat(
            api()
                .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
                .get("/api/subscribers/export")
                .status())
        .isEqualTo(403);
    assertThat(
            api()
                .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
                .delete("/api/subscribers/anyone")
                .status())
        .isEqualTo(403);
  }

  /**
   * A request that comes past the gateway meets the same refusal: a suspended, removed or demoted
   * editor's token, or a revoked integration's, stops working here when auth-service says so, not
   * when it expires (the test tokens were issued ten minutes ago).
   */
  @Test
  void aTokenIssuedBeforeItsHolderLostAccessIsRefusedAtOnce(
      @Autowired KafkaTemplate<String, String> kafka) {
    String run = UUID.randomUUID().toString();
    var suspended = api().withToken(TestTokens.staff("sue-" + run, "Sue", "EDITOR"));
    var removed = api().withToken(TestTokens.staff("rem-" + run, "Rem", "EDITOR"));
    var demoted = api().withToken(TestTokens.staff("dem-" + run, "Dem", "EDITOR"));
    var revoked = api().withToken(TestTokens.integration("zap-" + run));
    var unchanged = api().withToken(TestTokens.staff("una-" + run, "Una", "EDITOR"));
    String deliveries = "/api/posts/any/deliveries";
    for (ApiClient client : List.of(suspended, removed, demoted, revoked, unchanged)) {
      assertThat(client.get(deliveries).status()).isEqualTo(200);
    }

    Instant now = Instant.now();
    StaffEvents.accessChanges(run, "EDITOR", "AUTHOR", now)
        .forEach((holder, event) -> kafka.send(TOPIC, holder, event));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(List.of(suspended, removed, demoted, revoked))
                    .allSatisfy(
                        client -> assertThat(client.get(deliveries).status()).isEqualTo(401)));
    assertThat(suspended.get(deliveries).header("Content-Type"))
        .isEqualTo("application/problem+json");
    assertThat(unchanged.get(deliveries).status()).isEqualTo(200);
  }

  @Test
  void deliveryReportsAreForEditors() {
    assertThat(api().get("/api/posts/any/deliveries").status()).isEqualTo(401);
    assertThat(
            api()
                .withToken(TestTokens.staff("author-1", "Ann", "AUTHOR"))
                .get("/api/posts/any/deliveries")
                .status())
        .isEqualTo(403);
    assertThat(
            api()
                .withToken(TestTokens.staff("editor-1", "Eddie", "EDITOR"))
                .get("/api/posts/any/deliveries")
                .status())
        .isEqualTo(200);
  }

  /**
   * An address Tomcat refuses before the service reads it, met only by a client that reaches the
   * service directly (the gateway refuses it first), is a problem too, not Tomcat's HTML page.
   */
  @Test
  void anAddressTomcatRefusesIsAProblemToo() {
    for (String address : List.of("/api/subscribers/%00", "/api/webhooks/..%2f/calls")) {
      var response = admin().get(address, "Accept", "text/html");

      assertThat(response.status()).as(address).isEqualTo(400);
      assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(response.text("type")).isEqualTo("https://inkwell.dev/problems/bad-request");
      assertThat(response.text("instance")).isEqualTo(address);
    }
  }
}
