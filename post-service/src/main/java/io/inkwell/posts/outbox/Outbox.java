package io.inkwell.posts.outbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.mongodb.core.query.Query;

/**
 * A collection whose documents keep the events they raised in an {@code outbox} array until the
 * relay has sent them to a topic, keyed by the document's id (so one document's events stay in
 * order).
 *
 * @param collection the MongoDB collection
 * @param eventType what the stored events read as, and are written to the topic as
 * @param topic where they go
 */
public record Outbox(String collection, Class<?> eventType, String topic) {

  /** The array inside each document. */
  public static final String FIELD = "outbox";

  /**
   * The documents with events still to send. Every event has an id, so this asks what the posts'
   * partial {@code outbox} index holds: a handful of documents, however large the blog.
   */
  public static Query pending() {
    return Query.query(where(FIELD + ".eventId").exists(true));
  }
}
