package io.inkwell.notifications.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Readers who asked, when their comment on a post became visible, to hear of every later comment on
 * it (Blogger's "Notify me", Jetpack's "Notify me of follow-up comments"). A follower is kept under
 * the post and a hash of the address, as {@link ReplyStops stops} are, with the address to mail.
 * The stop link of any comment mail about the post ends the following, and no later comment asking
 * again undoes a stop: the address's owner said no, and an address typed into a comment form proves
 * nothing about who typed it.
 */
@Component
public class CommentFollowers {

  private final MongoOperations mongo;

  CommentFollowers(MongoOperations mongo) {
    this.mongo = mongo;
  }

  /**
   * A reader following a post's comments.
   *
   * @param id the post and the hash of the address, as a stop's
   */
  @Document("comment_followers")
  record Follower(
      @Id String id,
      @Indexed String postId,
      String email,
      String postTitle,
      String postUrl,
      Instant since) {}

  /**
   * A post someone follows, as its follower is shown what is kept of them.
   *
   * @param since when they first asked
   */
  public record Followed(String postTitle, String postUrl, Instant since) {}

  /** The address follows the post's comments from now on; again is the same. */
  void follow(String postId, String email, String postTitle, String postUrl, Instant now) {
    mongo.upsert(
        Query.query(where("_id").is(ReplyStops.key(postId, email))),
        new Update()
            .setOnInsert("postId", postId)
            .setOnInsert("since", now)
            .set("email", email)
            .set("postTitle", postTitle)
            .set("postUrl", postUrl),
        Follower.class);
  }

  /** The addresses following the post's comments. */
  List<String> of(String postId) {
    return mongo.find(Query.query(where("postId").is(postId)), Follower.class).stream()
        .map(Follower::email)
        .toList();
  }

  /** The posts the address follows, the oldest following first. */
  List<Followed> followedBy(String email) {
    return mongo
        .find(Query.query(ReplyStops.onAnyPost(email)).with(Sort.by("since")), Follower.class)
        .stream()
        .map(follower -> new Followed(follower.postTitle(), follower.postUrl(), follower.since()))
        .toList();
  }

  /** The address stops following the post the stop's key names. */
  void stop(String key) {
    mongo.remove(Query.query(where("_id").is(key)), Follower.class);
  }

  /** Forgets every post the address follows (its owner asked to be forgotten). */
  long forget(String email) {
    return mongo.remove(Query.query(ReplyStops.onAnyPost(email)), Follower.class).getDeletedCount();
  }
}
