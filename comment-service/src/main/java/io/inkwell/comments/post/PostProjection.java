package io.inkwell.comments.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@link KnownPost} up to date from {@code blog.post-events}. */
@Component
class PostProjection {

  private static final Logger log = LoggerFactory.getLogger(PostProjection.class);

  private final MongoOperations mongo;
  private final JsonMapper json;
  private final ImportedComments comments;

  PostProjection(MongoOperations mongo, JsonMapper json, ImportedComments comments) {
    this.mongo = mongo;
    this.json = json;
    this.comments = comments;
  }

  @KafkaListener(topics = "${inkwell.comments.post-events-topic}")
  void on(String message) {
    PostEventMessage event = json.readValue(message, PostEventMessage.class);
    switch (String.valueOf(event.type())) {
      case "PostPublished", "PostUpdated" -> project(event, KnownPost.PUBLISHED);
      case "PostUnpublished" -> project(event, KnownPost.DRAFT);
      case "PostDeleted" -> project(event, KnownPost.DELETED);
      case "CommentImported" -> comments.imported(event);
      default -> log.debug("Ignoring post event of type {}", event.type());
    }
  }

  /**
   * Records the post's state unless the projection already holds a newer version: the update
   * matches only an older or missing document, and the upsert of a second document for the same id
   * then fails on the primary key. A re-delivered event is therefore harmless.
   */
  private void project(PostEventMessage event, String status) {
    if (event.postId() == null || event.version() == null) {
      throw new IllegalArgumentException(event.type() + " without postId or version: " + event);
    }
    Query olderOrMissing =
        Query.query(
            where("_id")
                .is(event.postId())
                .orOperator(
                    where("version").lte(event.version()),
                    Criteria.where("version").exists(false)));
    Update update = new Update().set("status", status).set("version", event.version());
    if (event.slug() != null) {
      update.set("slug", event.slug());
    }
    if (event.title() != null) {
      update.set("title", event.title());
    }
    try {
      mongo.upsert(olderOrMissing, update, KnownPost.class);
    } catch (DuplicateKeyException newerKnown) {
      log.debug("Ignoring {} of post {}: a newer version is known", event.type(), event.postId());
    }
  }
}
