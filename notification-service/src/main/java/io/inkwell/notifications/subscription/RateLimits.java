package io.inkwell.notifications.subscription;

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

/**
 * Fixed-window counters in MongoDB, shared by every instance: one atomic upsert-and-increment per
 * attempt. Expired windows are removed by a scheduled clean-up (the embedded MongoDB has no TTL).
 */
@Component
public class RateLimits {

  @Document("rate_limits")
  record Window(@Id String id, long count, Instant endsAt) {}

  /** The outcome of one attempt: allowed or not, and when the window (by id) ends. */
  public record Attempt(boolean allowed, Instant windowEndsAt, String windowId) {}

  private final MongoOperations mongo;
  private final Clock clock;

  RateLimits(MongoOperations mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Counts an attempt against {@code limit} per {@code window} for the key. */
  public Attempt attempt(String key, int limit, Duration window) {
    Instant now = clock.instant();
    long index = now.toEpochMilli() / window.toMillis();
    Instant endsAt = Instant.ofEpochMilli((index + 1) * window.toMillis());
    String windowId = key + "@" + index;
    Window counted =
        mongo.findAndModify(
            Query.query(where("_id").is(windowId)),
            new Update().inc("count", 1).set("endsAt", endsAt),
            FindAndModifyOptions.options().upsert(true).returnNew(true),
            Window.class);
    return new Attempt(counted != null && counted.count() <= limit, endsAt, windowId);
  }

  /** Uncounts an allowed attempt that came to nothing (the mail it allowed was never sent). */
  public void giveBack(Attempt attempt) {
    mongo.updateFirst(
        Query.query(where("_id").is(attempt.windowId()).and("count").gt(0)),
        new Update().inc("count", -1),
        Window.class);
  }

  @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
  void removeExpired() {
    mongo.remove(Query.query(where("endsAt").lt(clock.instant())), Window.class);
  }
}
