package io.inkwell.comments.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes a moderated or corrected comment in one single-document update: its status and text are
 * set, the events it raised are appended to the outbox, and the version must still be the one it
 * was read at. The outbox is appended to, never replaced, so a write based on a copy read before
 * the relay removed a sent event cannot put that event back (and have it sent twice).
 */
@Component
class CommentWrites {

  private final MongoOperations mongo;
  private final TraceContexts traces;

  CommentWrites(MongoOperations mongo, TraceContexts traces) {
    this.mongo = mongo;
    this.traces = traces;
  }

  /**
   * @return the comment as stored
   * @throws OptimisticLockingFailureException when someone else changed the comment since it was
   *     read
   */
  Comment save(Comment comment) {
    var update =
        new Update()
            .set("status", comment.status())
            .set("moderatedAt", comment.moderatedAt())
            .set("authorName", comment.authorName())
            .set("body", comment.body())
            .set("searchText", comment.currentSearchText())
            .set("bodyHtml", comment.bodyHtml())
            .set("editedAt", comment.editedAt())
            .inc("version", 1);
    if (comment.erasedAt() != null) {
      // unset, not null: the fingerprint's unique index leaves out only those without one
      update
          .unset("authorEmail")
          .unset("client")
          .unset("fingerprint")
          .set("notifyOnReply", false)
          .set("notifyOnComments", false)
          .set("erasedAt", comment.erasedAt());
    }
    if (!comment.raised().isEmpty()) {
      String traceparent = traces.current();
      Object[] events =
          comment.raised().stream()
              .map(
                  event -> {
                    var stored =
                        (Document)
                            mongo
                                .getConverter()
                                .convertToMongoType(event, TypeInformation.of(CommentEvent.class));
                    if (traceparent != null) {
                      // kept beside the event, not in it: the relay sends within this trace
                      stored.put(TraceContexts.FIELD, traceparent);
                    }
                    return stored;
                  })
              .toArray();
      update.push("outbox").each(events);
    }
    var byVersion = Query.query(where("_id").is(comment.id()).and("version").is(comment.version()));
    if (mongo.updateFirst(byVersion, update, Comment.class).getMatchedCount() == 0) {
      throw new OptimisticLockingFailureException("Comment " + comment.id() + " changed meanwhile");
    }
    return mongo.findById(comment.id(), Comment.class);
  }
}
