package io.inkwell.notifications.reply;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.Mails;
import java.time.Clock;
import java.time.Duration;
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
 * Tells a commenter who asked for it ({@code notifyOnReply}) that someone replied. The notice is
 * recorded before the mail is sent and marked sent after: a crash in between sends it again with
 * the same Message-ID (at least once; mail clients fold the copies), a redelivered event adds
 * nothing. A mail that failed is tried again by the sweeper, a few times.
 */
@Configuration(proxyBeanMethods = false)
class ReplyNotices {

  private static final Logger log = LoggerFactory.getLogger(ReplyNotices.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final String KIND = "comment";

  private final MongoTemplate mongo;
  private final Mails mails;
  private final NotificationMetrics metrics;
  private final NotificationSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final String messageIdDomain;

  ReplyNotices(
      MongoTemplate mongo,
      Mails mails,
      NotificationMetrics metrics,
      NotificationSettings settings,
      JsonMapper json,
      Clock clock) {
    this.mongo = mongo;
    this.mails = mails;
    this.metrics = metrics;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
  }

  /** comment-service creates the topic too; whoever starts first does. */
  @Bean
  NewTopic commentEventsTopic(
      @Value("${inkwell.notifications.comment-events-topic:blog.comment-events}") String topic) {
    return TopicBuilder.name(topic).partitions(3).build();
  }

  @KafkaListener(topics = "${inkwell.notifications.comment-events-topic:blog.comment-events}")
  void on(String message) {
    CommentEventMessage event = json.readValue(message, CommentEventMessage.class);
    if (!event.asksForReplyMail()) {
      return;
    }
    var notice =
        new ReplyNotice(
            event.eventId(),
            event.notifyEmail(),
            event.postTitle(),
            settings.siteUrl() + "/posts/" + event.postSlug(),
            event.authorName(),
            event.excerpt(),
            ReplyNotice.Status.PENDING,
            0,
            clock.instant());
    try {
      mongo.insert(notice);
    } catch (DuplicateKeyException recordedBefore) {
      notice = mongo.findById(event.eventId(), ReplyNotice.class);
    }
    if (notice != null && notice.status() == ReplyNotice.Status.PENDING) {
      send(notice);
    }
  }

  /** Notices whose mail failed (or whose service stopped before sending) get another try. */
  @Scheduled(fixedDelayString = "${inkwell.notifications.reply-retry-interval:60s}")
  void retryPending() {
    var due =
        Query.query(
                where("status")
                    .is(ReplyNotice.Status.PENDING)
                    .and("createdAt")
                    .lt(clock.instant().minus(Duration.ofSeconds(30))))
            .limit(100);
    for (ReplyNotice notice : mongo.find(due, ReplyNotice.class)) {
      metrics.retried(KIND);
      send(notice);
    }
  }

  private void send(ReplyNotice notice) {
    try {
      mails.sendReply(
          new Mails.ReplyMail(
              "<reply." + notice.eventId() + "@" + messageIdDomain + ">",
              notice.to(),
              notice.postTitle(),
              notice.postUrl(),
              notice.replierName(),
              notice.excerpt()));
      mark(notice, ReplyNotice.Status.SENT);
      metrics.sent(KIND);
    } catch (MailException e) {
      boolean last = notice.attempts() + 1 >= MAX_ATTEMPTS;
      mark(notice, last ? ReplyNotice.Status.FAILED : ReplyNotice.Status.PENDING);
      metrics.failed(KIND);
      log.warn("Could not send the reply notice of event {}", notice.eventId(), e);
    }
  }

  private void mark(ReplyNotice notice, ReplyNotice.Status status) {
    mongo.updateFirst(
        Query.query(where("_id").is(notice.eventId())),
        new Update().set("status", status).inc("attempts", 1),
        ReplyNotice.class);
  }
}
