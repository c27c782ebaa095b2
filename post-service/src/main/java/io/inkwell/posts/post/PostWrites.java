package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.bson.Document;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mapping.PropertyHandler;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Writes a changed post in one single-document update: its fields are set, the events it raised are
 * appended to the outbox, and the version must still be the one it was read at. The outbox is
 * appended to, never replaced, so a write based on a copy read before the relay removed a sent
 * event cannot put that event back.
 */
@Component
public class PostWrites {

  private static final String COLLECTION = "posts";
  private static final String OUTBOX = "outbox";
  private static final String VERSION = "version";

  private final MongoTemplate mongo;
  private final MongoPersistentEntity<?> entity;
  private final TraceContexts traces;

  PostWrites(MongoTemplate mongo, TraceContexts traces) {
    this.mongo = mongo;
    this.traces = traces;
    this.entity = mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Post.class);
  }

  /**
   * @return the post as stored
   * @throws OptimisticLockingFailureException when someone else changed the post since it was read
   */
  public Post save(Post post) {
    var fields = new Document();
    mongo.getConverter().write(post, fields);
    fields.remove("_id");
    fields.remove(OUTBOX);
    fields.remove(VERSION);
    var update = new Update();
    fields.forEach(update::set);
    PropertyHandler<MongoPersistentProperty> unsetWhenNull =
        property -> {
          String name = property.getFieldName();
          if (!fields.containsKey(name)
              && !name.equals("_id")
              && !name.equals(OUTBOX)
              && !name.equals(VERSION)) {
            update.unset(name);
          }
        };
    entity.doWithProperties(unsetWhenNull);
    write(post, update);
    return mongo.findById(post.id(), Post.class);
  }

  /**
   * Writes only these fields of a changed post, and the events it raised, on the version it was
   * read at, and does not read it back: for a change made to many posts at once (a tag renamed).
   *
   * @throws OptimisticLockingFailureException when someone else changed the post since it was read
   */
  public void saveOnly(Post post, String... fieldNames) {
    var fields = new Document();
    mongo.getConverter().write(post, fields);
    var update = new Update();
    for (String name : fieldNames) {
      if (fields.containsKey(name)) {
        update.set(name, fields.get(name));
      } else {
        update.unset(name);
      }
    }
    write(post, update);
  }

  /** The update, with the version's step and the raised events, if the version is unchanged. */
  private void write(Post post, Update update) {
    update.inc(VERSION, 1);
    if (!post.raised().isEmpty()) {
      String traceparent = traces.current();
      Object[] events =
          post.raised().stream()
              .map(
                  event -> {
                    var stored =
                        (Document)
                            mongo
                                .getConverter()
                                .convertToMongoType(event, TypeInformation.of(PostEvent.class));
                    if (traceparent != null) {
                      // kept beside the event, not in it: the relay sends within this trace
                      stored.put(TraceContexts.FIELD, traceparent);
                    }
                    return stored;
                  })
              .toArray();
      update.push(OUTBOX).each(events);
    }
    var result =
        mongo.updateFirst(
            Query.query(where("_id").is(post.id()).and(VERSION).is(post.version())),
            update,
            COLLECTION);
    if (result.getMatchedCount() == 0) {
      throw new OptimisticLockingFailureException("Post " + post.id() + " changed meanwhile");
    }
  }
}
