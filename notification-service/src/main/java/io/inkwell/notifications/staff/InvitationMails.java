package io.inkwell.notifications.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.Mails;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails an invitee the link where they choose their password, once per {@code StaffInvited}: the
 * mail is recorded under the event's id before it is sent and marked sent after, so a redelivered
 * event sends nothing new; a mail the server did not take is tried again while the invitation is
 * open, a few times.
 */
@Component
class InvitationMails {

  private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final String KIND = "invitation";

  /** One invitation mail; the link is a credential, so it is removed once the mail is sent. */
  @Document("invitation_mails")
  record InvitationMail(
      @Id String eventId,
      String to,
      String name,
      String invitedBy,
      String acceptUrl,
      Instant expiresAt,
      boolean sent,
      int attempts,
      Instant createdAt) {}

  private final MongoTemplate mongo;
  private final Mails mails;
  private final NotificationMetrics metrics;
  private final Clock clock;
  private final String messageIdDomain;

  InvitationMails(
      MongoTemplate mongo,
      Mails mails,
      NotificationMetrics metrics,
      NotificationSettings settings,
      Clock clock) {
    this.mongo = mongo;
    this.mails = mails;
    this.metrics = metrics;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
  }

  void invited(
      String eventId,
      String to,
      String name,
      String invitedBy,
      String acceptUrl,
      Instant expiresAt) {
    var mail =
        new InvitationMail(
            eventId, to, name, invitedBy, acceptUrl, expiresAt, false, 0, clock.instant());
    try {
      mongo.insert(mail);
    } catch (DuplicateKeyException recordedBefore) {
      mail = mongo.findById(eventId, InvitationMail.class);
    }
    if (mail != null && !mail.sent()) {
      send(mail);
    }
  }

  /** Invitations whose mail failed get another try while they are open. */
  @Scheduled(fixedDelayString = "${inkwell.notifications.notice-retry-interval:60s}")
  void retryUnsent() {
    var due =
        Query.query(
                where("sent")
                    .is(false)
                    .and("attempts")
                    .lt(MAX_ATTEMPTS)
                    .and("expiresAt")
                    .gt(clock.instant())
                    .and("createdAt")
                    .lt(clock.instant().minus(Duration.ofSeconds(30))))
            .limit(100);
    for (InvitationMail mail : mongo.find(due, InvitationMail.class)) {
      metrics.retried(KIND);
      send(mail);
    }
  }

  private void send(InvitationMail mail) {
    try {
      mails.sendInvitation(
          new Mails.InvitationMail(
              "<invitation." + mail.eventId() + "@" + messageIdDomain + ">",
              mail.to(),
              mail.name(),
              mail.invitedBy(),
              mail.acceptUrl(),
              mail.expiresAt()));
      mongo.updateFirst(
          Query.query(where("_id").is(mail.eventId())),
          new Update().set("sent", true).unset("acceptUrl").inc("attempts", 1),
          InvitationMail.class);
      metrics.sent(KIND);
    } catch (MailException e) {
      mongo.updateFirst(
          Query.query(where("_id").is(mail.eventId())),
          new Update().inc("attempts", 1),
          InvitationMail.class);
      metrics.failed(KIND);
      log.warn("Could not send the invitation of event {}", mail.eventId(), e);
    }
  }
}
