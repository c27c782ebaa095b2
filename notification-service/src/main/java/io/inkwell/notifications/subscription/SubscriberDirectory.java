package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The subscriber list admins see: newest first, a page at a time, optionally by state and part of
 * the address (Ghost's member search); all of it for an export; and erasure, when someone asks to
 * be forgotten.
 */
@Service
public class SubscriberDirectory {

  private final MongoTemplate mongo;
  private final NotificationMetrics metrics;

  SubscriberDirectory(MongoTemplate mongo, NotificationMetrics metrics) {
    this.mongo = mongo;
    this.metrics = metrics;
  }

  /**
   * @param total how many subscribers have the state asked for (all of them when none was), as
   *     Ghost's member count
   */
  public record Page(List<Subscriber> items, String nextCursor, long total) {}

  /**
   * A page of the subscribers with {@code status} (all when null) whose address contains {@code
   * text} (any case; every one when blank), newest first, after {@code cursor}.
   */
  public Page page(SubscriberStatus status, String text, int limit, String cursor) {
    Criteria state = status == null ? new Criteria() : where("status").is(status);
    // control characters are no words to look for (and a NUL cannot go into a query)
    String words = text == null ? "" : text.replaceAll("\\p{Cntrl}", " ").strip();
    if (!words.isEmpty()) {
      // the admin's words as they are, never a pattern of their own
      state = state.and("email").regex(Pattern.quote(words), "i");
    }
    long total = mongo.count(Query.query(state), Subscriber.class);
    Criteria criteria = state;
    if (cursor != null && !cursor.isBlank()) {
      String[] after = decode(cursor);
      Instant at = Instant.ofEpochMilli(Long.parseLong(after[0]));
      criteria =
          new Criteria()
              .andOperator(
                  criteria,
                  new Criteria()
                      .orOperator(
                          where("createdAt").lt(at),
                          where("createdAt").is(at).and("_id").lt(after[1])));
    }
    List<Subscriber> found =
        mongo.find(
            Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit + 1),
            Subscriber.class);
    if (found.size() <= limit) {
      return new Page(found, null, total);
    }
    Subscriber last = found.get(limit - 1);
    String next = last.createdAt().toEpochMilli() + "_" + last.id();
    return new Page(
        found.subList(0, limit),
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(next.getBytes(StandardCharsets.UTF_8)),
        total);
  }

  /** Every subscriber, newest first, read as a stream (a list of any length fits). */
  public Stream<Subscriber> all() {
    return mongo.stream(
        new Query().with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id"))),
        Subscriber.class);
  }

  /**
   * Forgets a subscriber: their address goes, and with it every mail not yet sent to them (the
   * sender skips a delivery whose subscriber is gone). Delivery records keep only the opaque id.
   *
   * @return whether there was such a subscriber
   */
  public boolean erase(String id) {
    boolean erased =
        mongo.remove(Query.query(where("_id").is(id)), Subscriber.class).getDeletedCount() > 0;
    if (erased) {
      metrics.subscription("erased");
    }
    return erased;
  }

  private static String[] decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      String[] parts = raw.split("_", 2);
      Long.parseLong(parts[0]);
      if (parts.length != 2) {
        throw new IllegalArgumentException();
      }
      return parts;
    } catch (IllegalArgumentException e) {
      throw new InvalidCursor();
    }
  }

  /** A cursor this service did not hand out. */
  public static class InvalidCursor extends RuntimeException {
    InvalidCursor() {
      super("The cursor is not one this list gave out; start again without it.");
    }
  }
}
