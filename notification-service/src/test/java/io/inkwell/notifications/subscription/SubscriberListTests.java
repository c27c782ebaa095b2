package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only admins see who subscribed; subscribing itself needs no account. */
class SubscriberListTests extends IntegrationTest {

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
}
