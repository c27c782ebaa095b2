package io.inkwell.comments.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps {@link KnownPost} up to date from {@code blog.post-events}. */
@Component
class PostProjection {

  private static final Logger log = LoggerFactory.getLogger(PostProjection.class);

  private final MongoOperations mongo;
  private final JsonMapper json;
  private final CommentsOfPosts comments;

  PostProjection(MongoOperations mongo, JsonMapper json, CommentsOfPosts comments) {
    this.mongo = mongo;
    this.json = json;
    this.comments = comments;
  }

  /** Comments of an imported post become approved comments once, whatever the redeliveries. */
  private void imported(PostEventMessage event) {
    if (event.commentId() == null || event.postId() == null || event.body() == null) {
      throw new IllegalArgumentException("CommentImported without ids or body: " + event);
    }
    comments.imported(
        event.commentId(),
        event.postId(),
        event.parentId(),
        event.authorName() == null ? "Anonymous" : event.authorName(),
        event.body(),
        event.postedAt());
  }

  /**
   * post-service creates the topic too, alike; whoever starts first does (a consumer that starts
   * before it otherwise warns that the topic is unknown).
   */
  @Bean
  static NewTopic postEventsTopic(
      @Value("${inkwell.comments.post-events-topic:blog.post-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(3).replicas(replicas).build();
  }

  @KafkaListener(topics = "${inkwell.comments.post-events-topic:blog.post-events}")
  void on(String message) {
    PostEventMessage event = json.readValue(message, PostEventMessage.class);
    switch (String.valueOf(event.type())) {
      case "PostPublished", "PostUpdated" -> project(event, KnownPost.PUBLISHED);
      case "PostUnpublished" -> project(event, KnownPost.DRAFT);
      case "PostDeleted" -> {
        project(event, KnownPost.DELETED);
        comments.removeAllOf(event.postId());
      }
      case "CommentImported" -> imported(event);
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
    if (event.author() != null) {
      update.set("authorId", event.author().id());
    }
    if (event.commentsOpen() != null) {
      update.set("commentsOpen", event.commentsOpen());
    }
    if (event.publishedAt() != null) {
      update.set("publishedAt", event.publishedAt());
    }
    try {
      mongo.upsert(olderOrMissing, update, KnownPost.class);
    } catch (DuplicateKeyException newerKnown) {
      log.debug("Ignoring {} of post {}: a newer version is known", event.type(), event.postId());
    }
  }
}
