package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.SenderThread;
import io.inkwell.notifications.TraceContexts;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.mail.ReaderMails.PostMail;
import io.inkwell.notifications.mail.SmtpFailures;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import io.micrometer.tracing.Span;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;

/**
 * Sends recorded deliveries: {@code PENDING → SENDING → SENT}. Deliveries are claimed in batches
 * under a token of the batch, each atomically (so two instances never send the same one), then sent
 * over one SMTP connection at a configured rate. A temporary failure goes back to {@code PENDING}
 * after a growing pause and ends {@code FAILED} after the last attempt; a permanent one (SMTP 5xx)
 * fails the delivery at once and stops mail to the address; a mail server that cannot be reached is
 * waited for ({@link MailServer}) without using up any attempt. What this instance was sending when
 * it stopped is taken up again when it starts; a delivery of an instance that never comes back is
 * taken over by any other once its claim has run out.
 */
@Component
class DeliverySender implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final String DELIVERIES = "deliveries";

  private final MongoOperations mongo;
  private final ReaderMails mails;
  private final SubscriptionManagement subscriptions;
  private final NotificationSettings settings;
  private final Clock clock;
  private final NotificationMetrics metrics;
  private final TraceContexts traces;
  private final String messageIdDomain;
  private final MailServer server;
  private final SenderThread thread;

  DeliverySender(
      MongoOperations mongo,
      ReaderMails mails,
      SubscriptionManagement subscriptions,
      NotificationSettings settings,
      Clock clock,
      NotificationMetrics metrics,
      TraceContexts traces,
      MailServer server) {
    this.metrics = metrics;
    this.traces = traces;
    this.mongo = mongo;
    this.mails = mails;
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
    this.thread = new SenderThread("delivery-sender", settings.sendInterval());
    this.server = server;
  }

  /**
   * Takes up the mails this instance was sending when it stopped, without waiting for the claim
   * (its digests are {@link DigestSender}'s to take up). Done as the sender starts, before its
   * first round: later (once the application is ready, say) it would take back the batch that round
   * is sending, whose mails would then not be recorded as sent, and go out twice.
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
                    .is(null)),
            new Update().set("status", DeliveryStatus.PENDING).unset("claimedUntil"),
            Delivery.class);
    if (resumed.getModifiedCount() > 0) {
      log.info("Resuming {} deliveries interrupted by a stop", resumed.getModifiedCount());
    }
  }

  void sendDue() {
    List<Delivery> batch;
    while (thread.running() && !(batch = claim(settings.batchSize())).isEmpty()) {
      try {
        send(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // the claimed deliveries are taken up again when their claim runs out
        log.error("Sending a batch of deliveries failed", e);
        return;
      }
    }
  }

  /** Sends on a thread of its own ({@link SenderThread}): a stop leaves nothing half-done. */
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

  /**
   * Claims up to {@code size} of the longest due deliveries at once: their ids, then one update of
   * those still due under a claim token of this batch, then the deliveries that carry the token.
   * Each delivery is updated atomically, so of two instances claiming the same ones each gets its
   * own; one that got none of them tries the next ones.
   */
  private List<Delivery> claim(int size) {
    for (int tries = 0; tries < 3; tries++) {
      Instant now = now();
      // Longest due first, in the order of the "due" index: a MongoDB then reads the batch off
      // it, where ordering by anything else would sort every due delivery of a fan-out each time.
      Query oldest = Query.query(due(now)).with(Sort.by("notBefore")).limit(size);
      oldest.fields().include("_id");
      List<Object> ids =
          mongo.find(oldest, Document.class, DELIVERIES).stream()
              .map(delivery -> delivery.get("_id"))
              .toList();
      if (ids.isEmpty()) {
        return List.of();
      }
      String token = UUID.randomUUID().toString();
      mongo.updateMulti(
          Query.query(new Criteria().andOperator(where("_id").in(ids), due(now))),
          Delivery.claim(settings.instanceId(), token, now.plus(CLAIM)),
          Delivery.class);
      List<Delivery> claimed =
          mongo.find(
              Query.query(where("claimToken").is(token)).with(Sort.by("createdAt", "_id")),
              Delivery.class);
      if (!claimed.isEmpty()) {
        return claimed;
      }
    }
    return List.of();
  }

  /**
   * Due mails of their own: a post that waits for a digest goes out in it, with the subscriber's
   * others ({@link DigestSender}).
   */
  private static Criteria due(Instant now) {
    return new Criteria().andOperator(where("digestAt").is(null), Delivery.dueAt(now));
  }

  private void send(List<Delivery> batch) throws InterruptedException {
    Map<String, Announcement> posts = new HashMap<>();
    Map<MimeMessage, Delivery> messages = new LinkedHashMap<>();
    Map<String, Instant> publishedAt = new HashMap<>();
    Map<String, Subscriber> subscribers = new HashMap<>();
    mongo
        .find(
            Query.query(where("_id").in(batch.stream().map(Delivery::subscriberId).toList())),
            Subscriber.class)
        .forEach(subscriber -> subscribers.put(subscriber.id(), subscriber));
    for (Delivery delivery : batch) {
      Subscriber subscriber = subscribers.get(delivery.subscriberId());
      Announcement post =
          posts.computeIfAbsent(delivery.postId(), id -> mongo.findById(id, Announcement.class));
      if (subscriber == null || post == null || !subscriber.wants(post.tags())) {
        // unsubscribed, paused or bouncing since the fan-out
        finish(delivery, new Update().set("status", DeliveryStatus.SKIPPED));
        continue;
      }
      try {
        messages.put(mails.preparePost(mail(delivery, subscriber, post)), delivery);
      } catch (MailException unwritable) {
        // an address no mail can carry (stored before addresses were checked): it fails alone,
        // and the rest of the batch goes out
        failed(delivery, unwritable);
        continue;
      }
      publishedAt.put(delivery.id(), post.occurredAt());
    }
    if (messages.isEmpty()) {
      return;
    }
    server.waitFor(messages.size());
    // One span per mail, in the trace of the publish that caused it.
    Map<MimeMessage, Span> spans = new HashMap<>();
    messages.forEach(
        (message, delivery) ->
            spans.put(message, traces.continueWith(delivery.traceparent(), "mail post")));
    // Each mail is recorded SENT as soon as the server took it: a crash leaves one mail at most
    // that went out unrecorded, which is sent again with the same Message-ID.
    Map<String, Instant> sentAt = new HashMap<>();
    Map<Object, Exception> failed =
        SmtpFailures.sendAll(
            mails,
            messages.keySet(),
            taken -> {
              Delivery delivery = messages.get(taken);
              Instant now = now();
              finish(delivery, new Update().set("status", DeliveryStatus.SENT).set("sentAt", now));
              sentAt.put(delivery.id(), now);
            });
    if (failed.size() < messages.size()) {
      server.reachable();
    }
    Duration outage = null;
    for (var entry : messages.entrySet()) {
      Exception failure = failed.get(entry.getKey());
      Span span = spans.get(entry.getKey());
      if (failure != null) {
        span.error(failure);
      }
      span.end();
      if (failure != null && SmtpFailures.isServerUnavailable(failure)) {
        outage = outage == null ? server.unreachable(failure) : outage;
        waitForServer(entry.getValue(), failure, outage);
      } else if (failure == null) {
        metrics.sent("post");
        Instant occurredAt = publishedAt.get(entry.getValue().id());
        Instant taken = sentAt.get(entry.getValue().id());
        if (occurredAt != null && taken != null) {
          metrics.publishToInbox(Duration.between(occurredAt, taken));
        }
      } else {
        failed(entry.getValue(), failure);
      }
    }
  }

  private PostMail mail(Delivery delivery, Subscriber subscriber, Announcement post) {
    return new PostMail(
        delivery.messageId(messageIdDomain),
        subscriber.email(),
        post.title(),
        post.excerpt(),
        settings.siteUrl() + "/posts/" + post.slug(),
        subscriptions.unsubscribeToken(subscriber.id()),
        subscriptions.manageToken(subscriber.id()),
        post.cover() == null ? null : post.cover().picture(settings.siteUrl()),
        post.bodyHtml(),
        post.byline());
  }

  private void failed(Delivery delivery, Exception failure) {
    if (SmtpFailures.isPermanent(failure)) {
      log.warn(
          "Delivery {} refused for good; the address is bouncing: {}",
          delivery.id(),
          failure.getMessage());
      subscriptions.bounced(delivery.subscriberId());
      metrics.failed("post");
      finish(
          delivery,
          new Update().set("status", DeliveryStatus.FAILED).set("lastError", failure.getMessage()));
      return;
    }
    if (delivery.attempts() >= settings.maxAttempts()) {
      log.warn(
          "Giving up on delivery {} after {} attempts",
          delivery.id(),
          delivery.attempts(),
          failure);
      metrics.failed("post");
      finish(
          delivery,
          new Update().set("status", DeliveryStatus.FAILED).set("lastError", failure.getMessage()));
      return;
    }
    Duration pause = SmtpFailures.pauseAfter(delivery.attempts());
    log.info("Delivery {} failed, retrying in {}: {}", delivery.id(), pause, failure.getMessage());
    finish(delivery, retryAfter(failure, pause));
  }

  /** Back to wait for the mail server, without using up one of the delivery's attempts. */
  private void waitForServer(Delivery delivery, Exception failure, Duration pause) {
    finish(delivery, retryAfter(failure, pause).inc("attempts", -1));
  }

  private Update retryAfter(Exception failure, Duration pause) {
    metrics.retried("post");
    return new Update()
        .set("status", DeliveryStatus.PENDING)
        .set("notBefore", now().plus(pause))
        .set("lastError", failure.getMessage());
  }

  /** Records what became of a delivery this sender claimed (still {@code SENDING}). */
  private void finish(Delivery delivery, Update update) {
    mongo.updateFirst(
        Query.query(where("_id").is(delivery.id()).and("status").is(DeliveryStatus.SENDING)),
        update.unset("claimedUntil").unset("claimedBy").unset("claimToken"),
        Delivery.class);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
