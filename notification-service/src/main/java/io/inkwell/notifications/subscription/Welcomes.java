package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.mail.SmtpFailures;
import io.inkwell.notifications.site.SiteName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The welcome a reader gets once they confirmed (Ghost's and Substack's). Confirming marks it due
 * in the same update that confirms ({@link #DUE}), so no confirmation goes unwelcomed; a sender
 * claims it for a while before sending, so two never send it at once, and clears it once the mail
 * server took it. A mail server that is down delays the welcome, a few tries at most: the one left
 * after a crash between sending and clearing is sent again under the same Message-ID.
 */
@Component
class Welcomes {

  /** The fields on the subscriber's document; none of them is part of {@link Subscriber}. */
  static final String DUE = "welcomeDue";

  private static final String CLAIMED_UNTIL = "welcomeClaimedUntil";
  private static final String ATTEMPTS = "welcomeAttempts";
  private static final int MAX_ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(Welcomes.class);

  private final MongoOperations mongo;
  private final ReaderMails mails;
  private final NotificationMetrics metrics;
  private final Clock clock;
  private final Duration lease;
  private final String messageIdDomain;
  private final SubscriptionManagement subscriptions;
  private final NotificationSettings settings;
  private final SiteName site;
  private final TagNames tagNames;

  Welcomes(
      MongoOperations mongo,
      ReaderMails mails,
      NotificationMetrics metrics,
      NotificationSettings settings,
      Clock clock,
      @Value("${inkwell.notifications.notice-retry-interval:60s}") Duration lease,
      SubscriptionManagement subscriptions,
      SiteName site,
      TagNames tagNames) {
    this.site = site;
    this.tagNames = tagNames;
    this.mongo = mongo;
    this.mails = mails;
    this.metrics = metrics;
    this.clock = clock;
    this.lease = lease;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
    this.subscriptions = subscriptions;
    this.settings = settings;
  }

  /** Sends the welcome that confirming marked due, at once, unless another sender has it. */
  @EventListener
  void confirmed(SubscriptionManagement.Confirmed confirmed) {
    var subscriber = claim(where("_id").is(confirmed.subscriberId()));
    if (subscriber != null) {
      deliver(subscriber);
    }
  }

  /** Welcomes the mail server did not take, or whose sender stopped, get another try. */
  @Scheduled(fixedDelayString = "${inkwell.notifications.notice-retry-interval:60s}")
  void retryDue() {
    for (int i = 0; i < 100; i++) {
      var subscriber = claim(where(ATTEMPTS).lt(MAX_ATTEMPTS));
      if (subscriber == null) {
        return;
      }
      metrics.retried("welcome");
      deliver(subscriber);
    }
  }

  /** A confirmed subscriber whose welcome is due and not claimed, claimed for one lease. */
  private Subscriber claim(Criteria which) {
    Instant now = clock.instant();
    return mongo.findAndModify(
        Query.query(
            new Criteria()
                .andOperator(
                    which,
                    where(DUE).is(true).and("status").is(SubscriberStatus.CONFIRMED),
                    new Criteria()
                        .orOperator(
                            where(CLAIMED_UNTIL).exists(false), where(CLAIMED_UNTIL).lt(now)))),
        new Update().set(CLAIMED_UNTIL, now.plus(lease)).inc(ATTEMPTS, 1),
        FindAndModifyOptions.options().returnNew(true),
        Subscriber.class);
  }

  private void deliver(Subscriber subscriber) {
    String id = subscriber.id();
    try {
      mails.sendWelcome(
          new ReaderMails.WelcomeMail(
              "<welcome." + id + "@" + messageIdDomain + ">",
              subscriber.email(),
              tagNames.of(subscriber.tags()),
              new ReaderMails.Cadence(
                  subscriber.frequency().name(),
                  java.time.LocalTime.of(settings.digestHour(), 0),
                  settings.digestDay(),
                  site.zone()),
              subscriptions.manageToken(id),
              subscriptions.unsubscribeToken(id)));
      mongo.updateFirst(
          Query.query(where("_id").is(subscriber.id())),
          new Update().unset(DUE).unset(CLAIMED_UNTIL).set("welcomedAt", clock.instant()),
          Subscriber.class);
      metrics.sent("welcome");
    } catch (MailException failure) {
      // the claim runs out after one lease, and the next round tries again
      log.warn("The welcome mail to a new subscriber was not sent: {}", failure.getMessage());
      if (SmtpFailures.isServerUnavailable(failure)) {
        // not the welcome's fault: it waits for the mail server, using up no attempt
        mongo.updateFirst(
            Query.query(where("_id").is(id)), new Update().inc(ATTEMPTS, -1), Subscriber.class);
      } else {
        metrics.failed("welcome");
      }
    }
  }
}
