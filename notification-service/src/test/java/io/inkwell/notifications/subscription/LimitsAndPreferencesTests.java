package io.inkwell.notifications.subscription;

import static io.inkwell.notifications.Subscribing.confirmedSubscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.RateWindows;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

class LimitsAndPreferencesTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern MANAGE =
      Pattern.compile("preferences\\?token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");

  @Autowired private KafkaTemplate<String, String> kafka;

  @Test
  void anAddressGetsAtMostThreeConfirmationMailsADayWhoeverAsks() {
    RateWindows.roomLeftIn(Duration.ofDays(1), Duration.ofMinutes(1));
    String address = "bombed-" + UUID.randomUUID() + "@example.org";

    for (int i = 0; i < 5; i++) {
      assertThat(
              api().post("/api/subscriptions", ApiClient.json(Map.of("email", address))).status())
          .isEqualTo(202);
    }

    assertThat(TestMail.to(address)).hasSize(3);
  }

  @Test
  void oneClientAskingTooOftenIsToldToWait() {
    RateWindows.roomLeftIn(Duration.ofHours(1), Duration.ofMinutes(1));
    var client = api();
    for (int i = 0; i < 5; i++) {
      String address = "many-" + UUID.randomUUID() + "@example.org";
      assertThat(
              client.post("/api/subscriptions", ApiClient.json(Map.of("email", address))).status())
          .isEqualTo(202);
    }

    var refused =
        client.post("/api/subscriptions", ApiClient.json(Map.of("email", "one-more@example.org")));

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
    assertThat(TestMail.to("one-more@example.org")).isEmpty();
  }

  @Test
  void aSubscriberChoosesTagsOrPausesWithTheLinkInTheirMail() throws Exception {
    String address = "choosy-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), address);
    publish("First for everyone", List.of("notes"));
    String token = manageToken(awaitMail(address, "First for everyone"));

    var preferences = api().get("/api/subscriptions/preferences?token=" + token);
    assertThat(preferences.status()).isEqualTo(200);
    assertThat(preferences.text("email")).isEqualTo(address);
    assertThat(preferences.json().path("tags").size()).isZero();

    var changed =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + token,
                ApiClient.json(Map.of("tags", List.of(" Travel "), "paused", false)));
    assertThat(changed.json().path("tags").toString()).isEqualTo("[\"travel\"]");
    publish("About conferences", List.of("conferences"));
    publish("About travel", List.of("travel"));
    awaitMail(address, "About travel");
    assertThat(mails(address, "About conferences")).isEmpty();

    api()
        .put(
            "/api/subscriptions/preferences?token=" + token,
            ApiClient.json(Map.of("paused", true)));
    publish("While paused", List.of("travel"));
    String marker = "marker-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), marker);
    publish("After the pause began", List.of("travel"));
    awaitMail(marker, "After the pause began");
    assertThat(mails(address, "While paused")).isEmpty();
    assertThat(mails(address, "After the pause began")).isEmpty();

    var weekly =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + token,
                ApiClient.json(Map.of("frequency", "WEEKLY")));
    assertThat(weekly.status()).as(weekly.toString()).isEqualTo(200);
    assertThat(weekly.text("frequency")).isEqualTo("WEEKLY");
    assertThat(weekly.json().path("paused").asBoolean()).as("left out: as it was").isTrue();

    var hourly =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + token,
                "{\"frequency\": \"HOURLY\", \"paused\": false}");
    assertThat(hourly.status()).isEqualTo(400);
    assertThat(hourly.text("detail"))
        .as("what the field takes")
        .isEqualTo("frequency must be one of INSTANTLY, DAILY, WEEKLY.");
    var twice =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + token,
                "{\"paused\": true, \"paused\": false}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.text("detail")).isEqualTo("paused is given more than once.");
    assertThat(
            api()
                .get("/api/subscriptions/preferences?token=" + token)
                .json()
                .path("paused")
                .asBoolean())
        .as("nothing of a refused change is kept")
        .isTrue();

    assertThat(api().get("/api/subscriptions/preferences?token=forged.token").status())
        .isEqualTo(400);
  }

  /**
   * A tag chosen with its accent typed as a mark of its own ("Cafe\u0301", as some keyboards and
   * pasted text write it) is the tag it looks like, which post-service writes composed.
   */
  @Test
  void aTagChosenWithItsAccentAsAMarkIsTheTagItLooksLike() throws Exception {
    String address = "cafe-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), address, List.of("Cafe\u0301s"));

    publish("Two cafés", List.of("caf\u00e9s"));

    awaitMail(address, "Two cafés");
  }

  /**
   * A tag chosen as it was pasted or typed is the tag as posts have it: a no-break space a space, a
   * zero-width space gone, Turkish's "İ" an "i".
   */
  @Test
  void aTagChosenAsItWasPastedOrTypedIsTheTagAsPostsHaveIt() throws Exception {
    String address = "trips-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(
        api(), address, List.of("Road\u00a0Trips", "\u0130zmir", "Zero\u200bWidth"));

    publish("Along the coast", List.of("road trips"));
    publish("Along the bay", List.of("izmir"));
    publish("Along the line", List.of("zerowidth"));

    awaitMail(address, "Along the coast");
    awaitMail(address, "Along the bay");
    awaitMail(address, "Along the line");
  }

  /**
   * A reader who chose a tag with its accent as a mark of its own before tags were composed gets
   * the posts of the tag it looks like once the service has started again.
   */
  @Test
  void aTagChosenBeforeTagsWereComposedIsComposedAtStart(
      @Autowired ComposedTags composedTags, @Autowired MongoTemplate mongo) throws Exception {
    String address = "tea-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), address, List.of("th\u00e9", "travel"));
    // as they were stored before
    mongo.updateFirst(
        Query.query(Criteria.where("email").is(address)),
        new Update().set("tags", List.of("the\u0301", "travel")),
        "subscribers");

    assertThat(composedTags.compose()).isEqualTo(1);
    publish("Green thé", List.of("th\u00e9"));

    awaitMail(address, "Green thé");
    assertThat(composedTags.compose()).as("a second start finds nothing to do").isZero();
  }

  /** Posts go on one key, so each is handled after the one before. */
  private void publish(String title, List<String> tags) throws Exception {
    var event = Contracts.happening("post-published");
    event.put("postId", UUID.randomUUID().toString());
    event.put("title", title);
    event.set("tags", JSON.valueToTree(tags));
    kafka.send("blog.post-events", "preferences-test", JSON.writeValueAsString(event)).get();
  }

  private static jakarta.mail.internet.MimeMessage awaitMail(String address, String subject) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mails(address, subject), found -> found.size() == 1)
        .get(0);
  }

  private static List<jakarta.mail.internet.MimeMessage> mails(String address, String subject) {
    return TestMail.to(address).stream()
        .filter(
            mail -> {
              try {
                return subject.equals(mail.getSubject());
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static String manageToken(jakarta.mail.internet.MimeMessage mail) {
    Matcher matcher = MANAGE.matcher(TestMail.body(mail).replace("=\r\n", ""));
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }
}
