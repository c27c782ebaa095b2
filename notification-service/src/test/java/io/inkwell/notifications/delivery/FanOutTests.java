package io.inkwell.notifications.delivery;

import static io.inkwell.notifications.Subscribing.confirmedSubscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.notifications.subscription.Frequency;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import io.inkwell.notifications.subscription.Subscribers;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FanOutTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private Subscribers subscribers;
  @Autowired private org.springframework.data.mongodb.core.MongoOperations mongo;
  @Autowired private io.micrometer.core.instrument.MeterRegistry meters;

  @org.springframework.beans.factory.annotation.Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Test
  void aPublishedPostReachesEveryConfirmedSubscriberOnceWholeWithItsLinks() {
    List<String> confirmed = addresses(3);
    confirmed.forEach(address -> confirmedSubscriber(api(), address));
    String pending = addresses(1).get(0);
    api().post("/api/subscriptions", ApiClient.json(Map.of("email", pending)));
    String postId = UUID.randomUUID().toString();

    publish(postId, postId);

    for (String address : confirmed) {
      MimeMessage mail = awaitPostMail(address, "Wrapping up the WPC");
      String body = TestMail.body(mail).replace("\r\n", "\n");
      assertThat(body)
          .as("the whole post, as Ghost's newsletters send it")
          .contains("The last day of the conference was the best one.\n\n[The hall]\n\n")
          .as("a link's address after its words, for a reader of plain text")
          .contains("See you next year <https://blog.example.org/posts/next-year>.")
          .contains("https://blog.example.org/posts/wrapping-up-the-wpc")
          .contains("https://blog.example.org/subscriptions/unsubscribe?token=")
          .contains("https://blog.example.org/subscriptions/preferences?token=");
      assertThat(TestMail.html(mail))
          .as("the cover heads the mail, a copy at twice the column's width, linked to the post")
          .contains(
              "<a href=\"https://blog.example.org/posts/wrapping-up-the-wpc\"><img"
                  + " src=\"https://blog.example.org/api/images/5d41402abc4b2a76b9719d911017c592.jpg?w=1000\""
                  + " alt=\"The conference hall, empty after the last talk\" width=\"600\" height=\"400\"");
      var page = Jsoup.parse(TestMail.html(mail));
      assertThat(page.title()).as("the page is named as the mail").isEqualTo("Wrapping up the WPC");
      assertThat(page.select("table[role=presentation][width=600] h1").text())
          .as("the post is read in one column as wide as its pictures are made for")
          .isEqualTo("Wrapping up the WPC");
      assertThat(page.select("h1 + p").text())
          .as("the byline: the event's author and the day it was published")
          .contains("Blog owner")
          .contains("2009");
      assertThat(TestMail.html(mail))
          .as("its paragraphs, its pictures as mail-sized copies, its links absolute")
          .contains("<p>The last day of the conference was the best one.</p>")
          .contains(
              "<img src=\"https://blog.example.org/api/images/5d41402abc4b2a76b9719d911017c592.jpg?w=1000\""
                  + " alt=\"The hall\" width=\"600\" height=\"400\"")
          .contains("<a href=\"https://blog.example.org/posts/next-year\">next year</a>")
          .doesNotContain("loading=");
      assertThat(TestMail.header(mail, "List-Unsubscribe"))
          .contains("<https://blog.example.org/api/subscriptions/unsubscribe?token=")
          .contains("<mailto:");
      assertThat(TestMail.header(mail, "List-Unsubscribe-Post"))
          .isEqualTo("List-Unsubscribe=One-Click");
      assertThat(TestMail.header(mail, "Reply-To"))
          .as("a reader's answer reaches an inbox someone reads")
          .isEqualTo("Letters <letters@blog.example.org>");
      String subscriberId = subscribers.findByAddress(address).orElseThrow().id();
      assertThat(TestMail.header(mail, "Message-ID"))
          .isEqualTo("<" + postId + "." + subscriberId + "@inkwell.localhost>");
    }
    assertThat(postMails(pending, "Wrapping up the WPC")).isEmpty();
    await()
        .atMost(MAIL_TIMEOUT)
        .until(
            () ->
                admin().get("/api/posts/" + postId + "/deliveries").json().path("sent").asInt()
                    >= 3);
  }

  /** A mail header may not carry control characters: a title with one is mailed with a space. */
  @Test
  void aTitleWithControlCharactersIsMailedWithSpacesInstead() {
    String reader = addresses(1).get(0);
    confirmedSubscriber(api(), reader);

    String postId = UUID.randomUUID().toString();
    publish(postId, postId, "Null\u0000and\u0007bell");

    var mail = awaitPostMail(reader, "Null and bell");
    assertThat(TestMail.html(mail)).contains("Null and bell").doesNotContain("\u0000");
  }

  @Test
  void aRedeliveredEventSendsNothingMore() {
    List<String> readers = addresses(2);
    readers.forEach(address -> confirmedSubscriber(api(), address));
    String postId = UUID.randomUUID().toString();
    publish(postId, postId);
    readers.forEach(address -> awaitPostMail(address, "Wrapping up the WPC"));

    publish(postId, postId);
    // A later post on the same partition: once it is mailed, the redelivery was handled too.
    String later = UUID.randomUUID().toString();
    var withoutCover = example(later, "The next post");
    withoutCover.remove("cover");
    // a post too long to mail whole comes without its body: its excerpt and a link
    withoutCover.remove("bodyHtml");
    send(postId, withoutCover);
    readers.forEach(
        address -> {
          var mail = awaitPostMail(address, "The next post");
          assertThat(TestMail.html(mail))
              .as("a post without a cover: a mail without a picture")
              .doesNotContain("<img")
              .contains("<p>A few notes from the last day of the conference");
          assertThat(TestMail.body(mail)).contains("Read it: https://blog.example.org/posts/");
        });

    for (String address : readers) {
      assertThat(postMails(address, "Wrapping up the WPC")).hasSize(1);
    }
  }

  /**
   * A post's event read again long after it was published (a consumer group whose offsets Kafka
   * forgot during a long outage reads its topic from the start) mails the subscribers there were
   * then, not everyone who subscribed since.
   */
  @Test
  void aPostPublishedReadLongAfterMailsNobodyWhoSubscribedSince() {
    List<String> readers = addresses(2);
    String longSubscribed = readers.get(0);
    String newcomer = readers.get(1);
    confirmedSubscriber(api(), longSubscribed);
    mongo.updateFirst(
        org.springframework.data.mongodb.core.query.Query.query(
            org.springframework.data.mongodb.core.query.Criteria.where("email").is(longSubscribed)),
        org.springframework.data.mongodb.core.query.Update.update(
            "confirmedAt", Instant.now().minus(Duration.ofDays(1))),
        Subscriber.class);
    confirmedSubscriber(api(), newcomer);
    String key = UUID.randomUUID().toString();
    var anHourAgo = example(key, "Published an hour ago");
    anHourAgo.put("occurredAt", Instant.now().minus(Duration.ofHours(1)).toString());

    send(key, anHourAgo);
    publish(UUID.randomUUID().toString(), key, "Published now");

    awaitPostMail(longSubscribed, "Published an hour ago");
    awaitPostMail(longSubscribed, "Published now");
    awaitPostMail(newcomer, "Published now");
    assertThat(postMails(newcomer, "Published an hour ago")).isEmpty();
  }

  @Test
  void anEventThatCannotBeReadGoesToTheDeadLetterTopicAndDoesNotBlockTheNext() throws Exception {
    String reader = addresses(1).get(0);
    confirmedSubscriber(api(), reader);
    String key = UUID.randomUUID().toString();
    String poison = "{\"type\": \"PostPublished\", \"postId\": " + key.hashCode() + "}";
    kafka.send("blog.post-events", key, poison).get();
    publish(UUID.randomUUID().toString(), key, "Behind the poison", false);

    awaitPostMail(reader, "Behind the poison");
    await()
        .atMost(MAIL_TIMEOUT)
        .until(
            () ->
                Topics.readAll(brokers, "blog.post-events-dlt").stream()
                    .map(record -> record.value())
                    .toList(),
            letters -> letters.contains(poison));
  }

  @Test
  void thePostEventsThatMailNobodyAreReadNotDeadLettered() throws Exception {
    String reader = addresses(1).get(0);
    confirmedSubscriber(api(), reader);
    String key = UUID.randomUUID().toString();
    var eventIds = new java.util.ArrayList<String>();
    for (String example : List.of("post-updated", "post-unpublished", "post-deleted")) {
      var event =
          (ObjectNode)
              JSON.readTree(
                  Files.readString(Path.of("../contracts/examples/" + example + ".json")));
      event.put("eventId", UUID.randomUUID().toString());
      event.put("postId", key);
      eventIds.add(event.path("eventId").asString());
      send(key, event);
    }
    publish(UUID.randomUUID().toString(), key, "After the quiet ones", false);

    awaitPostMail(reader, "After the quiet ones");
    assertThat(
            Topics.readAll(brokers, "blog.post-events-dlt").stream()
                .map(record -> record.value())
                .filter(letter -> eventIds.stream().anyMatch(letter::contains))
                .toList())
        .isEmpty();
  }

  @Test
  void importedOldPostsPagesAndPostsPublishedWithoutMailAreNotMailed() {
    String reader = addresses(1).get(0);
    confirmedSubscriber(api(), reader);
    String imported = UUID.randomUUID().toString();
    String page = UUID.randomUUID().toString();
    String quiet = UUID.randomUUID().toString();
    publish(imported, imported, "An old imported post", true);
    publish(page, imported, "About this blog", false, true);
    publishWithoutMail(quiet, imported, "A small correction");
    // A post after them on the same partition: once it is mailed, they were handled too.
    publish(UUID.randomUUID().toString(), imported, "A new post", false);

    awaitPostMail(reader, "A new post");
    assertThat(postMails(reader, "An old imported post")).isEmpty();
    assertThat(postMails(reader, "About this blog")).isEmpty();
    assertThat(postMails(reader, "A small correction")).isEmpty();
    assertThat(admin().get("/api/posts/" + imported + "/deliveries").json().path("total").asInt())
        .isZero();
    assertThat(admin().get("/api/posts/" + page + "/deliveries").json().path("total").asInt())
        .isZero();
  }

  @Test
  void aOneClickUnsubscribeStopsTheNextPost() throws Exception {
    String leaving = addresses(1).get(0);
    String staying = addresses(1).get(0);
    confirmedSubscriber(api(), leaving);
    confirmedSubscriber(api(), staying);
    String first = UUID.randomUUID().toString();
    publish(first, first);
    MimeMessage mail = awaitPostMail(leaving, "Wrapping up the WPC");
    String header = TestMail.header(mail, "List-Unsubscribe");
    String url = header.substring(header.indexOf('<') + 1, header.indexOf('>'));
    String path = url.substring("https://blog.example.org".length());

    var unsubscribed =
        api().postAs(path, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

    assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);
    String second = UUID.randomUUID().toString();
    publish(second, second, "After leaving");
    awaitPostMail(staying, "After leaving");
    await()
        .atMost(MAIL_TIMEOUT)
        .until(
            () ->
                admin().get("/api/posts/" + second + "/deliveries").json().path("pending").asInt()
                    == 0);
    assertThat(postMails(leaving, "After leaving")).isEmpty();
  }

  @Test
  void aSubscriberAnAdminErasedIsMailedNoMore() {
    String forgotten = addresses(1).get(0);
    String staying = addresses(1).get(0);
    confirmedSubscriber(api(), forgotten);
    confirmedSubscriber(api(), staying);
    String id = subscribers.findByAddress(forgotten).orElseThrow().id();

    double erasedBefore = erased();

    assertThat(admin().delete("/api/subscribers/" + id).status()).isEqualTo(204);

    assertThat(erased()).as("operators see erasures counted").isEqualTo(erasedBefore + 1);

    assertThat(subscribers.findByAddress(forgotten)).as("the address is gone").isEmpty();
    String postId = UUID.randomUUID().toString();
    publish(postId, postId, "After forgetting");
    awaitPostMail(staying, "After forgetting");
    await()
        .atMost(MAIL_TIMEOUT)
        .until(
            () ->
                admin().get("/api/posts/" + postId + "/deliveries").json().path("pending").asInt()
                    == 0);
    assertThat(postMails(forgotten, "After forgetting")).isEmpty();
    var again = admin().delete("/api/subscribers/" + id);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.header("Content-Type")).isEqualTo("application/problem+json");
  }

  /**
   * An address no mail can carry (stored before addresses were checked) fails alone and is mailed
   * no more; every other subscriber, the ones sent in the same batch too, gets the post.
   */
  @Test
  void anAddressNoMailCanCarryFailsAloneAndEveryoneElseGetsThePost() {
    List<String> readers = addresses(2);
    readers.forEach(address -> confirmedSubscriber(api(), address));
    Instant now = Instant.now();
    Subscriber unwritable =
        subscribers.insert(
            new Subscriber(
                UUID.randomUUID().toString(),
                "legacy-" + UUID.randomUUID() + "@exa_mple.org",
                SubscriberStatus.CONFIRMED,
                List.of(),
                false,
                now,
                now,
                Frequency.INSTANTLY));
    String postId = UUID.randomUUID().toString();

    publish(postId, postId);

    readers.forEach(address -> awaitPostMail(address, "Wrapping up the WPC"));
    var report =
        await()
            .atMost(MAIL_TIMEOUT)
            .until(
                () -> admin().get("/api/posts/" + postId + "/deliveries").json(),
                counts -> counts.path("pending").asInt() == 0);
    assertThat(report.path("failed").asInt()).isEqualTo(1);
    assertThat(report.path("sent").asInt())
        .as("everyone else, but those waiting for a digest or no longer mailed")
        .isEqualTo(
            report.path("total").asInt()
                - 1
                - report.path("skipped").asInt()
                - report.path("waitingForDigest").asInt());
    assertThat(subscribers.findById(unwritable.id()).orElseThrow().status())
        .isEqualTo(SubscriberStatus.BOUNCING);
  }

  private double erased() {
    return meters.counter("inkwell.subscriptions", "change", "erased").count();
  }

  private void publish(String postId, String key) {
    publish(postId, key, "Wrapping up the WPC");
  }

  private void publish(String postId, String key, String title) {
    publish(postId, key, title, false);
  }

  private void publish(String postId, String key, String title, boolean imported) {
    publish(postId, key, title, imported, false);
  }

  private void publish(String postId, String key, String title, boolean imported, boolean page) {
    var event = example(postId, title);
    event.put("imported", imported);
    event.put("page", page);
    send(key, event);
  }

  /** Ghost's "Publish only": the author chose not to mail this one. */
  private void publishWithoutMail(String postId, String key, String title) {
    var event = example(postId, title);
    event.put("mailSubscribers", false);
    send(key, event);
  }

  /** The contract's example event, for a post of our own published now. */
  private static ObjectNode example(String postId, String title) {
    var event = Contracts.happening("post-published");
    event.put("postId", postId);
    event.put("title", title);
    return event;
  }

  private void send(String key, ObjectNode event) {
    try {
      kafka.send("blog.post-events", key, JSON.writeValueAsString(event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static MimeMessage awaitPostMail(String address, String subject) {
    return await()
        .atMost(MAIL_TIMEOUT)
        .until(() -> postMails(address, subject), mails -> mails.size() == 1)
        .get(0);
  }

  private static List<MimeMessage> postMails(String address, String subject) {
    return TestMail.to(address).stream()
        .filter(
            mail -> {
              try {
                return subject.equals(mail.getSubject());
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static List<String> addresses(int count) {
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> "reader-" + UUID.randomUUID() + "@example.org")
        .toList();
  }
}
