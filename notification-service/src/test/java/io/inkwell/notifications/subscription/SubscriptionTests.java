package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

class SubscriptionTests extends IntegrationTest {

  @Autowired private Subscribers subscribers;

  @Test
  void theConfirmationLinkShowsAButtonAndOnlyThePostConfirms() {
    String local = "Reader-" + UUID.randomUUID();
    var subscribed =
        api()
            .post(
                "/api/subscriptions",
                ApiClient.json(Map.of("email", " " + local + "@Example.ORG ")));

    assertThat(subscribed.status()).isEqualTo(202);
    String address = local + "@example.org";
    var mail = TestMail.to(address);
    assertThat(mail).hasSize(1);
    assertThat(TestMail.body(mail.get(0)))
        .contains("https://blog.example.org/subscriptions/confirm?token=");
    String token = TestMail.token(mail.get(0));

    var page = api().get("/api/subscriptions/confirm?token=" + token, "Accept", "text/html");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().body()).contains("<form method=\"post\"").contains(token);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.PENDING);

    var confirmed =
        api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.CONFIRMED);
  }

  @Test
  void aKnownAddressGetsTheSameAnswerAndAConfirmedOneNoNewMail() {
    String address = "known-" + UUID.randomUUID() + "@example.org";
    var first = api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));
    String token = TestMail.token(TestMail.to(address).get(0));
    api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));

    var again = api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));

    assertThat(again.status()).isEqualTo(first.status()).isEqualTo(202);
    assertThat(again.raw().body()).isEqualTo(first.raw().body());
    assertThat(TestMail.to(address)).hasSize(1);
    assertThat(subscribers.findAll().stream().filter(s -> s.email().equals(address))).hasSize(1);
  }

  @Test
  void forgedAndMisusedTokensChangeNothing() {
    String address = "forged-" + UUID.randomUUID() + "@example.org";
    api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));
    String token = TestMail.token(TestMail.to(address).get(0));
    String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

    assertProblem(
        api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", forged))), 400);
    assertProblem(
        api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", "x.y"))), 400);
    // a confirmation token is not an unsubscribe token
    assertProblem(
        api().postAs("/api/subscriptions/unsubscribe?token=" + token, "application/json", ""), 400);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.PENDING);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"email\": \"not-an-email\"}",
        "{\"email\": \"a@b\"}",
        "{\"email\": \"\"}",
        "{\"email\": {\"$gt\": \"\"}}",
        "{\"email\": \"two@at@example.org\"}",
        "{\"email\": \"a@example.org\", \"tags\": [\"$where\"]}",
        "{}",
        "{\"email\": "
      })
  void invalidAddressesAreRejectedAndNothingIsMailed(String body) {
    long before = subscribers.count();

    assertProblem(api().post("/api/subscriptions", body), 400);
    assertThat(subscribers.count()).isEqualTo(before);
  }

  private SubscriberStatus statusOf(String address) {
    return subscribers.findByEmail(address).orElseThrow().status();
  }

  private static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.text("type")).startsWith("https://inkwell.dev/problems/");
  }
}
