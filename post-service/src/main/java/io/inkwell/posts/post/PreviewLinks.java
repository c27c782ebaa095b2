package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Secret links to a post before it is published, for the friend who reads a draft over the author's
 * shoulder (Ghost's "Preview" link). One per post, kept beside the post rather than in it, so that
 * sharing a preview never changes the post's version under an author who is editing it.
 */
@Component
class PreviewLinks {

  /** A link's key: 128 random bits, which nobody guesses. */
  @Document("preview-links")
  record PreviewLink(@Id String key, @Indexed(unique = true) String postId, Instant createdAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoOperations mongo;

  PreviewLinks(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /** The post's key, made the first time it is asked for. */
  String keyOf(String postId, Instant now) {
    Optional<PreviewLink> existing = find(postId);
    if (existing.isPresent()) {
      return existing.get().key();
    }
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    var link =
        new PreviewLink(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), postId, now);
    try {
      mongo.insert(link);
      return link.key();
    } catch (DuplicateKeyException askedTwiceAtOnce) {
      return find(postId).orElseThrow().key();
    }
  }

  /** The id of the post a key shows. */
  Optional<String> postOf(String key) {
    return Optional.ofNullable(mongo.findById(key, PreviewLink.class)).map(PreviewLink::postId);
  }

  void forget(String postId) {
    mongo.remove(Query.query(where("postId").is(postId)), PreviewLink.class);
  }

  private Optional<PreviewLink> find(String postId) {
    return Optional.ofNullable(
        mongo.findOne(Query.query(where("postId").is(postId)), PreviewLink.class));
  }
}
