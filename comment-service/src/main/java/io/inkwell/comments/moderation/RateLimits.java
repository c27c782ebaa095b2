package io.inkwell.comments.moderation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Fixed-window counters in MongoDB shared by all instances; expired windows are cleaned up. */
@Component
public class RateLimits {

  @Document("rate_limits")
  record Window(@Id String id, long count, Instant endsAt) {}

  /** Whether the attempt is allowed, and when its window ends. */
  public record Attempt(boolean allowed, Instant windowEndsAt) {}

  private final MongoOperations mongo;
  private final Clock clock;

  RateLimits(MongoOperations mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  public Attempt attempt(String key, int limit, Duration window) {
    long index = clock.instant().toEpochMilli() / window.toMillis();
    Instant endsAt = Instant.ofEpochMilli((index + 1) * window.toMillis());
    Window counted =
        mongo.findAndModify(
            Query.query(where("_id").is(key + "@" + index)),
            new Update().inc("count", 1).set("endsAt", endsAt),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Window.class);
    return new Attempt(counted != null && counted.count() <= limit, endsAt);
  }

  @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
  void removeExpired() {
    mongo.remove(Query.query(where("endsAt").lt(clock.instant())), Window.class);
  }
}
