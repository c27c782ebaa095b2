package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.inkwell.notifications.delivery.Delivery;
import io.inkwell.notifications.delivery.DeliveryStatus;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.TestMongo;
import io.inkwell.testsupport.TestTokens;
import io.inkwell.testsupport.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * With the mail server unreachable, subscribing answers a problem+json 503 with Retry-After, not a
 * 500, and the address waits as pending; mails wait for the server's return. Its own context: the
 * module's SMTP server stays up.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.mail.host=localhost",
      "spring.mail.properties.mail.smtp.connectiontimeout=2000",
      "inkwell.notifications.notice-retry-interval=1s",
      "inkwell.notifications.send-interval=100ms",
      "inkwell.notifications.max-attempts=2",
      // the mail server's return is noticed within seconds, not the minute a long outage waits
      "inkwell.notifications.longest-outage-pause=4s",
      // a consumer group of its own: the post events this context reads are not the other's
      "spring.kafka.consumer.group-id=mail-down-test",
      // and no blog name or language other tests set: its mails are the configured blog's
      "inkwell.notifications.site-events-topic=mail-down-test.site-events"
    })
class MailServerDownTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${local.server.port}")
  private int port;

  @Autowired private Subscribers subscribers;

  @Autowired private Tokens tokens;

  @Autowired private MongoOperations mongo;

  @Autowired private KafkaTemplate<String, String> kafka;

  @Autowired private MeterRegistry meters;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  /** Where the mail server would be: nothing listens there, except where a test starts one. */
  private static final int SMTP_PORT = freePort();

  @DynamicPropertySource
  static void nothingListens(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("notifications-mail-down"));
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens::jwksUri);
    registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> TestTokens.ISSUER);
  }

  @Test
  void confirmationsThatCouldNotBeSentDoNotUseUpTheAddresssFewADay() {
    String email = "persistent-" + UUID.randomUUID() + "@example.org";
    var client = new ApiClient("http://localhost:" + port, "198.51.100.78");
    for (int i = 0; i < 3; i++) {
      assertThat(client.post("/api/subscriptions", ApiClient.json(Map.of("email", email))).status())
          .isEqualTo(503);
    }

    var mailServer = mailServerBack();
    try {
      assertThat(client.post("/api/subscriptions", ApiClient.json(Map.of("email", email))).status())
          .isEqualTo(202);
      // mails that waited for the server (other tests' readers) may arrive too
      assertThat(mailServer.getReceivedMessages())
          .filteredOn(message -> recipient(message).equals(email))
          .hasSize(1);
    } finally {
      mailServer.stop();
    }
  }

  @Test
  void subscribingWhileMailIsDownIsA503AndTheAddressWaits() {
    String email = "patient-" + UUID.randomUUID() + "@example.org";

    var answer =
        new ApiClient("http://localhost:" + port, "198.51.100.77")
            .post("/api/subscriptions", ApiClient.json(Map.of("email", email)));

    assertThat(answer.status()).isEqualTo(503);
    assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(answer.header("Retry-After")).isEqualTo("60");
    assertThat(subscribers.findByAddress(email))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SubscriberStatus.PENDING));
  }

  @Test
  void aReaderWhoConfirmsWhileMailIsDownIsWelcomedOnceWhenItIsBack() throws Exception {
    String email = "welcome-later-" + UUID.randomUUID() + "@example.org";
    var subscriber =
        subscribers.save(Subscriber.pending(email, List.of(), Frequency.INSTANTLY, Instant.now()));
    // the link of the confirmation mail that went out before the mail server fell over
    String token =
        tokens.issue(subscriber.id(), Tokens.Purpose.CONFIRM, Instant.now().plusSeconds(3600));
    var client = new ApiClient("http://localhost:" + port, "198.51.100.79");

    var confirmed =
        client.post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)));

    assertThat(confirmed.status()).as("confirming does not wait for the mail").isEqualTo(200);
    assertThat(subscribers.findByAddress(email))
        .hasValueSatisfying(s -> assertThat(s.status()).isEqualTo(SubscriberStatus.CONFIRMED));
    var mailServer = mailServerBack();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> welcomes(mailServer, email) == 1);
      // and only once: later rounds find nothing due
      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(10))
          .until(() -> welcomes(mailServer, email) == 1);
      var welcome =
          java.util.Arrays.stream(mailServer.getReceivedMessages())
              .filter(message -> recipient(message).equals(email))
              .findFirst()
              .orElseThrow();
      assertThat(welcome.getMessageID())
          .as("the same on every try")
          .isEqualTo("<welcome." + subscriber.id() + "@inkwell.localhost>");
    } finally {
      mailServer.stop();
    }
  }

  /**
   * A post published while the mail server is away reaches its subscribers when it is back, however
   * long that takes: waiting for the server uses up none of a mail's attempts (two here, about two
   * seconds of retries), and operators see the mail owed meanwhile.
   */
  @Test
  void aPostPublishedWhileMailIsDownReachesItsSubscribersWhenItIsBack() throws Exception {
    String email = "reader-" + UUID.randomUUID() + "@example.org";
    var subscriber =
        subscribers.save(Subscriber.pending(email, List.of(), Frequency.INSTANTLY, Instant.now()));
    String token =
        tokens.issue(subscriber.id(), Tokens.Purpose.CONFIRM, Instant.now().plusSeconds(3600));
    var client = new ApiClient("http://localhost:" + port, "198.51.100.80");
    assertThat(
            client
                .post("/api/subscriptions/confirm", ApiClient.json(Map.of("token", token)))
                .status())
        .isEqualTo(200);
    String postId = UUID.randomUUID().toString();
    String title = "Written in the outage " + postId.substring(0, 8);
    var event = Contracts.happening("post-published");
    event.put("postId", postId);
    event.put("title", title);
    kafka.send("blog.post-events", postId, JSON.writeValueAsString(event)).get();

    String deliveryId = postId + ":" + subscriber.id();
    await().atMost(Duration.ofSeconds(30)).until(() -> delivery(deliveryId) != null);
    await()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(12))
        .until(() -> delivery(deliveryId).status() != DeliveryStatus.FAILED);
    assertThat(delivery(deliveryId).lastError()).as("it was tried").isNotNull();
    assertThat(meters.get("inkwell.deliveries.due").gauge().value()).isGreaterThanOrEqualTo(1);
    assertThat(meters.get("inkwell.deliveries.overdue").gauge().value()).isGreaterThan(5);

    var mailServer = mailServerBack();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> delivery(deliveryId).status() == DeliveryStatus.SENT);
      assertThat(
              java.util.Arrays.stream(mailServer.getReceivedMessages())
                  .filter(message -> subject(message).equals(title)))
          .hasSize(1);
    } finally {
      mailServer.stop();
    }
  }

  /**
   * A draft submitted for review while the mail server is away reaches the editor when it is back:
   * the request waits recorded, not on the event's redelivery (whose retries would end on the
   * dead-letter topic long before an outage does).
   */
  @Test
  void aDraftSubmittedWhileMailIsDownReachesTheEditorWhenItIsBack() throws Exception {
    String run = UUID.randomUUID().toString();
    String editorId = "editor-" + run;
    String editor = editorId + "@example.org";
    var staffChanged = Contracts.example("staff-changed");
    staffChanged.put("eventId", UUID.randomUUID().toString());
    staffChanged.put("staffId", editorId);
    staffChanged.put("email", editor);
    staffChanged.put("role", "EDITOR");
    staffChanged.put("suspended", false);
    staffChanged.put("reviewMails", true);
    staffChanged.put("occurredAt", Instant.now().toString());
    kafka.send("blog.staff-events", editorId, staffChanged.toString()).join();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> mongo.findById(editorId, org.bson.Document.class, "staff") != null);
    var submitted = Contracts.example("post-submitted");
    submitted.put("eventId", UUID.randomUUID().toString());
    submitted.put("postId", "post-" + run);
    submitted.put("title", "Drafted in the outage " + run.substring(0, 8));

    var sent = kafka.send("blog.post-events", "post-" + run, submitted.toString()).join();

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Topics.consumed(brokers, "mail-down-test-reviews", sent.getRecordMetadata()));
    // the request waited out the first try it is left to (30 s) before the sweep takes it
    var waiting =
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("to").is(editor));
    assertThat(
            mongo
                .updateMulti(
                    waiting,
                    org.springframework.data.mongodb.core.query.Update.update(
                        "createdAt", Instant.now().minus(Duration.ofMinutes(1))),
                    "review_requests")
                .getModifiedCount())
        .as("the request is recorded, unsent")
        .isEqualTo(1);
    var mailServer = mailServerBack();
    try {
      await()
          .atMost(Duration.ofSeconds(90))
          .until(
              () ->
                  java.util.Arrays.stream(mailServer.getReceivedMessages())
                      .anyMatch(message -> recipient(message).equals(editor)));
      assertThat(mailServer.getReceivedMessages())
          .filteredOn(message -> recipient(message).equals(editor))
          .singleElement()
          .satisfies(
              mail ->
                  assertThat(mail.getSubject())
                      .isEqualTo(
                          "Ready for review: \"Drafted in the outage "
                              + run.substring(0, 8)
                              + "\""));
    } finally {
      mailServer.stop();
    }
  }

  /** The mail server, listening at last where the service looks for it. */
  private static GreenMail mailServerBack() {
    var mailServer =
        new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
    mailServer.start();
    return mailServer;
  }

  private Delivery delivery(String id) {
    return mongo.findById(id, Delivery.class);
  }

  private static String subject(jakarta.mail.Message message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private static long welcomes(GreenMail mailServer, String email) throws Exception {
    long count = 0;
    for (var message : mailServer.getReceivedMessages()) {
      if (recipient(message).equals(email)
          && message.getSubject().startsWith("You are subscribed to")) {
        count++;
      }
    }
    return count;
  }

  private static String recipient(jakarta.mail.Message message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException unreadable) {
      throw new IllegalStateException(unreadable);
    }
  }

  private static int freePort() {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
