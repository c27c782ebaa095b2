package io.inkwell.notifications.review;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.Mails;
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
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the editors of a draft its author submitted for review ({@code PostSubmitted}), each once:
 * every mail is recorded under the event and the editor before it is sent and marked sent after, so
 * a redelivered event sends nothing new. A mail the server did not take fails the event, which
 * Kafka delivers again (with backoff, then to the dead-letter topic), and only the unsent go out.
 * Its own consumer group reads the post events beside the subscribers' fan-out.
 */
@Component
class ReviewRequests {

  private static final Logger log = LoggerFactory.getLogger(ReviewRequests.class);
  private static final String KIND = "review";

  /** What is read of {@code contracts/post-submitted.schema.json}; the rest is ignored. */
  record Submitted(String eventId, String type, String postId, String title, Author author) {

    record Author(String id, String name) {}
  }

  /** One editor's mail about one submission. */
  @Document("review_requests")
  record ReviewRequest(@Id String id, String postId, String to, boolean sent, Instant createdAt) {}

  private final MongoTemplate mongo;
  private final Mails mails;
  private final StaffDirectory staff;
  private final NotificationMetrics metrics;
  private final NotificationSettings settings;
  private final JsonMapper json;
  private final Clock clock;
  private final String messageIdDomain;

  ReviewRequests(
      MongoTemplate mongo,
      Mails mails,
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
              false,
              clock.instant());
      try {
        mongo.insert(request);
      } catch (DuplicateKeyException recordedBefore) {
        request = mongo.findById(request.id(), ReviewRequest.class);
      }
      if (request != null && !request.sent()) {
        send(request, event, authorName);
      }
    }
  }

  private void send(ReviewRequest request, Submitted event, String authorName) {
    try {
      mails.sendReviewRequest(
          new Mails.ReviewMail(
              "<" + KIND + "." + request.id().replace(':', '.') + "@" + messageIdDomain + ">",
              request.to(),
              event.title(),
              authorName,
              settings.siteUrl() + "/admin/posts/" + event.postId()));
    } catch (MailException unavailable) {
      metrics.failed(KIND);
      log.warn(
          "A review request for post {} could not be sent; the event comes again", event.postId());
      throw unavailable;
    }
    mongo.updateFirst(
        Query.query(Criteria.where("_id").is(request.id())),
        Update.update("sent", true),
        ReviewRequest.class);
    metrics.sent(KIND);
  }
}
