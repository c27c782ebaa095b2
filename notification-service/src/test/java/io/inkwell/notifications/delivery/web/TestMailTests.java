package io.inkwell.notifications.delivery.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.RateWindows;
import io.inkwell.testsupport.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Before publishing, a staff member mails themself the post as subscribers will get it. */
class TestMailTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;
  @Autowired private io.micrometer.core.instrument.MeterRegistry meters;

  private static final String POST =
      ApiClient.json(
          Map.of(
              "title", "Tiles of Lisbon",
              "excerpt", "Blue and white, on every wall.",
              "slug", "tiles-of-lisbon",
              "bodyHtml", "<p>Every wall has its <em>azulejos</em>.</p>",
              "authorName", "Cora Contributor",
              "cover",
                  Map.of(
                      "url",
                      "/api/images/5d41402abc4b2a76b9719d911017c592.jpg",
                      "alt",
                      "Tiles",
                      "width",
                      1200,
                      "height",
                      800)));

  /** A staff member as auth-service announces them; their client. */
  private ApiClient staffMember(String email) throws Exception {
    String id = UUID.randomUUID().toString();
    var event = Contracts.example("staff-changed");
    event.put("staffId", id);
    event.put("email", email);
    event.put("role", "CONTRIBUTOR");
    event.put("occurredAt", Instant.now().toString());
    kafka.send("blog.staff-events", id, event.toString()).join();
    await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "staff") != null);
    return api().withToken(TestTokens.staff(id, "Cora", "CONTRIBUTOR"));
  }

  @Test
  void aContributorMailsThemselfTheDraftAsSubscribersWillGetIt() throws Exception {
    String cora = "cora-" + UUID.randomUUID() + "@example.org";
    double before = meters.counter("inkwell.emails.sent", "kind", "test").count();

    var sent = staffMember(cora).post("/api/posts/" + UUID.randomUUID() + "/test-mail", POST);

    assertThat(sent.status()).as(sent.toString()).isEqualTo(202);
    assertThat(sent.text("to")).isEqualTo(cora);
    MimeMessage mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(cora), mails -> mails.size() == 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("[Test] Tiles of Lisbon");
    assertThat(TestMail.html(mail))
        .as("the whole post under its byline, as subscribers will read it")
        .contains("<p>Every wall has its <em>azulejos</em>.</p>")
        .contains("By Cora Contributor &middot; ")
        .contains("https://blog.example.org/posts/tiles-of-lisbon")
        .contains("https://blog.example.org/posts/tiles-of-lisbon")
        .contains(
            "src=\"https://blog.example.org/api/images/5d41402abc4b2a76b9719d911017c592.jpg?w=1000\""
                + " alt=\"Tiles\" width=\"600\" height=\"400\"");
    assertThat(TestMail.body(mail).replace("\r\n", "\n"))
        .as("no subscriber's links that would lead nowhere: it says where they will be")
        .contains("This is a test. In each subscriber's copy")
        .doesNotContain("token=");
    assertThat(mail.getHeader("List-Unsubscribe")).isNull();
    assertThat(meters.counter("inkwell.emails.sent", "kind", "test").count())
        .as("operators see test mails apart from subscribers' mails")
        .isEqualTo(before + 1);
  }

  @Test
  void onlyAStaffMemberWithAnAddressGetsOneAndNotOneTooMany() throws Exception {
    RateWindows.roomLeftIn(Duration.ofHours(1), Duration.ofMinutes(1));
    String path = "/api/posts/" + UUID.randomUUID() + "/test-mail";
    assertThat(api().post(path, POST).status()).isEqualTo(401);
    var noAddress =
        api()
            .withToken(TestTokens.staff("nobody-" + UUID.randomUUID(), "N", "EDITOR"))
            .post(path, POST);
    assertThat(noAddress.status()).isEqualTo(422);
    assertThat(noAddress.header("Content-Type")).isEqualTo("application/problem+json");

    String dana = "dana-" + UUID.randomUUID() + "@example.org";
    var client = staffMember(dana);
    for (String odd :
        List.of(
            "{\"title\":{\"$ne\":null},\"slug\":\"s\"}",
            "{\"title\":\"T\"}",
            "{\"title\":\"T\",\"slug\":\"s\",\"cover\":{\"url\":\"https://elsewhere.example/x.png\","
                + "\"width\":1,\"height\":1}}",
            "{\"title\":\"T\",\"slug\":\"s\",\"cover\":{\"url\":\"/api/images/x.png\",\"width\":-1,"
                + "\"height\":1}}")) {
      var refused = client.post(path, odd);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    for (int i = 0; i < TestMailController.PER_HOUR; i++) {
      assertThat(client.post(path, POST).status()).isEqualTo(202);
    }
    var tooMany = client.post(path, POST);
    assertThat(tooMany.status()).isEqualTo(429);
    assertThat(Long.parseLong(tooMany.header("Retry-After"))).isPositive();
    await().atMost(PATIENCE).until(() -> TestMail.to(dana).size() == TestMailController.PER_HOUR);
  }
}
