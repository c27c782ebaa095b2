package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.Mails;
import io.inkwell.notifications.mail.Mails.PostMail;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends recorded deliveries: {@code PENDING → SENDING → SENT}, or back to {@code PENDING} with a
 * growing pause after a failed attempt, and {@code FAILED} after the last one. A delivery is
 * claimed atomically, so two instances never send the same one; one left in {@code SENDING} by a
 * crash is taken over once its claim has run out.
 */
@Component
class DeliverySender {

  private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
  private static final Duration CLAIM = Duration.ofMinutes(2);
  private static final Duration MAX_PAUSE = Duration.ofMinutes(10);

  private final MongoOperations mongo;
  private final Mails mails;
  private final SubscriptionManagement subscriptions;
  private final NotificationSettings settings;
  private final Clock clock;
  private final String messageIdDomain;

  DeliverySender(
      MongoOperations mongo,
      Mails mails,
      SubscriptionManagement subscriptions,
      NotificationSettings settings,
      Clock clock) {
    this.mongo = mongo;
    this.mails = mails;
    this.subscriptions = subscriptions;
    this.settings = settings;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
  }

  @Scheduled(fixedDelayString = "${inkwell.notifications.send-interval:500ms}")
  void sendDue() {
    Delivery delivery;
    while ((delivery = claimNext()) != null) {
      deliver(delivery);
    }
  }

  private Delivery claimNext() {
    Instant now = now();
    Query due =
        Query.query(
                new Criteria()
                    .orOperator(
                        where("status").is(DeliveryStatus.PENDING).and("notBefore").lte(now),
                        where("status").is(DeliveryStatus.SENDING).and("claimedUntil").lt(now)))
            .with(Sort.by("createdAt"));
    Update claim =
        new Update()
            .set("status", DeliveryStatus.SENDING)
            .set("claimedUntil", now.plus(CLAIM))
            .inc("attempts", 1);
    return mongo.findAndModify(
        due, claim, FindAndModifyOptions.options().returnNew(true), Delivery.class);
  }

  private void deliver(Delivery delivery) {
    Subscriber subscriber = mongo.findById(delivery.subscriberId(), Subscriber.class);
    Announcement post = mongo.findById(delivery.postId(), Announcement.class);
    if (subscriber == null || subscriber.status() != SubscriberStatus.CONFIRMED || post == null) {
      finish(delivery, new Update().set("status", DeliveryStatus.SKIPPED));
      return;
    }
    try {
      mails.sendPost(
          new PostMail(
              delivery.messageId(messageIdDomain),
              subscriber.email(),
              post.title(),
              post.excerpt(),
              settings.siteUrl() + "/posts/" + post.slug(),
              subscriptions.unsubscribeToken(subscriber.id())));
      finish(delivery, new Update().set("status", DeliveryStatus.SENT).set("sentAt", now()));
    } catch (MailException e) {
      failed(delivery, e);
    }
  }

  private void failed(Delivery delivery, MailException e) {
    if (delivery.attempts() >= settings.maxAttempts()) {
      log.warn("Giving up on delivery {} after {} attempts", delivery.id(), delivery.attempts(), e);
      finish(
          delivery,
          new Update().set("status", DeliveryStatus.FAILED).set("lastError", e.getMessage()));
      return;
    }
    Duration pause = Duration.ofSeconds(1L << Math.min(delivery.attempts(), 10));
    log.info("Delivery {} failed, retrying in {}: {}", delivery.id(), pause, e.getMessage());
    finish(
        delivery,
        new Update()
            .set("status", DeliveryStatus.PENDING)
            .set("notBefore", now().plus(pause.compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause))
            .set("lastError", e.getMessage()));
  }

  private void finish(Delivery delivery, Update update) {
    mongo.updateFirst(
        Query.query(where("_id").is(delivery.id()).and("status").is(DeliveryStatus.SENDING)),
        update.unset("claimedUntil"),
        Delivery.class);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
