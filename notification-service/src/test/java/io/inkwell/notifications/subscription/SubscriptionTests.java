package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class SubscriptionTests extends IntegrationTest {

  @Autowired private Subscribers subscribers;
  @Autowired private SubscriptionManagement subscriptions;
  @Autowired private UnconfirmedSubscribers unconfirmed;
  @Autowired private MongoTemplate mongo;

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
    assertThat(TestMail.header(mail.get(0), "Reply-To")).contains("letters@blog.example.org");
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

    // the confirmation, then the welcome
    await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(address).size() == 2);

    var again = api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));

    assertThat(again.status()).isEqualTo(first.status()).isEqualTo(202);
    assertThat(again.raw().body()).isEqualTo(first.raw().body());
    assertThat(TestMail.to(address)).hasSize(2);
    assertThat(subscribers.findAll().stream().filter(s -> s.email().equals(address))).hasSize(1);
  }

  /**
   * A phone that capitalises an address's first letter does not make a second subscriber, who would
   * get every post twice: the address is the one first typed, whatever case it is typed in later.
   */
  @Test
  void anAddressTypedInAnotherCaseIsTheSameReader() {
    String run = UUID.randomUUID().toString();
    String typed = "Ada-" + run + "@example.org";
    api().post("/api/subscriptions", ApiClient.json(Map.of("email", typed)));
    String token = TestMail.token(TestMail.to(typed).get(0));
    api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));
    await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(typed).size() == 2);

    for (String other : List.of("ada-" + run + "@example.org", "ADA-" + run + "@Example.Org")) {
      var again = api().post("/api/subscriptions", ApiClient.json(Map.of("email", other)));
      assertThat(again.status()).isEqualTo(202);
      assertThat(subscribers.findByAddress(other).orElseThrow().email()).isEqualTo(typed);
    }

    assertThat(TestMail.to("ada-" + run + "@example.org")).isEmpty();
    assertThat(TestMail.to(typed)).as("no second confirmation").hasSize(2);
    assertThat(
            subscribers.findAll().stream()
                .filter(subscriber -> subscriber.email().equalsIgnoreCase(typed)))
        .hasSize(1);
  }

  /**
   * "josé" typed with its accent as a mark of its own (as some keyboards and pasted text write it)
   * is the "josé" it looks like: one reader, asked once to confirm.
   */
  @Test
  void anAddressWithItsAccentAsAMarkIsTheAddressItLooksLike() {
    String composed = "jos\u00e9-" + UUID.randomUUID() + "@example.org";
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    assertThat(decomposed).isNotEqualTo(composed);

    for (String typed : List.of(decomposed, composed)) {
      assertThat(api().post("/api/subscriptions", ApiClient.json(Map.of("email", typed))).status())
          .isEqualTo(202);
    }

    assertThat(subscribers.findByAddress(composed).orElseThrow().email()).isEqualTo(composed);
    assertThat(
            subscribers.findAll().stream()
                .filter(
                    subscriber ->
                        subscriber.email().equals(composed)
                            || subscriber.email().equals(decomposed)))
        .hasSize(1);
    assertThat(TestMail.to(composed)).hasSize(2);
    assertThat(TestMail.to(decomposed)).isEmpty();
  }

  /** A domain in its own script is mailed in the ASCII form every mail server reads. */
  @Test
  void anInternationalDomainIsKeptInTheFormMailServersRead() {
    String local = "leser-" + UUID.randomUUID();

    var subscribed =
        api()
            .post("/api/subscriptions", ApiClient.json(Map.of("email", local + "@Bücher.example")));

    assertThat(subscribed.status()).isEqualTo(202);
    String address = local + "@xn--bcher-kva.example";
    assertThat(subscribers.findByAddress(address).orElseThrow().email()).isEqualTo(address);
    assertThat(TestMail.to(address)).hasSize(1);
  }

  @Test
  void aReaderWhoConfirmsIsWelcomedOnceWithTheLinksToChangeTheirMind() throws Exception {
    String address = "welcome-" + UUID.randomUUID() + "@example.org";
    api()
        .post(
            "/api/subscriptions",
            ApiClient.json(Map.of("email", address, "tags", List.of("Travel", "food"))));
    String token = TestMail.token(TestMail.to(address).get(0));
    var confirm = ApiClient.json(Map.of("token", token));

    api().post("/api/subscriptions/confirm", confirm);
    // a second click on the link confirms nothing new, and welcomes nobody again
    assertThat(api().post("/api/subscriptions/confirm", confirm).status()).isEqualTo(200);

    var welcome =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> TestMail.to(address), mails -> mails.size() == 2)
            .get(1);
    assertThat(welcome.getSubject()).isEqualTo("You are subscribed to Inkwell");
    String body = TestMail.body(welcome);
    assertThat(body)
        .contains(
            "each new post tagged travel, food comes to this address, whole, as it is published");
    assertThat(TestMail.header(welcome, "List-Unsubscribe-Post"))
        .isEqualTo("List-Unsubscribe=One-Click");
    // its links work: the preferences page knows them, one click unsubscribes
    String manage = body.replaceAll("(?s).*preferences\\?token=([A-Za-z0-9_.-]+).*", "$1");
    assertThat(api().get("/api/subscriptions/preferences?token=" + manage).text("email"))
        .isEqualTo(address);
    String oneClick = TestMail.header(welcome, "List-Unsubscribe").replaceAll("^<([^>]+)>.*", "$1");
    String unsubscribe = oneClick.substring(oneClick.indexOf("/api/"));
    assertThat(
            api()
                .postAs(
                    unsubscribe, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click")
                .status())
        .isEqualTo(200);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    assertThat(TestMail.to(address)).hasSize(2);
  }

  @Test
  void aReaderWhoAsksForAWeeklyDigestIsToldWhenItComesAndNobodyElseCanChangeIt() {
    String address = "weekly-" + UUID.randomUUID() + "@example.org";
    api()
        .post(
            "/api/subscriptions", ApiClient.json(Map.of("email", address, "frequency", "WEEKLY")));
    String token = TestMail.token(TestMail.to(address).get(0));
    api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));

    var welcome =
        await()
            .atMost(Duration.ofSeconds(10))
            .until(() -> TestMail.to(address), mails -> mails.size() == 2)
            .get(1);
    assertThat(TestMail.body(welcome))
        .contains(
            "each new post comes to this address, in one mail a week, on Mondays at 08:00 (UTC)");
    assertThat(subscribers.findByAddress(address).orElseThrow().frequency())
        .isEqualTo(Frequency.WEEKLY);

    // someone else typing the address with another choice changes nothing
    var again =
        api()
            .post(
                "/api/subscriptions",
                ApiClient.json(Map.of("email", address, "frequency", "INSTANTLY")));
    assertThat(again.status()).isEqualTo(202);
    assertThat(subscribers.findByAddress(address).orElseThrow().frequency())
        .isEqualTo(Frequency.WEEKLY);
    assertThat(
            api()
                .post(
                    "/api/subscriptions",
                    ApiClient.json(Map.of("email", "x-" + address, "frequency", "HOURLY")))
                .status())
        .isEqualTo(400);
  }

  @Test
  void theErrorPathAskedForDirectlyIsNotFound() {
    assertProblem(api().get("/error"), 404);
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

  /**
   * Whoever gets the mail that asks to confirm a subscription they did not ask for says so with its
   * second link, or its one-click unsubscribe: the address is typed into the form again, in any
   * case, and nothing more is mailed to it. The confirmation link of a mail that went to the
   * address is its owner's too, and undoes it.
   */
  @Test
  void whoeverDidNotAskSaysNeverAndTheFormMailsThemNothingAgain() {
    String local = "not-me-" + UUID.randomUUID();
    String address = local + "@example.org";
    api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));
    var asking = TestMail.to(address).get(0);
    assertThat(TestMail.body(asking))
        .contains("Did not ask? Never mail me from")
        .contains("https://blog.example.org/subscriptions/never?token=");
    String oneClick = TestMail.header(asking, "List-Unsubscribe").replaceAll("^<([^>]+)>.*", "$1");
    assertThat(oneClick).contains("/api/subscriptions/never?token=");
    String refusal = oneClick.substring(oneClick.indexOf("/api/"));
    // the link to confirm is not the link to refuse, nor is a forged one
    assertProblem(api().post("/api/subscriptions/never?token=" + TestMail.token(asking), ""), 400);
    assertProblem(api().post(refusal.substring(0, refusal.length() - 2) + "xx", ""), 400);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.PENDING);

    for (int click = 0; click < 2; click++) {
      var refused =
          api().postAs(refusal, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
      assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
      assertThat(refused.text("status")).isEqualTo("REFUSED");
    }
    for (String typed :
        List.of(address, local.toUpperCase(java.util.Locale.ROOT) + "@example.org")) {
      assertThat(api().post("/api/subscriptions", ApiClient.json(Map.of("email", typed))).status())
          .isEqualTo(202);
    }
    assertThat(TestMail.to(address)).hasSize(1);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    var kept =
        admin()
            .post("/api/subscribers/personal-data", ApiClient.json(Map.of("email", address)))
            .json();
    assertThat(kept.path("subscription").path("refusedAt").asString())
        .as("what is kept")
        .isNotBlank();

    var changedTheirMind =
        api()
            .post(
                "/api/subscriptions/confirm",
                ApiClient.json(Map.of("token", TestMail.token(asking))));
    assertThat(changedTheirMind.status()).isEqualTo(200);
    assertThat(statusOf(address)).isEqualTo(SubscriberStatus.CONFIRMED);
    await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(address).size() == 2);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"email\": \"not-an-email\"}",
        "{\"email\": \"a@b\"}",
        "{\"email\": \"\"}",
        "{\"email\": {\"$gt\": \"\"}}",
        "{\"email\": \"two@at@example.org\"}",
        // what no mail server takes, or Jakarta Mail cannot even write
        "{\"email\": \"ada@[127.0.0.1]\"}",
        "{\"email\": \"ada@192.168.0.1\"}",
        "{\"email\": \"ada@exa_mple.org\"}",
        "{\"email\": \"ada@-example.org\"}",
        "{\"email\": \"ada@example.org.\"}",
        "{\"email\": \"ada..lovelace@example.org\"}",
        "{\"email\": \"\\\"ada lovelace\\\"@example.org\"}",
        "{\"email\": \"Ada <ada@example.org>\"}",
        "{\"email\": \"a@example.org\", \"tags\": [\"$where\"]}",
        "{\"email\": \"a@example.org\", \"tags\": [1]}",
        "{}",
        "{\"email\": "
      })
  void invalidAddressesAreRejectedAndNothingIsMailed(String body) {
    long before = subscribers.count();

    assertProblem(api().post("/api/subscriptions", body), 400);
    assertThat(subscribers.count()).isEqualTo(before);
  }

  /**
   * A body that cannot be read at all (multipart without its boundary, or cut short) is the
   * client's error like malformed JSON; a form where JSON belongs is unsupported however it is
   * written. Nobody is added.
   */
  @Test
  void unreadableBodiesAreProblemsAndAddNobody() {
    long before = subscribers.count();

    assertProblem(
        api().postAs("/api/subscriptions", "multipart/form-data", "email=a@example.org"), 400);
    assertProblem(
        admin()
            .postAs(
                "/api/subscribers/import",
                "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nb@example.org"),
        400);
    assertProblem(
        api()
            .putAs(
                "/api/subscriptions/preferences?token=x",
                "application/x-www-form-urlencoded",
                "tags=%ff%zz"),
        415);
    assertThat(subscribers.count()).isEqualTo(before);
  }

  /**
   * An address typed into the form whose owner never confirmed is forgotten after 30 days (Ghost
   * makes no member before the link is followed); one that unsubscribed stays unsubscribed whoever
   * types it again, and is remembered so, until its owner confirms with the new mail's link.
   */
  @Test
  void anAddressNobodyConfirmedIsForgottenAndOneThatUnsubscribedIsRemembered() {
    String never = "never-" + UUID.randomUUID() + "@example.org";
    String lately = "lately-" + UUID.randomUUID() + "@example.org";
    String again = "again-" + UUID.randomUUID() + "@example.org";
    String gone = "gone-" + UUID.randomUUID() + "@example.org";
    for (String address : List.of(never, lately, again, gone)) {
      api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));
    }
    String token = TestMail.token(TestMail.to(gone).get(0));
    api().post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));
    // the welcome, then a click on its unsubscribe link
    await().atMost(Duration.ofSeconds(10)).until(() -> TestMail.to(gone).size() == 2);
    String id = subscribers.findByAddress(gone).orElseThrow().id();
    api().post("/api/subscriptions/unsubscribe?token=" + subscriptions.unsubscribeToken(id), "");
    // someone types the address again
    assertThat(api().post("/api/subscriptions", ApiClient.json(Map.of("email", gone))).status())
        .isEqualTo(202);
    assertThat(statusOf(gone)).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    Instant monthAgo = Instant.now().minus(Duration.ofDays(31));
    mongo.updateMulti(
        Query.query(Criteria.where("email").in(never, gone)),
        new Update().set("createdAt", monthAgo).set("askedAt", monthAgo),
        Subscriber.class);
    // first typed a month ago, asked again today: today's link works its day
    mongo.updateFirst(
        Query.query(Criteria.where("email").is(again)),
        new Update().set("createdAt", monthAgo),
        Subscriber.class);

    unconfirmed.forget();

    assertThat(subscribers.findByAddress(never)).isEmpty();
    assertThat(statusOf(lately)).isEqualTo(SubscriberStatus.PENDING);
    assertThat(statusOf(again)).isEqualTo(SubscriberStatus.PENDING);
    assertThat(
            api()
                .post(
                    "/api/subscriptions/confirm",
                    ApiClient.json(Map.of("token", TestMail.token(TestMail.to(again).get(0)))))
                .status())
        .isEqualTo(200);
    assertThat(statusOf(gone)).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    String goneAgain = TestMail.token(TestMail.to(gone).get(2));
    assertThat(
            api()
                .post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", goneAgain)))
                .status())
        .isEqualTo(200);
    assertThat(statusOf(gone)).isEqualTo(SubscriberStatus.CONFIRMED);
  }

  private SubscriberStatus statusOf(String address) {
    return subscribers.findByAddress(address).orElseThrow().status();
  }

  private static void assertProblem(ApiClient.Response response, int status) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    assertThat(response.text("type")).startsWith("https://inkwell.dev/problems/");
  }
}
