package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.SenderThread;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.mail.SmtpFailures;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends daily and weekly digests. The fan-out records a digest subscriber's delivery of a post as
 * for anyone else, due at their next digest time ({@code digestAt}); once due, all of one
 * subscriber's due deliveries are claimed at once and go out as one mail, and are recorded {@code
 * SENT} together. The promise of {@link DeliverySender} holds for them: each post reaches each
 * subscriber once, in exactly one digest, whatever stops in between. A digest that failed for a
 * while goes out later with the same Message-ID, and a delivery claimed by an instance that never
 * came back is taken over once its claim runs out. Instances claim one subscriber at a time ({@link
 * #lease}), so two of them never split a digest.
 */
@Component
class DigestSender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final String LEASES = "digest_leases";

  private final MongoOperations mongo;
  private final ReaderMails mails;
  private final SubscriptionManagement subscriptions;
  private final NotificationSettings settings;
  private final Clock clock;
  private final NotificationMetrics metrics;
  private final String messageIdDomain;
  private final MailServer server;
  private final SenderThread thread;

  DigestSender(
      MongoOperations mongo,
      ReaderMails mails,
      SubscriptionManagement subscriptions,
      NotificationSettings settings,
      Clock clock,
      NotificationMetrics metrics,
      MailServer server) {
    this.mongo = mongo;
    this.mails = mails;
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
    this.thread = new SenderThread("digest-sender", settings.sendInterval());
    this.server = server;
  }

  /** One subscriber's digest: its message and the deliveries it carries. */
  private record Digest(MimeMessage message, List<Delivery> deliveries) {}

  /**
   * Takes up the digests this instance was sending when it stopped, without waiting for their
   * claim: each is let go as claimed, so that it is taken over as it was ({@link #claimable}) and
   * goes out again as the same message. Done as the sender starts, before its first round, which it
   * would otherwise race (see {@link DeliverySender#resumeInterrupted}).
   */
  void resumeInterrupted() {
    var resumed =
        mongo.updateMulti(
            Query.query(
                where("status")
                    .is(DeliveryStatus.SENDING)
                    .and("claimedBy")
                    .is(settings.instanceId())
                    .and("digestAt")
                    .ne(null)),
            new Update().set("claimedUntil", now()),
            Delivery.class);
    if (resumed.getModifiedCount() > 0) {
      log.info("Resuming {} digest deliveries interrupted by a stop", resumed.getModifiedCount());
    }
  }

  void sendDue() {
    while (thread.running()) {
      Map<MimeMessage, List<Delivery>> batch = new LinkedHashMap<>();
      Set<String> seen = new HashSet<>();
      String subscriberId;
      while (batch.size() < settings.batchSize()
          && (subscriberId = nextDueSubscriber()) != null
          && seen.add(subscriberId)) {
        Digest digest = claim(subscriberId);
        if (digest != null) {
          batch.put(digest.message(), digest.deliveries());
        }
      }
      if (batch.isEmpty()) {
        return;
      }
      try {
        send(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the claimed deliveries are taken up again when their claim runs out
        log.error("Sending a batch of digests failed", e);
        return;
      }
    }
  }

  /** Deliveries waiting for a digest whose time has come, or whose sender's claim ran out. */
  private static Criteria due(Instant now) {
    return new Criteria().andOperator(where("digestAt").ne(null), Delivery.dueAt(now));
  }

  /**
   * While one sender claims a subscriber's deliveries no other may: one {@code updateMulti} is not
   * isolated, and two instances claiming at once could each take part of a digest. Held for the
   * claim only; one left by a sender that stopped runs out with the claim time.
   *
   * @return whether this sender has it
   */
  private boolean lease(String subscriberId, String token, Instant now) {
    try {
      mongo.upsert(
          Query.query(where("_id").is(subscriberId).and("until").lt(now)),
          new Update().set("token", token).set("until", now.plus(CLAIM)),
          LEASES);
      return true;
    } catch (DuplicateKeyException held) {
      return false;
    }
  }

  /**
   * What one claim takes: a digest another sender claimed and never finished, exactly as it was, so
   * that it goes out again as the same message (it may have reached the reader before that sender
   * stopped); otherwise all of the subscriber's due deliveries waiting for a digest.
   */
  private Criteria claimable(String subscriberId, Instant now) {
    Delivery abandoned =
        mongo.findOne(
            Query.query(
                where("subscriberId")
                    .is(subscriberId)
                    .and("digestAt")
                    .ne(null)
                    .and("status")
                    .is(DeliveryStatus.SENDING)
                    .and("claimedUntil")
                    .lt(now)),
            Delivery.class);
    if (abandoned != null) {
      return where("claimToken")
          .is(abandoned.claimToken())
          .and("status")
          .is(DeliveryStatus.SENDING)
          .and("claimedUntil")
          .lt(now);
    }
    return where("subscriberId")
        .is(subscriberId)
        .and("digestAt")
        .ne(null)
        .and("status")
        .is(DeliveryStatus.PENDING)
        .and("notBefore")
        .lte(now);
  }

  private String nextDueSubscriber() {
    Delivery first =
        mongo.findOne(
            Query.query(due(now())).with(Sort.by("notBefore", "_id")).limit(1), Delivery.class);
    return first == null ? null : first.subscriberId();
  }

  /**
   * Claims the subscriber's due deliveries ({@link #claimable}) and prepares their digest; a post
   * they no longer want (unsubscribed, paused, other tags) is skipped. Null when nothing is left to
   * send.
   */
  private Digest claim(String subscriberId) {
    Instant now = now();
    String token = UUID.randomUUID().toString();
    if (!lease(subscriberId, token, now)) {
      return null;
    }
    try {
      mongo.updateMulti(
          Query.query(claimable(subscriberId, now)),
          Delivery.claim(settings.instanceId(), token, now.plus(CLAIM)),
          Delivery.class);
    } finally {
      mongo.remove(Query.query(where("_id").is(subscriberId).and("token").is(token)), LEASES);
    }
    List<Delivery> claimed =
        mongo.find(
            Query.query(where("claimToken").is(token)).with(Sort.by("createdAt", "_id")),
            Delivery.class);
    Subscriber subscriber = mongo.findById(subscriberId, Subscriber.class);
    List<Delivery> carried = new ArrayList<>();
    List<ReaderMails.DigestPost> posts = new ArrayList<>();
    for (Delivery delivery : claimed) {
      Announcement post = mongo.findById(delivery.postId(), Announcement.class);
      if (subscriber == null || post == null || !subscriber.wants(post.tags())) {
        finish(List.of(delivery), new Update().set("status", DeliveryStatus.SKIPPED));
        continue;
      }
      carried.add(delivery);
      posts.add(
          new ReaderMails.DigestPost(
              post.title(),
              post.excerpt(),
              settings.siteUrl() + "/posts/" + post.slug(),
              post.cover() == null ? null : post.cover().picture(settings.siteUrl())));
    }
    if (carried.isEmpty()) {
      return null;
    }
    Instant due = carried.stream().map(Delivery::digestAt).min(Comparator.naturalOrder()).get();
    // Each delivery goes out in one digest only, so its first post tells this digest from
    // another one due at the same time (a post fanned out after the digest had gone out).
    String messageId =
        "<digest."
            + subscriberId
            + "."
            + due.getEpochSecond()
            + "."
            + carried.get(0).postId()
            + "@"
            + messageIdDomain
            + ">";
    var mail =
        new ReaderMails.DigestMail(
            messageId,
            subscriber.email(),
            subscriber.frequency().name(),
            posts,
            subscriptions.unsubscribeToken(subscriberId),
            subscriptions.manageToken(subscriberId));
    try {
      return new Digest(mails.prepareDigest(mail), carried);
    } catch (MailException unwritable) {
      // an address no mail can carry (stored before addresses were checked): it fails alone
      failed(carried, unwritable);
      return null;
    }
  }

  private void send(Map<MimeMessage, List<Delivery>> batch) throws InterruptedException {
    server.waitFor(batch.size());
    // each digest is recorded SENT as soon as the server took it, as DeliverySender does
    Map<Object, Exception> failed =
        SmtpFailures.sendAll(
            mails,
            batch.keySet(),
            taken ->
                finish(
                    batch.get(taken),
                    new Update().set("status", DeliveryStatus.SENT).set("sentAt", now())));
    if (failed.size() < batch.size()) {
      server.reachable();
    }
    Duration outage = null;
    for (var digest : batch.entrySet()) {
      Exception failure = failed.get(digest.getKey());
      if (failure != null && SmtpFailures.isServerUnavailable(failure)) {
        // back to wait for the mail server, without using up one of the digest's attempts
        outage = outage == null ? server.unreachable(failure) : outage;
        metrics.retried("digest");
        finish(
            digest.getValue(),
            new Update()
                .set("status", DeliveryStatus.PENDING)
                .set("notBefore", now().plus(outage))
                .set("lastError", failure.getMessage())
                .inc("attempts", -1));
      } else if (failure == null) {
        metrics.sent("digest");
      } else {
        failed(digest.getValue(), failure);
      }
    }
  }

  private void failed(List<Delivery> digest, Exception failure) {
    Delivery first = digest.get(0);
    if (SmtpFailures.isPermanent(failure) || first.attempts() >= settings.maxAttempts()) {
      log.warn(
          "Giving up on the digest of subscriber {} after {} attempts: {}",
          first.subscriberId(),
          first.attempts(),
          failure.getMessage());
      if (SmtpFailures.isPermanent(failure)) {
        subscriptions.bounced(first.subscriberId());
      }
      metrics.failed("digest");
      finish(
          digest,
          new Update().set("status", DeliveryStatus.FAILED).set("lastError", failure.getMessage()));
      return;
    }
    Duration pause = SmtpFailures.pauseAfter(first.attempts());
    log.info(
        "The digest of subscriber {} failed, retrying in {}: {}",
        first.subscriberId(),
        pause,
        failure.getMessage());
    metrics.retried("digest");
    finish(
        digest,
        new Update()
            .set("status", DeliveryStatus.PENDING)
            .set("notBefore", now().plus(pause))
            .set("lastError", failure.getMessage()));
  }

  private void finish(List<Delivery> deliveries, Update update) {
    mongo.updateMulti(
        Query.query(
            where("_id")
                .in(deliveries.stream().map(Delivery::id).toList())
                .and("status")
                .is(DeliveryStatus.SENDING)),
        update.unset("claimedUntil").unset("claimedBy").unset("claimToken"),
        Delivery.class);
  }

  /** Looks for due digests on a thread of its own ({@link SenderThread}). */
  @Override
  public void start() {
    resumeInterrupted();
    thread.start(this::sendDue);
  }

  @Override
  public void stop() {
    thread.stop();
  }

  @Override
  public boolean isRunning() {
    return thread.running();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
