package io.inkwell.notifications.review;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.MailRecords;
import io.inkwell.notifications.mail.SmtpFailures;
import io.inkwell.notifications.mail.StaffMails;
import io.inkwell.notifications.mail.SweepClaims;
import io.inkwell.notifications.staff.StaffDirectory;
import java.time.Clock;
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
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the editors of a draft its author submitted for review ({@code PostSubmitted}), each once:
 * every mail is recorded under the event and the editor, with what it says, before it is sent and
 * marked sent after, so a redelivered event sends nothing new. A mail that failed is tried again by
 * the sweeper, a few times; while the mail server is away (ADR 0012) it waits, however long, using
 * up no attempt, and the event is not held up. Its own consumer group reads the post events beside
 * the subscribers' fan-out.
 */
@Component
class ReviewRequests {

  private static final Logger log = LoggerFactory.getLogger(ReviewRequests.class);
  private static final String KIND = "review";
  private static final int MAX_ATTEMPTS = 5;

  /** What is read of {@code contracts/post-submitted.schema.json}; the rest is ignored. */
  record Submitted(String eventId, String type, String postId, String title, Author author) {

    record Author(String id, String name) {}
  }

  /**
   * One editor's mail about one submission.
   *
   * @param title the post's title and {@code authorName} its author's, as submitted (null in
   *     requests recorded before they were kept, which are not tried again)
   * @param attempts the tries the mail server refused; none while it was away
   */
  @Document("review_requests")
  record ReviewRequest(
      @Id String id,
      String postId,
      String to,
      String title,
      String authorName,
      boolean sent,
      int attempts,
      Instant createdAt) {}

  private final MongoTemplate mongo;
  private final StaffMails mails;
  private final StaffDirectory staff;
  private final NotificationMetrics metrics;
  private final NotificationSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final String messageIdDomain;

  ReviewRequests(
      MongoTemplate mongo,
      StaffMails mails,
      StaffDirectory staff,
      NotificationMetrics metrics,
      NotificationSettings settings,
      JsonMapper json,
      Clock clock) {
    this.mongo = mongo;
    this.mails = mails;
    this.staff = staff;
    this.metrics = metrics;
    this.settings = settings;
    this.json = json;
    this.clock = clock;
    this.messageIdDomain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
  }

  @KafkaListener(
      topics = "${inkwell.notifications.post-events-topic}",
      groupId = "${spring.kafka.consumer.group-id:notification-service}-reviews")
  void on(String message) {
    Submitted event = json.readValue(message, Submitted.class);
    if (!"PostSubmitted".equals(event.type())) {
      return;
    }
    String authorId = event.author() == null ? null : event.author().id();
    String authorName = event.author() == null ? "Someone" : event.author().name();
    for (var editor : staff.editors()) {
      if (editor.id().equals(authorId)) {
        continue;
      }
      var request =
          new ReviewRequest(
              event.eventId() + ":" + editor.id(),
              event.postId(),
              editor.email(),
              event.title(),
              authorName,
              false,
              0,
              clock.instant());
      try {
        mongo.insert(request);
      } catch (DuplicateKeyException recordedBefore) {
        request = mongo.findById(request.id(), ReviewRequest.class);
      }
      if (request != null && !request.sent()) {
        send(request);
      }
    }
  }

  /**
   * Requests whose mail failed (or whose service stopped before sending) get another try, each from
   * one of the instances that found it ({@link SweepClaims}).
   */
  /**
   * The records of review mails sent or given up are kept a month against an event delivered again,
   * then go with the addresses they hold.
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.mail-record-prune-interval:6h}")
  void forgetOldRecords() {
    var done =
        Query.query(
            new Criteria()
                .andOperator(
                    where("createdAt").lt(clock.instant().minus(MailRecords.KEPT)),
                    new Criteria()
                        .orOperator(where("sent").is(true), where("attempts").gte(MAX_ATTEMPTS))));
    long forgotten = mongo.remove(done, ReviewRequest.class).getDeletedCount();
    if (forgotten > 0) {
      log.info("Forgot {} review mails older than {}", forgotten, MailRecords.KEPT);
    }
  }

  @Scheduled(fixedDelayString = "${inkwell.notifications.notice-retry-interval:60s}")
  void retryUnsent() {
    SweepClaims.forEachClaimed(
        mongo,
        ReviewRequest.class,
        clock,
        where("sent").is(false).and("attempts").lt(MAX_ATTEMPTS),
        ReviewRequest::id,
        request -> {
          metrics.retried(KIND);
          send(request);
        },
        where("title").ne(null));
  }

  private void send(ReviewRequest request) {
    try {
      mails.sendReviewRequest(
          new StaffMails.ReviewMail(
              "<" + KIND + "." + request.id().replace(':', '.') + "@" + messageIdDomain + ">",
              request.to(),
              request.title(),
              request.authorName(),
              settings.siteUrl() + "/admin/posts/" + request.postId()));
    } catch (MailException e) {
      if (SmtpFailures.isServerUnavailable(e)) {
        log.warn("The review request {} waits for the mail server", request.id());
        return;
      }
      mongo.updateFirst(byId(request), new Update().inc("attempts", 1), ReviewRequest.class);
      metrics.failed(KIND);
      log.warn("Could not send the review request {}", request.id(), e);
      return;
    }
    mongo.updateFirst(byId(request), Update.update("sent", true), ReviewRequest.class);
    metrics.sent(KIND);
  }

  private static Query byId(ReviewRequest request) {
    return Query.query(where("_id").is(request.id()));
  }
}
