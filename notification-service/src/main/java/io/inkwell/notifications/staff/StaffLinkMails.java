package io.inkwell.notifications.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.MailRecords;
import io.inkwell.notifications.mail.SmtpFailures;
import io.inkwell.notifications.mail.StaffMails;
import io.inkwell.notifications.mail.SweepClaims;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Mails a staff member about their account: a link where they choose their password, an invitee's
 * ({@code StaffInvited}) or a forgotten one's ({@code PasswordResetRequested}), the code that lets
 * them set up two-step sign-in ({@code TwoStepSetupCodeRequested}), or a change to how it is signed
 * in to ({@code StaffSecurityNotice}), with the link to the page that asks for a new password, or
 * how an import they were answered before the end of ended ({@code ImportEnded}, {@link
 * ImportEndings}); once per event: the mail is recorded under the event's id before it is sent and
 * marked sent after, so a redelivered event sends nothing new; a mail the server did not take is
 * tried again while the link works (a notice: for a day), a few times.
 */
@Component
class StaffLinkMails {

  private static final Logger log = LoggerFactory.getLogger(StaffLinkMails.class);
  private static final int MAX_ATTEMPTS = 5;

  /** What the link is for; the name is the metrics' {@code kind} and the Message-ID's prefix. */
  enum Kind {
    INVITATION("invitation"),
    PASSWORD_RESET("password-reset"),
    TWO_STEP_SETUP_CODE("two-step-setup-code"),
    SECURITY_NOTICE("security-notice"),
    IMPORT_ENDED("import");

    final String metric;

    Kind(String metric) {
      this.metric = metric;
    }
  }

  /** How long a security notice is worth sending: a day late, it is old news. */
  private static final Duration NOTICE_WORTH = Duration.ofDays(1);

  /**
   * One mail with a link or a code; an invitation's or reset's link is a credential, as a setup
   * code is, so either is removed once the mail is sent.
   *
   * @param invitedBy who invited them (invitations only)
   * @param code the six digits that show the mailbox is theirs (two-step setup codes only)
   * @param notice what changed (security notices only)
   * @param imported how the import ended (imports' ends only)
   */
  @Document("staff_link_mails")
  record LinkMail(
      @Id String eventId,
      Kind kind,
      String to,
      String name,
      String invitedBy,
      String link,
      String code,
      Instant expiresAt,
      boolean sent,
      int attempts,
      Instant createdAt,
      Notice notice,
      Import imported) {}

  /**
   * A security notice's change, as {@code contracts/staff-security-notice.schema.json} names it.
   *
   * @param what the {@code notice}: {@code NEW_BROWSER}, {@code PASSWORD_CHANGED}, …
   */
  record Notice(
      String what, String device, String changedBy, Integer recoveryCodesLeft, Instant at) {}

  /**
   * How an import ended, as {@code contracts/import-ended.schema.json} says it.
   *
   * @param state {@code DONE} or {@code STOPPED}
   */
  record Import(
      String from,
      String state,
      int total,
      int posts,
      int alreadyThere,
      int comments,
      String problem) {}

  private final MongoTemplate mongo;
  private final StaffMails mails;
  private final NotificationMetrics metrics;
  private final Clock clock;
  private final String messageIdDomain;

  StaffLinkMails(
      MongoTemplate mongo,
      StaffMails mails,
      NotificationMetrics metrics,
      NotificationSettings settings,
      Clock clock) {
    this.mongo = mongo;
    this.mails = mails;
    this.metrics = metrics;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
  }

  /** Sends the mail of this event unless it was sent before. */
  void requested(
      String eventId,
      Kind kind,
      String to,
      String name,
      String invitedBy,
      String link,
      Instant expiresAt) {
    record(
        new LinkMail(
            eventId,
            kind,
            to,
            name,
            invitedBy,
            link,
            null,
            expiresAt,
            false,
            0,
            clock.instant(),
            null,
            null));
  }

  /** Sends the mail of this two-step setup code unless it was sent before. */
  void codeRequested(String eventId, String to, String name, String code, Instant expiresAt) {
    record(
        new LinkMail(
            eventId,
            Kind.TWO_STEP_SETUP_CODE,
            to,
            name,
            null,
            null,
            code,
            expiresAt,
            false,
            0,
            clock.instant(),
            null,
            null));
  }

  /**
   * Sends the mail of this security notice unless it was sent before.
   *
   * @param resetUrl the page where whoever did not make the change asks for a new password
   */
  void noticed(String eventId, String to, String name, Notice notice, String resetUrl) {
    record(
        new LinkMail(
            eventId,
            Kind.SECURITY_NOTICE,
            to,
            name,
            null,
            resetUrl,
            null,
            notice.at().plus(NOTICE_WORTH),
            false,
            0,
            clock.instant(),
            notice,
            null));
  }

  /**
   * Sends the mail of this import's end unless it was sent before: worth sending for a day, as a
   * notice is.
   */
  void importEnded(String eventId, String to, String name, Import imported, Instant endedAt) {
    record(
        new LinkMail(
            eventId,
            Kind.IMPORT_ENDED,
            to,
            name,
            null,
            null,
            null,
            endedAt.plus(NOTICE_WORTH),
            false,
            0,
            clock.instant(),
            null,
            imported));
  }

  private void record(LinkMail mail) {
    String eventId = mail.eventId();
    try {
      mongo.insert(mail);
    } catch (DuplicateKeyException recordedBefore) {
      mail = mongo.findById(eventId, LinkMail.class);
    }
    if (mail != null && !mail.sent()) {
      send(mail);
    }
  }

  /**
   * Mails that failed get another try while their link works, each from one of the instances that
   * found it ({@link SweepClaims}).
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.notice-retry-interval:60s}")
  void retryUnsent() {
    SweepClaims.forEachClaimed(
        mongo,
        LinkMail.class,
        clock,
        where("sent").is(false).and("attempts").lt(MAX_ATTEMPTS),
        LinkMail::eventId,
        mail -> {
          metrics.retried(mail.kind().metric);
          send(mail);
        },
        where("expiresAt").gt(clock.instant()));
  }

  /**
   * The records of mails sent or given up (tried {@code MAX_ATTEMPTS} times, or their link ran out)
   * are kept a month against an event delivered again, then go with the addresses they hold.
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.mail-record-prune-interval:6h}")
  void forgetOldRecords() {
    Instant now = clock.instant();
    var done =
        Query.query(
            new Criteria()
                .andOperator(
                    where("createdAt").lt(now.minus(MailRecords.KEPT)),
                    new Criteria()
                        .orOperator(
                            where("sent").is(true),
                            where("attempts").gte(MAX_ATTEMPTS),
                            where("expiresAt").lt(now))));
    long forgotten = mongo.remove(done, LinkMail.class).getDeletedCount();
    if (forgotten > 0) {
      log.info("Forgot {} staff mails older than {}", forgotten, MailRecords.KEPT);
    }
  }

  private void send(LinkMail mail) {
    String messageId =
        "<" + mail.kind().metric + "." + mail.eventId() + "@" + messageIdDomain + ">";
    try {
      switch (mail.kind()) {
        case INVITATION ->
            mails.sendInvitation(
                new StaffMails.InvitationMail(
                    messageId,
                    mail.to(),
                    mail.name(),
                    mail.invitedBy(),
                    mail.link(),
                    mail.expiresAt()));
        case PASSWORD_RESET ->
            mails.sendPasswordReset(
                new StaffMails.PasswordResetMail(
                    messageId, mail.to(), mail.name(), mail.link(), mail.expiresAt()));
        case TWO_STEP_SETUP_CODE ->
            mails.sendTwoStepSetupCode(
                new StaffMails.TwoStepSetupCodeMail(
                    messageId, mail.to(), mail.name(), mail.code(), mail.expiresAt()));
        case SECURITY_NOTICE ->
            mails.sendSecurityNotice(
                new StaffMails.SecurityNoticeMail(
                    messageId,
                    mail.to(),
                    mail.name(),
                    mail.notice().what(),
                    mail.notice().device(),
                    mail.notice().changedBy(),
                    mail.notice().recoveryCodesLeft(),
                    mail.notice().at(),
                    mail.link()));
        case IMPORT_ENDED ->
            mails.sendImportEnded(
                new StaffMails.ImportMail(
                    messageId,
                    mail.to(),
                    mail.name(),
                    mail.imported().from(),
                    mail.imported().state(),
                    mail.imported().total(),
                    mail.imported().posts(),
                    mail.imported().alreadyThere(),
                    mail.imported().comments(),
                    mail.imported().problem()));
      }
      mongo.updateFirst(
          Query.query(where("_id").is(mail.eventId())),
          new Update().set("sent", true).unset("link").unset("code").inc("attempts", 1),
          LinkMail.class);
      metrics.sent(mail.kind().metric);
    } catch (MailException e) {
      log.warn("Could not send the {} mail of event {}", mail.kind().metric, mail.eventId(), e);
      if (SmtpFailures.isServerUnavailable(e)) {
        // not the mail's fault: it waits for the mail server while its link works
        return;
      }
      mongo.updateFirst(
          Query.query(where("_id").is(mail.eventId())),
          new Update().inc("attempts", 1),
          LinkMail.class);
      metrics.failed(mail.kind().metric);
    }
  }
}
