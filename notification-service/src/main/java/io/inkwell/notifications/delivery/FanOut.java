package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.TraceContexts;
import io.inkwell.notifications.site.SiteName;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * On {@code PostPublished}, records one pending delivery per confirmed subscriber; {@link
 * DeliverySender} sends them. Recording first and sending later is what lets a crash at any point
 * lose nothing and double nothing.
 */
@Component
class FanOut {

  private static final Logger log = LoggerFactory.getLogger(FanOut.class);
  private static final int BATCH = 500;
  private static final int DUPLICATE_KEY = 11000;
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(1);

  private final MongoOperations mongo;
  private final JsonMapper json;
  private final Clock clock;

  private final NotificationMetrics metrics;
  private final TraceContexts traces;
  private final NotificationSettings settings;
  private final SiteName site;

  FanOut(
      MongoOperations mongo,
      JsonMapper json,
      Clock clock,
      NotificationMetrics metrics,
      TraceContexts traces,
      NotificationSettings settings,
      SiteName site) {
    this.settings = settings;
    this.site = site;
    this.metrics = metrics;
    this.traces = traces;
    this.mongo = mongo;
    this.json = json;
    this.clock = clock;
  }

  /**
   * post-service creates the topic too, alike; whoever starts first does (a consumer that starts
   * before it otherwise warns that the topic is unknown).
   */
  @Bean
  static NewTopic postEventsTopic(
      @Value("${inkwell.notifications.post-events-topic}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(3).replicas(replicas).build();
  }

  @KafkaListener(topics = "${inkwell.notifications.post-events-topic}")
  void on(String message) {
    PostEventMessage event = json.readValue(message, PostEventMessage.class);
    if (event.takenDown()) {
      skipUnsent(event.postId());
      return;
    }
    if (!event.mailed()) {
      return;
    }
    if (event.postId() == null || event.title() == null) {
      throw new IllegalArgumentException("PostPublished without postId or title: " + message);
    }
    var post =
        new Announcement(
            event.postId(),
            event.slug(),
            event.title(),
            event.excerpt(),
            event.tags(),
            event.occurredAt(),
            event.cover(),
            event.bodyHtml(),
            event.author() == null ? null : event.author().name(),
            event.publishedAt());
    mongo.save(post);
    long began = System.nanoTime();
    int recorded = recordDeliveries(post);
    metrics.fanOut(Duration.ofNanos(System.nanoTime() - began));
    log.info("Post {} published: {} deliveries recorded", event.postId(), recorded);
  }

  /**
   * One delivery per subscriber confirmed when the post was published whose preferences match the
   * post's tags: due at once, or at the time of their next digest ({@link DigestSender}). Someone
   * who subscribed since is left out, as Ghost mails the members there are when it sends: an event
   * read again long after (a consumer group whose offsets a long outage let Kafka forget reads its
   * topic from the start) would otherwise mail every newer subscriber every old post. A minute's
   * leeway allows for the two services' clocks.
   */
  private int recordDeliveries(Announcement post) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String traceparent = traces.current();
    ZoneId zone = site.zone();
    String after = "";
    int recorded = 0;
    while (true) {
      Criteria subscribed = where("status").is(SubscriberStatus.CONFIRMED).and("_id").gt(after);
      if (post.occurredAt() != null) {
        subscribed.orOperator(
            where("confirmedAt").lte(post.occurredAt().plus(CLOCK_SLACK)),
            where("confirmedAt").is(null));
      }
      List<Subscriber> batch =
          mongo.find(Query.query(subscribed).with(Sort.by("_id")).limit(BATCH), Subscriber.class);
      if (batch.isEmpty()) {
        return recorded;
      }
      var deliveries =
          batch.stream()
              .filter(subscriber -> subscriber.wants(post.tags()))
              .map(
                  subscriber ->
                      Delivery.pending(
                          post.postId(),
                          subscriber.id(),
                          now,
                          subscriber
                              .frequency()
                              .nextMailAt(now, zone, settings.digestHour(), settings.digestDay()),
                          traceparent))
              .toList();
      if (!deliveries.isEmpty()) {
        recorded += insertNew(deliveries);
      }
      after = batch.get(batch.size() - 1).id();
    }
  }

  /**
   * A post taken down (unpublished, or deleted) is mailed to nobody who has not got it yet: its
   * deliveries still waiting, for a digest above all, are skipped. One being sent goes out.
   */
  private void skipUnsent(String postId) {
    var skipped =
        mongo.updateMulti(
            Query.query(where("postId").is(postId).and("status").is(DeliveryStatus.PENDING)),
            new Update()
                .set("status", DeliveryStatus.SKIPPED)
                .set("lastError", "The post was taken down before it was mailed."),
            Delivery.class);
    if (skipped.getModifiedCount() > 0) {
      log.info("Post {} taken down: {} deliveries not sent", postId, skipped.getModifiedCount());
    }
  }

  /**
   * Inserts what is not there yet; deliveries recorded by an earlier delivery of the event stay.
   */
  private int insertNew(List<Delivery> deliveries) {
    try {
      return mongo
          .bulkOps(BulkMode.UNORDERED, Delivery.class)
          .insert(deliveries)
          .execute()
          .getInsertedCount();
    } catch (BulkOperationException e) {
      if (e.getErrors().stream().allMatch(error -> error.getCode() == DUPLICATE_KEY)) {
        return e.getResult().getInsertedCount();
      }
      throw e;
    }
  }
}
