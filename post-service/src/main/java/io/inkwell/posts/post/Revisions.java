package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The revisions of each post, newest first, the last {@value #KEPT} of them. A revision is written
 * before the edit that replaces its content: should the edit then fail, the revision is the current
 * content again, which costs a line in the list and loses nothing.
 */
@Component
class Revisions {

  static final int KEPT = 25;

  private final MongoOperations mongo;

  Revisions(MongoOperations mongo) {
    this.mongo = mongo;
  }

  void keep(Revision revision) {
    mongo.save(revision);
    List<Revision> older =
        mongo.find(
            Query.query(where("postId").is(revision.postId()))
                .with(Sort.by(Sort.Order.desc("version")))
                .skip(KEPT),
            Revision.class);
    if (!older.isEmpty()) {
      mongo.remove(
          Query.query(where("_id").in(older.stream().map(Revision::id).toList())), Revision.class);
    }
  }

  /** Newest first, without their text. */
  List<Revision> of(String postId) {
    var query = Query.query(where("postId").is(postId)).with(Sort.by(Sort.Order.desc("version")));
    query.fields().exclude("bodyMarkdown");
    return mongo.find(query, Revision.class);
  }

  Optional<Revision> find(String postId, long version) {
    return Optional.ofNullable(mongo.findById(postId + ":" + version, Revision.class));
  }

  void forget(String postId) {
    mongo.remove(Query.query(where("postId").is(postId)), Revision.class);
  }
}
