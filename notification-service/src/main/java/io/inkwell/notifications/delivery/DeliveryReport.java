package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The state of a post's email. */
@Component
public class DeliveryReport {

  private final MongoOperations mongo;

  DeliveryReport(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /** Counts; {@code pending} includes deliveries being sent right now. */
  public record Summary(long total, long pending, long sent, long failed, long skipped) {}

  public Summary of(String postId) {
    return new Summary(
        count(postId, List.of(DeliveryStatus.values())),
        count(postId, List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING)),
        count(postId, List.of(DeliveryStatus.SENT)),
        count(postId, List.of(DeliveryStatus.FAILED)),
        count(postId, List.of(DeliveryStatus.SKIPPED)));
  }

  private long count(String postId, List<DeliveryStatus> statuses) {
    return mongo.count(
        Query.query(where("postId").is(postId).and("status").in(statuses)), Delivery.class);
  }
}
