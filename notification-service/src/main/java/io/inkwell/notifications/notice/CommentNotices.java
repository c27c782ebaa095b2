package io.inkwell.notifications.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.CommentMail;
import io.inkwell.notifications.mail.EmailAddresses;
import io.inkwell.notifications.mail.MailRecords;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.mail.SmtpFailures;
import io.inkwell.notifications.mail.StaffMails;
import io.inkwell.notifications.mail.SweepClaims;
import io.inkwell.notifications.notice.CommentNotice.Reason;
import io.inkwell.notifications.staff.StaffDirectory;
import io.inkwell.notifications.staff.StaffMember;
import io.inkwell.notifications.subscription.RateLimits;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails about a new comment: to the commenter whose comment it replies to, if they asked for it
 * ({@code notifyOnReply}) and confirmed it ({@link CommentFollowers}), to the post's author (the
 * owner when the byline has no account), and to the readers who follow the post's comments ({@code
 * notifyOnComments}, {@link CommentFollowers}); about a held one, to those who may moderate it (the
 * post's author when an editor or above, and the owner). A notice is recorded before its mail is
 * sent and marked sent after: a crash in between sends it again with the same Message-ID (at least
 * once; mail clients fold the copies), a redelivered event adds nothing. A mail that failed is
 * tried again by the sweeper, a few times.
 */
@Configuration(proxyBeanMethods = false)
class CommentNotices {

  private static final Logger log = LoggerFactory.getLogger(CommentNotices.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final String KIND = "comment";

  private final MongoTemplate mongo;
  private final ReaderMails readerMails;
  private final StaffMails staffMails;
  private final StaffDirectory staff;
  private final NotificationMetrics metrics;
  private final NotificationSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final String messageIdDomain;
  private final ReplyStops replyStops;
  private final CommentFollowers followers;
  private final RateLimits rateLimits;

  CommentNotices(
      MongoTemplate mongo,
      ReaderMails readerMails,
      StaffMails staffMails,
      StaffDirectory staff,
      NotificationMetrics metrics,
      NotificationSettings settings,
      JsonMapper json,
      Clock clock,
      ReplyStops replyStops,
      CommentFollowers followers,
      RateLimits rateLimits) {
    this.replyStops = replyStops;
    this.followers = followers;
    this.rateLimits = rateLimits;
    this.mongo = mongo;
    this.readerMails = readerMails;
    this.staffMails = staffMails;
    this.staff = staff;
    this.metrics = metrics;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
  }

  /** comment-service creates the topic too; whoever starts first does. */
  @Bean
  NewTopic commentEventsTopic(
      @Value("${inkwell.notifications.comment-events-topic:blog.comment-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(3).replicas(replicas).build();
  }

  @KafkaListener(topics = "${inkwell.notifications.comment-events-topic:blog.comment-events}")
  void on(String message) {
    CommentEventMessage event = json.readValue(message, CommentEventMessage.class);
    String postUrl = settings.siteUrl() + "/posts/" + event.postSlug();
    if (event.isCommentHeld()) {
      for (var moderator : staff.toAskToModerate(event.postAuthorId())) {
        notify(
            CommentNotice.of(event, Reason.MODERATE, moderator.email(), postUrl, clock.instant()));
      }
      return;
    }
    if (!event.isCommentPosted()) {
      return;
    }
    // a visible comment: the mails lead to it, as WordPress's do (a held one is not there yet)
    String commentUrl =
        event.commentId() == null ? postUrl : postUrl + "#comment-" + event.commentId();
    // to an address mail servers take (a commenter's, which comment-service checks less strictly
    // than subscribers' are checked) whose owner confirmed mails about this post's comments (which
    // a stop with the link of an earlier mail ends)
    Optional<String> replyTo =
        event.asksForReplyMail() && event.postId() != null
            ? EmailAddresses.normalised(event.notifyEmail())
                .filter(email -> followers.confirmed(event.postId(), email))
            : Optional.empty();
    replyTo.ifPresent(
        email -> notify(CommentNotice.of(event, Reason.REPLY, email, commentUrl, clock.instant())));
    var author =
        staff
            .toTellOfCommentsBy(event.postAuthorId())
            // an author replied to who hears of replies hears of it once, by the reply mail
            .filter(told -> replyTo.filter(told.email()::equalsIgnoreCase).isEmpty())
            // nobody is told of their own comment
            .filter(told -> !told.id().equals(event.authorStaffId()));
    author.ifPresent(
        told ->
            notify(
                CommentNotice.of(
                    event, Reason.NEW_COMMENT, told.email(), commentUrl, clock.instant())));
    tellFollowers(event, commentUrl, replyTo, author.map(StaffMember::email));
    if (event.follows() || event.wantsReplies()) {
      // asked after the mails about this comment: its writer knows it
      EmailAddresses.normalised(event.authorEmail())
          .filter(email -> !replyStops.stopped(event.postId(), email))
          .ifPresent(email -> askForCommentMails(event, email, postUrl));
    }
  }

  /**
   * The commenter gets the mails they asked for about the post's comments (every comment, or
   * replies to theirs) at once if they confirmed comment mails about another post; otherwise a mail
   * asks them to confirm, as a subscription's does, at most a few a day to one address, so that a
   * box ticked with someone else's address cannot fill their inbox.
   */
  private void askForCommentMails(CommentEventMessage event, String email, String postUrl) {
    boolean everyComment = event.follows();
    if (followers.ask(event.postId(), email, event.postTitle(), postUrl, everyComment)
            == CommentFollowers.Asked.TO_CONFIRM
        && rateLimits
            .attempt(
                "follow-address:" + email, settings.confirmationsPerAddress(), Duration.ofDays(1))
            .allowed()) {
      notify(
          CommentNotice.of(
              event,
              everyComment ? Reason.CONFIRM_FOLLOW : Reason.CONFIRM_REPLIES,
              email,
              postUrl,
              clock.instant()));
    }
  }

  /**
   * Those who follow the post's comments hear of this one, unless it is their own or they were told
   * of it already, by a reply mail or as the post's author.
   */
  private void tellFollowers(
      CommentEventMessage event,
      String commentUrl,
      Optional<String> replyTo,
      Optional<String> author) {
    if (event.postId() == null) {
      return;
    }
    var told = new ArrayList<String>();
    replyTo.ifPresent(told::add);
    author.ifPresent(told::add);
    if (event.authorEmail() != null) {
      told.add(event.authorEmail());
    }
    for (String follower : followers.of(event.postId())) {
      if (told.stream().noneMatch(follower::equalsIgnoreCase)) {
        notify(CommentNotice.of(event, Reason.FOLLOW_UP, follower, commentUrl, clock.instant()));
      }
    }
  }

  private void notify(CommentNotice notice) {
    CommentNotice recorded = notice;
    try {
      mongo.insert(notice);
    } catch (DuplicateKeyException recordedBefore) {
      recorded = mongo.findById(notice.id(), CommentNotice.class);
    }
    if (recorded != null && recorded.status() == CommentNotice.Status.PENDING) {
      send(recorded);
    }
  }

  /**
   * Notices whose mail failed (or whose service stopped before sending) get another try, each from
   * one of the instances that found it ({@link SweepClaims}).
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.notice-retry-interval:60s}")
  void retryPending() {
    SweepClaims.forEachClaimed(
        mongo,
        CommentNotice.class,
        clock,
        where("status").is(CommentNotice.Status.PENDING),
        CommentNotice::id,
        notice -> {
          metrics.retried(KIND);
          send(notice);
        });
  }

  /**
   * The records of notices sent or given up are kept a month, against an event delivered again
   * (Kafka keeps a week by default); then they go, with the addresses and names they hold, so that
   * nothing of a commenter's is kept for ever. Any instance may do it, as often as it likes.
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.mail-record-prune-interval:6h}")
  void forgetOldRecords() {
    var done =
        Query.query(
            where("status")
                .in(CommentNotice.Status.SENT, CommentNotice.Status.FAILED)
                .and("createdAt")
                .lt(clock.instant().minus(MailRecords.KEPT)));
    long forgotten = mongo.remove(done, CommentNotice.class).getDeletedCount();
    if (forgotten > 0) {
      log.info("Forgot {} comment notices older than {}", forgotten, MailRecords.KEPT);
    }
  }

  /** The links of a comment mail that stop those about its post, and those about every post. */
  private ReaderMails.Stops stops(CommentNotice notice) {
    return new ReaderMails.Stops(
        replyStops.token(notice.postId(), notice.to()),
        replyStops.token(ReplyStops.EVERY_POST, notice.to()));
  }

  private void send(CommentNotice notice) {
    try {
      switch (notice.reason()) {
        case REPLY ->
            readerMails.sendReply(
                mail(notice, "reply"), notice.postId() == null ? null : stops(notice));
        case FOLLOW_UP ->
            readerMails.sendFollowUp(
                mail(notice, "followup." + Integer.toHexString(notice.to().hashCode())),
                stops(notice));
        case CONFIRM_FOLLOW, CONFIRM_REPLIES ->
            readerMails.sendCommentMailsConfirmation(
                mail(notice, "follow." + Integer.toHexString(notice.to().hashCode())),
                notice.reason() == Reason.CONFIRM_FOLLOW,
                followers.confirmToken(notice.postId(), notice.to()),
                replyStops.token(ReplyStops.EVERY_POST, notice.to()));
        case NEW_COMMENT -> staffMails.sendNewComment(mail(notice, "comment"));
        case MODERATE ->
            staffMails.sendModerationRequest(
                mail(notice, "moderate." + Integer.toHexString(notice.to().hashCode())));
      }
      mark(notice, CommentNotice.Status.SENT);
      metrics.sent(KIND);
    } catch (MailException e) {
      if (SmtpFailures.isServerUnavailable(e)) {
        // not the notice's fault: it waits for the mail server, however long, using up no attempt
        log.warn(
            "The {} notice of event {} waits for the mail server",
            notice.reason(),
            notice.eventId());
        return;
      }
      boolean last = notice.attempts() + 1 >= MAX_ATTEMPTS;
      mark(notice, last ? CommentNotice.Status.FAILED : CommentNotice.Status.PENDING);
      metrics.failed(KIND);
      log.warn("Could not send the {} notice of event {}", notice.reason(), notice.eventId(), e);
    }
  }

  /** The Message-ID is derived from the event and the reason: a mail sent again is the same. */
  private CommentMail mail(CommentNotice notice, String idPrefix) {
    return new CommentMail(
        "<" + idPrefix + "." + notice.eventId() + "@" + messageIdDomain + ">",
        notice.to(),
        notice.postTitle(),
        notice.postUrl(),
        notice.commenterName(),
        notice.excerpt());
  }

  private void mark(CommentNotice notice, CommentNotice.Status status) {
    mongo.updateFirst(
        Query.query(where("_id").is(notice.id())),
        new Update().set("status", status).inc("attempts", 1),
        CommentNotice.class);
  }
}
