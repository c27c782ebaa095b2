package io.inkwell.notifications.delivery;

import static io.inkwell.notifications.Subscribing.confirmedSubscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.TestMail;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.site.SiteName;
import io.inkwell.notifications.site.TestSite;
import io.inkwell.notifications.subscription.Frequency;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import io.inkwell.notifications.subscription.Subscribers;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Daily and weekly digests (WordPress.com's email frequency, the daily mail of Blogger's "Follow by
 * email"): a subscriber who chose one gets the posts of the day in one mail at the digest hour,
 * each post in exactly one digest, while everyone else gets each post as it is published.
 */
class DigestTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private Subscribers subscribers;
  @Autowired private SubscriptionManagement subscriptions;
  @Autowired private MongoOperations mongo;
  @Autowired private NotificationSettings settings;
  @Autowired private ReaderMails mails;
  @Autowired private Clock clock;
  @Autowired private NotificationMetrics metrics;
  @Autowired private MailServer server;
  @Autowired private DigestSender digestSender;
  @Autowired private DeliverySender deliverySender;
  @Autowired private MongoTemplate mongoTemplate;
  @Autowired private SiteName siteName;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Test
  void aDailySubscriberGetsTheDaysPostsInOneMailAtTheDigestHourAndEachPostOnlyThere() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "daily-" + run + "@example.org";
    String instantly = "instantly-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    confirmedSubscriber(api(), instantly);
    assertThat(
            admin()
                .get("/api/subscribers?q=" + daily)
                .json()
                .path("items")
                .get(0)
                .path("frequency")
                .asString())
        .as("admins see who reads by digest")
        .isEqualTo("DAILY");
    String morning = UUID.randomUUID().toString();
    String evening = UUID.randomUUID().toString();
    publish(morning, "Morning fog " + run);
    publish(evening, "Evening light " + run);
    awaitMail(instantly, "Morning fog " + run);
    awaitMail(instantly, "Evening light " + run);

    List<Delivery> waiting = deliveriesOf(dailyId);
    assertThat(waiting).hasSize(2);
    Instant digestAt = waiting.get(0).digestAt();
    assertThat(waiting)
        .allSatisfy(
            delivery -> {
              assertThat(delivery.status()).isEqualTo(DeliveryStatus.PENDING);
              assertThat(delivery.digestAt()).isEqualTo(digestAt);
            });
    var local = digestAt.atZone(siteName.zone());
    assertThat(local.getHour()).as("the digest hour").isEqualTo(settings.digestHour());
    assertThat(local.getMinute()).isZero();
    assertThat(digestAt).isBetween(Instant.now(), Instant.now().plus(1, ChronoUnit.DAYS));
    assertThat(mailsAbout(daily, run)).as("nothing before the digest hour").isEmpty();
    var report = admin().get("/api/posts/" + morning + "/deliveries").json();
    assertThat(report.path("waitingForDigest").asInt()).isPositive();
    assertThat(report.path("pending").asInt()).as("what goes out now: nothing").isZero();

    // the digest hour comes
    digestTimeComes(where("subscriberId").is(dailyId));

    MimeMessage digest =
        await()
            .atMost(PATIENCE)
            .until(() -> mailsAbout(daily, run), mails -> !mails.isEmpty())
            .get(0);
    assertThat(subject(digest)).startsWith("2 new posts on ").endsWith(" today");
    String body = TestMail.body(digest);
    assertThat(body.indexOf("Morning fog " + run))
        .as("oldest first")
        .isPositive()
        .isLessThan(body.indexOf("Evening light " + run));
    assertThat(body)
        .contains("https://blog.example.org/posts/")
        .contains("https://blog.example.org/subscriptions/preferences?token=");
    assertThat(TestMail.header(digest, "List-Unsubscribe"))
        .contains("<https://blog.example.org/api/subscriptions/unsubscribe?token=");
    assertThat(TestMail.header(digest, "Message-ID"))
        .as("the same for a digest sent again, after a crash or a failure")
        .isEqualTo(
            "<digest."
                + dailyId
                + "."
                + digestAt.getEpochSecond()
                + "."
                + morning
                + "@inkwell.localhost>");
    await()
        .atMost(PATIENCE)
        .until(
            () -> deliveriesOf(dailyId).stream().map(Delivery::status).toList(),
            statuses -> statuses.equals(List.of(DeliveryStatus.SENT, DeliveryStatus.SENT)));

    // the same event again, then a later post: the day's posts are not mailed a second time
    publish(morning, "Morning fog " + run);
    publish(UUID.randomUUID().toString(), "Next morning " + run);
    awaitMail(instantly, "Next morning " + run);
    assertThat(deliveriesOf(dailyId)).hasSize(3);
    assertThat(mailsAbout(daily, run)).hasSize(1);
    assertThat(mailsAbout(instantly, run)).as("one mail a post").hasSize(3);
  }

  /**
   * The blog's zone is an admin's choice in Settings, not only the service's configuration: a blog
   * in Kathmandu (UTC+5:45) has its digests at the digest hour there, a quarter past in UTC.
   */
  @Test
  void digestsGoOutAtTheDigestHourOfTheZoneAnAdminChose() {
    var changed = Contracts.example("site-changed");
    changed.put("timeZone", "Asia/Kathmandu");
    changed.remove("language"); // English words, as this class reads them
    changed.remove("direction");
    assertThat(Contracts.violations(changed.toString())).isEmpty();
    var sent = kafka.send("blog.site-events", "site", changed.toString()).join();
    try {
      await()
          .atMost(PATIENCE)
          .until(() -> Topics.consumed(brokers, "notification-service", sent.getRecordMetadata()));
      String run = UUID.randomUUID().toString().substring(0, 8);
      String daily = "kathmandu-" + run + "@example.org";
      String dailyId = digestReader(daily, "DAILY");
      var preferences =
          api().get("/api/subscriptions/preferences?token=" + subscriptions.manageToken(dailyId));
      assertThat(preferences.json().path("digests").path("zone").asString())
          .as("what the preferences page tells the subscriber")
          .isEqualTo("Asia/Kathmandu");

      publish(UUID.randomUUID().toString(), "Himalayan morning " + run);

      Instant digestAt =
          await()
              .atMost(PATIENCE)
              .until(() -> deliveriesOf(dailyId), found -> found.size() == 1)
              .get(0)
              .digestAt();
      var there = digestAt.atZone(ZoneId.of("Asia/Kathmandu"));
      assertThat(there.getHour()).as("the digest hour").isEqualTo(settings.digestHour());
      assertThat(there.getMinute()).isZero();
      assertThat(digestAt.atZone(ZoneOffset.UTC).getMinute()).isEqualTo(15);
    } finally {
      TestSite.backToTheConfiguredName(mongoTemplate, siteName);
    }
  }

  /**
   * A digest already waiting when an admin moves the blog to another zone goes out at its hour
   * there: the same day and hour on the new zone's clocks, or at once if that has passed.
   */
  @Test
  void aDigestWaitingWhenTheBlogMovesGoesOutAtItsHourInTheNewZone() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "mover-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    ZoneId from = siteName.zone();
    ZoneId to = ZoneId.of("Asia/Kathmandu");
    publish(UUID.randomUUID().toString(), "Packing up " + run);
    Instant was =
        await()
            .atMost(PATIENCE)
            .until(() -> deliveriesOf(dailyId), found -> found.size() == 1)
            .get(0)
            .digestAt();
    assertThat(was.atZone(from).getHour()).isEqualTo(settings.digestHour());

    var moved = Contracts.example("site-changed");
    moved.put("timeZone", to.getId());
    moved.remove("language"); // English words, as this class reads them
    moved.remove("direction");
    var sent = kafka.send("blog.site-events", "site", moved.toString()).join();
    try {
      Instant now =
          await()
              .atMost(PATIENCE)
              .until(
                  () -> {
                    Instant before = Instant.now();
                    return Topics.consumed(
                            brokers, "notification-service", sent.getRecordMetadata())
                        ? before
                        : null;
                  },
                  java.util.Objects::nonNull);
      Instant there = LocalDateTime.ofInstant(was, from).atZone(to).toInstant();
      Delivery delivery = deliveriesOf(dailyId).get(0);
      if (there.isAfter(now)) {
        assertThat(delivery.digestAt()).as("the same hour on the new clocks").isEqualTo(there);
        assertThat(delivery.digestAt().atZone(to).getHour()).isEqualTo(settings.digestHour());
        assertThat(delivery.notBefore()).isEqualTo(there);
      } else {
        // that hour has passed in Kathmandu already: the digest goes out now
        await().atMost(PATIENCE).until(() -> mailsAbout(daily, run), mails -> mails.size() == 1);
      }

      // the same event again changes nothing more
      kafka.send("blog.site-events", "site", moved.toString()).join();
      publish(UUID.randomUUID().toString(), "Unpacked " + run);
      await().atMost(PATIENCE).until(() -> deliveriesOf(dailyId), found -> found.size() == 2);
      if (there.isAfter(now)) {
        assertThat(deliveriesOf(dailyId))
            .extracting(Delivery::digestAt)
            .as("the next post waits for the same digest")
            .containsOnly(there);
      }
    } finally {
      TestSite.backToTheConfiguredName(mongoTemplate, siteName);
    }
  }

  @Test
  void aDigestWhoseSenderStoppedMidwayIsSentOnceByAnother() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String weekly = "weekly-" + run + "@example.org";
    String marker = "marker-" + run + "@example.org";
    String weeklyId = digestReader(weekly, "WEEKLY");
    confirmedSubscriber(api(), marker);
    publish(UUID.randomUUID().toString(), "A week of walks " + run);
    awaitMail(marker, "A week of walks " + run);
    assertThat(deliveriesOf(weeklyId)).hasSize(1);

    // another instance claimed the digest when it was due, and never came back
    claimedDigest(
        where("subscriberId").is(weeklyId),
        "an-instance-that-crashed",
        Instant.now().minusSeconds(1));

    MimeMessage digest =
        await()
            .atMost(PATIENCE)
            .until(() -> mailsAbout(weekly, run), mails -> !mails.isEmpty())
            .get(0);
    assertThat(subject(digest)).as("one post: its title").isEqualTo("A week of walks " + run);
    await()
        .atMost(PATIENCE)
        .until(() -> deliveriesOf(weeklyId).get(0).status() == DeliveryStatus.SENT);
    assertThat(mailsAbout(weekly, run)).hasSize(1);
  }

  /**
   * The takeover sends what the stopped sender claimed, as it was: that mail may have reached the
   * reader already, and its copy must be recognisably the same message. A post that became due
   * meanwhile goes in a digest of its own rather than changing that one.
   */
  @Test
  void aTakenOverDigestGoesOutAsItWasAndALaterPostInADigestOfItsOwn() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String weekly = "weekly-" + run + "@example.org";
    String marker = "marker-" + run + "@example.org";
    String weeklyId = digestReader(weekly, "WEEKLY");
    confirmedSubscriber(api(), marker);
    String claimedPost = UUID.randomUUID().toString();
    String laterPost = UUID.randomUUID().toString();
    publish(claimedPost, "Claimed walk " + run);
    publish(laterPost, "Later walk " + run);
    awaitMail(marker, "Later walk " + run);
    Instant digestAt = deliveriesOf(weeklyId).get(0).digestAt();

    // At one moment the crashed sender's claim runs out and the later post becomes due.
    Instant moment = Instant.now().plusSeconds(2);
    mongo.updateFirst(
        Query.query(where("_id").is(laterPost + ":" + weeklyId)),
        new Update().set("notBefore", moment),
        Delivery.class);
    claimedDigest(
        where("_id").is(claimedPost + ":" + weeklyId), "an-instance-that-crashed", moment);

    awaitMail(weekly, "Claimed walk " + run);
    awaitMail(weekly, "Later walk " + run);
    assertThat(mailsAbout(weekly, run)).as("each post in one digest").hasSize(2);
    MimeMessage taken =
        mailsAbout(weekly, run).stream()
            .filter(mail -> subject(mail).startsWith("Claimed walk"))
            .findFirst()
            .orElseThrow();
    assertThat(TestMail.body(taken)).doesNotContain("Later walk");
    assertThat(TestMail.header(taken, "Message-ID"))
        .isEqualTo(
            "<digest."
                + weeklyId
                + "."
                + digestAt.getEpochSecond()
                + "."
                + claimedPost
                + "@inkwell.localhost>");
  }

  /**
   * A digest this instance was sending when it stopped goes out after the restart as it was
   * claimed, not merged with what became due meanwhile: the first copy may have reached the reader.
   */
  @Test
  void aDigestInterruptedByAStopGoesOutAsItWasClaimed() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "stopped-" + run + "@example.org";
    String marker = "marker-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    confirmedSubscriber(api(), marker);
    String claimedPost = UUID.randomUUID().toString();
    String laterPost = UUID.randomUUID().toString();
    publish(claimedPost, "Before the stop " + run);
    publish(laterPost, "After the stop " + run);
    awaitMail(marker, "After the stop " + run);

    digestSender.stop();
    try {
      // this instance had claimed the first post's digest when it stopped
      claimedDigest(
          where("_id").is(claimedPost + ":" + dailyId),
          settings.instanceId(),
          Instant.now().plus(Duration.ofMinutes(2)));
      digestTimeComes(where("_id").is(laterPost + ":" + dailyId));
      // what a start does
      deliverySender.resumeInterrupted();
      digestSender.resumeInterrupted();
    } finally {
      digestSender.start();
    }

    awaitMail(daily, "Before the stop " + run);
    awaitMail(daily, "After the stop " + run);
    assertThat(mailsAbout(daily, run))
        .as("each post in one digest, the claimed one alone")
        .hasSize(2);
  }

  /**
   * A post whose fan-out recorded its delivery just after the subscriber's digest went out, due at
   * the same digest time, goes in a second digest: with a Message-ID of its own, as mail programs
   * show only one of two messages with the same Message-ID.
   */
  @Test
  void aSecondDigestDueAtTheSameTimeIsNotMistakenForTheFirst() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "daily-" + run + "@example.org";
    String marker = "marker-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    confirmedSubscriber(api(), marker);
    publish(UUID.randomUUID().toString(), "First light " + run);
    awaitMail(marker, "First light " + run);
    digestTimeComes(where("subscriberId").is(dailyId));
    awaitMail(daily, "First light " + run);

    publish(UUID.randomUUID().toString(), "Last light " + run);
    awaitMail(marker, "Last light " + run);
    Delivery late = deliveriesOf(dailyId).get(1);
    assertThat(late.digestAt())
        .as("due at the same digest time")
        .isEqualTo(deliveriesOf(dailyId).get(0).digestAt());
    digestTimeComes(where("_id").is(late.id()));
    awaitMail(daily, "Last light " + run);

    List<MimeMessage> digests = mailsAbout(daily, run);
    assertThat(digests).hasSize(2);
    assertThat(TestMail.header(digests.get(0), "Message-ID"))
        .isNotEqualTo(TestMail.header(digests.get(1), "Message-ID"));
    assertThat(TestMail.body(digests.get(1))).doesNotContain("First light " + run);
  }

  /**
   * Two instances at the digest hour, both looking for due digests at once: every subscriber gets
   * one digest with all of their posts, never two halves. (The in-process wire server applies one
   * update at a time, so what keeps a real MongoDB from splitting a digest, the lease, is shown on
   * its own below.)
   */
  @Test
  void twoInstancesAtTheDigestHourSendEachSubscriberOneWholeDigest() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> readers = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      readers.add("both-" + i + "-" + run + "@example.org");
      ids.add(digestReader(readers.get(i), "DAILY"));
    }
    String marker = "marker-" + run + "@example.org";
    confirmedSubscriber(api(), marker);
    List<String> titles = List.of("Tide " + run, "Harbour " + run, "Lighthouse " + run);
    titles.forEach(title -> publish(UUID.randomUUID().toString(), title));
    titles.forEach(title -> awaitMail(marker, title));
    var second = new DigestSender(mongo, mails, subscriptions, settings, clock, metrics, server);
    second.start();
    try {
      digestTimeComes(where("subscriberId").in(ids));

      for (String reader : readers) {
        MimeMessage digest =
            await()
                .atMost(PATIENCE)
                .until(() -> mailsAbout(reader, run), mails -> !mails.isEmpty())
                .get(0);
        assertThat(subject(digest)).as(reader).startsWith("3 new posts on ");
        assertThat(TestMail.body(digest)).contains(titles);
      }
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  mongo.count(
                      Query.query(
                          where("subscriberId").in(ids).and("status").is(DeliveryStatus.SENT)),
                      Delivery.class),
              sent -> sent == 3L * ids.size());
    } finally {
      second.stop();
    }
    assertThat(readers).allSatisfy(reader -> assertThat(mailsAbout(reader, run)).hasSize(1));
  }

  /** While another instance is claiming a subscriber's digest, this one leaves it alone. */
  @Test
  void aDigestAnotherInstanceIsClaimingIsLeftToIt() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "leased-" + run + "@example.org";
    String marker = "marker-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    confirmedSubscriber(api(), marker);
    publish(UUID.randomUUID().toString(), "Held back " + run);
    awaitMail(marker, "Held back " + run);

    Instant leaseEnds = Instant.now().plusSeconds(6);
    mongo.insert(
        new org.bson.Document("_id", dailyId)
            .append("token", "another-instance")
            .append("until", java.util.Date.from(leaseEnds)),
        "digest_leases");
    digestTimeComes(where("subscriberId").is(dailyId));

    // due, and the sender looks every 100 ms: for three seconds nothing goes out
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(4))
        .until(() -> mailsAbout(daily, run).isEmpty());
    // the other instance never finished: once its lease runs out the digest goes out, once
    awaitMail(daily, "Held back " + run);
    assertThat(mailsAbout(daily, run)).hasSize(1);
  }

  @Test
  void aPostTakenDownBeforeTheDigestHourIsNotInTheDigest() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "daily-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    String regretted = UUID.randomUUID().toString();
    String kept = UUID.randomUUID().toString();
    publish(regretted, "Regretted " + run);
    publish(kept, "Kept " + run);
    var unpublished =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/post-unpublished.json")));
    unpublished.put("postId", regretted);
    kafka.send("blog.post-events", "digest-test", JSON.writeValueAsString(unpublished)).get();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                deliveriesOf(dailyId).stream()
                    .collect(java.util.stream.Collectors.toMap(Delivery::postId, Delivery::status)),
            statuses ->
                statuses.equals(
                    Map.of(regretted, DeliveryStatus.SKIPPED, kept, DeliveryStatus.PENDING)));

    digestTimeComes(where("subscriberId").is(dailyId).and("status").is(DeliveryStatus.PENDING));

    MimeMessage digest =
        await()
            .atMost(PATIENCE)
            .until(() -> mailsAbout(daily, run), mails -> !mails.isEmpty())
            .get(0);
    assertThat(subject(digest)).isEqualTo("Kept " + run);
    assertThat(TestMail.body(digest)).doesNotContain("Regretted");
  }

  @Test
  void onlyTheThreeFrequenciesAreTaken() {
    String address = "choosy-" + UUID.randomUUID() + "@example.org";
    confirmedSubscriber(api(), address);
    String token = subscriptions.manageToken(subscribers.findByAddress(address).orElseThrow().id());

    var hourly =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + token,
                ApiClient.json(Map.of("paused", false, "frequency", "HOURLY")));
    var unchanged =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + token,
                ApiClient.json(Map.of("paused", false, "tags", List.of("walks"))));

    assertThat(hourly.status()).isEqualTo(400);
    assertThat(hourly.header("Content-Type")).startsWith("application/problem+json");
    assertThat(unchanged.text("frequency")).as("left out: as it was").isEqualTo("INSTANTLY");
  }

  /**
   * A confirmed subscriber who chose a digest with the link of their mails.
   *
   * @return their id
   */
  /**
   * A digest reader whose address no mail can carry (stored before addresses were checked) fails
   * alone and is mailed no more; the digest due with it goes out.
   */
  @Test
  void aDigestToAnAddressNoMailCanCarryFailsAloneAndTheOtherDigestGoesOut() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String daily = "daily-" + run + "@example.org";
    String dailyId = digestReader(daily, "DAILY");
    Instant now = Instant.now();
    String unwritableId =
        subscribers
            .insert(
                new Subscriber(
                    UUID.randomUUID().toString(),
                    "legacy-" + run + "@exa_mple.org",
                    SubscriberStatus.CONFIRMED,
                    List.of(),
                    false,
                    now,
                    now,
                    Frequency.DAILY))
            .id();
    publish(UUID.randomUUID().toString(), "Quiet harbour " + run);
    await()
        .atMost(PATIENCE)
        .until(() -> deliveriesOf(unwritableId).size() == 1 && deliveriesOf(dailyId).size() == 1);

    digestTimeComes(where("subscriberId").in(unwritableId, dailyId));

    await().atMost(PATIENCE).until(() -> mailsAbout(daily, run), mails -> mails.size() == 1);
    await()
        .atMost(PATIENCE)
        .until(
            () -> deliveriesOf(unwritableId).get(0).status(),
            status -> status == DeliveryStatus.FAILED);
    assertThat(subscribers.findById(unwritableId).orElseThrow().status())
        .isEqualTo(SubscriberStatus.BOUNCING);
  }

  private String digestReader(String address, String frequency) {
    confirmedSubscriber(api(), address);
    String id = subscribers.findByAddress(address).orElseThrow().id();
    var chosen =
        api()
            .put(
                "/api/subscriptions/preferences?token=" + subscriptions.manageToken(id),
                ApiClient.json(Map.of("paused", false, "frequency", frequency)));
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.text("frequency")).isEqualTo(frequency);
    return id;
  }

  /**
   * A digest's deliveries as a sender left them when it claimed them, its claim good until then.
   */
  private void claimedDigest(Criteria which, String instance, Instant claimedUntil) {
    mongo.updateMulti(
        Query.query(which),
        Delivery.claim(instance, UUID.randomUUID().toString(), claimedUntil)
            .set("notBefore", Instant.now()),
        Delivery.class);
  }

  /** The digest hour of the deliveries comes (the tests have no clock to move). */
  private void digestTimeComes(Criteria which) {
    mongo.updateMulti(
        Query.query(which), new Update().set("notBefore", Instant.now()), Delivery.class);
  }

  private List<Delivery> deliveriesOf(String subscriberId) {
    return mongo.find(
        Query.query(where("subscriberId").is(subscriberId))
            .with(org.springframework.data.domain.Sort.by("createdAt", "_id")),
        Delivery.class);
  }

  /** Posts go on one key, so each is handled after the one before. */
  private void publish(String postId, String title) {
    try {
      var event = Contracts.happening("post-published");
      event.put("postId", postId);
      event.put("title", title);
      kafka.send("blog.post-events", "digest-test", JSON.writeValueAsString(event)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitMail(String address, String subject) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                TestMail.to(address).stream().filter(mail -> subject.equals(subject(mail))).count(),
            count -> count == 1);
  }

  /** The mails to the address that name one of this run's posts. */
  private static List<MimeMessage> mailsAbout(String address, String run) {
    return TestMail.to(address).stream()
        .filter(mail -> subject(mail).contains(run) || TestMail.body(mail).contains(run))
        .toList();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
