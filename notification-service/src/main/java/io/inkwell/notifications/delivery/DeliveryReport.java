package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** The state of a post's email. */
@Component
public class DeliveryReport {

  private final MongoOperations mongo;

  DeliveryReport(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /**
   * Counts; {@code pending} includes deliveries being sent right now, {@code waitingForDigest}
   * those that go out in subscribers' daily or weekly digests (being sent in one included).
   */
  public record Summary(
      long total, long pending, long sent, long failed, long skipped, long waitingForDigest) {}

  private static final List<DeliveryStatus> UNSENT =
      List.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING);

  public Summary of(String postId) {
    return new Summary(
        count(where("postId").is(postId)),
        count(where("postId").is(postId).and("status").in(UNSENT).and("digestAt").is(null)),
        count(where("postId").is(postId).and("status").is(DeliveryStatus.SENT)),
        count(where("postId").is(postId).and("status").is(DeliveryStatus.FAILED)),
        count(where("postId").is(postId).and("status").is(DeliveryStatus.SKIPPED)),
        count(where("postId").is(postId).and("status").in(UNSENT).and("digestAt").ne(null)));
  }

  private long count(Criteria criteria) {
    return mongo.count(Query.query(criteria), Delivery.class);
  }
}
