package io.inkwell.notifications.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.subscription.InvalidToken;
import io.inkwell.notifications.subscription.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Readers who asked, when their comment on a post became visible, to hear of every later comment on
 * it (Blogger's "Notify me", Jetpack's "Notify me of follow-up comments"), or only of replies to
 * their comments there ({@code notifyOnReply}). As Jetpack does, an address is mailed about a
 * post's comments once its owner confirmed it with the link of a mail, for an address typed into a
 * comment form proves nothing about who typed it; one that confirmed comment mails about another
 * post of the blog is taken at once. Each is kept under the post and a hash of the address, as
 * {@link ReplyStops stops} are, with the address to mail. The stop link of any comment mail about
 * the post ends it, and no later comment asking again undoes a stop.
 */
@Component
public class CommentFollowers {

  private static final Logger log = LoggerFactory.getLogger(CommentFollowers.class);

  /** How long the link of a confirmation mail works. */
  private static final long CONFIRM_DAYS = 7;

  /**
   * How long an asking nobody confirmed is kept: a day past its last mail's link, which a sweep may
   * have sent a little after the asking.
   */
  private static final Duration UNCONFIRMED_KEPT = Duration.ofDays(CONFIRM_DAYS + 1);

  private final MongoOperations mongo;
  private final Tokens tokens;
  private final Clock clock;

  CommentFollowers(MongoOperations mongo, Tokens tokens, Clock clock) {
    this.mongo = mongo;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * A reader following a post's comments, or asked to confirm that they want to.
   *
   * @param id the post and the hash of the address, as a stop's
   * @param confirmedAt when the address's owner confirmed; null while the mail waits for them
   * @param askedAt when a comment last asked (none on those kept before it was)
   * @param repliesOnly true when they asked only for replies to their comments; null or false when
   *     they follow every comment (followers kept before replies were asked for have none)
   */
  @Document("comment_followers")
  record Follower(
      @Id String id,
      @Indexed String postId,
      String email,
      String postTitle,
      String postUrl,
      Instant since,
      Instant confirmedAt,
      Instant askedAt,
      Boolean repliesOnly) {

    boolean followsEveryComment() {
      return !Boolean.TRUE.equals(repliesOnly);
    }
  }

  /**
   * A post someone follows, or was asked to confirm following, as they are shown what is kept of
   * them.
   *
   * @param since when they first asked
   * @param confirmedAt null while not confirmed
   * @param repliesOnly whether they hear only of replies to their comments there
   */
  public record Followed(
      String postTitle, String postUrl, Instant since, Instant confirmedAt, boolean repliesOnly) {}

  /** What came of a commenter's asking for mails about a post's comments. */
  enum Asked {
    /** They get them from now on: the address confirmed comment mails about another post. */
    FOLLOWING,
    /** A mail is to ask them to confirm. */
    TO_CONFIRM,
    /** Nothing changes: they get them already. */
    ALREADY
  }

  /**
   * The address asks for mails about the post's comments: every comment, or only replies to its
   * own. Asking for every comment widens a confirmed asking for replies at once; asking for replies
   * never narrows following.
   */
  Asked ask(String postId, String email, String postTitle, String postUrl, boolean everyComment) {
    String key = ReplyStops.key(postId, email);
    var confirmed = where("_id").is(key).and("confirmedAt").ne(null);
    if (mongo.exists(
        Query.query(everyComment ? confirmed.and("repliesOnly").ne(true) : confirmed),
        Follower.class)) {
      return Asked.ALREADY;
    }
    boolean vouched =
        mongo.exists(
            Query.query(ReplyStops.onAnyPost(email).and("confirmedAt").ne(null)), Follower.class);
    Instant now = clock.instant();
    var update =
        new Update()
            .setOnInsert("postId", postId)
            .setOnInsert("since", now)
            .set("email", email)
            .set("postTitle", postTitle)
            .set("postUrl", postUrl)
            .set("askedAt", now);
    if (everyComment) {
      update.set("repliesOnly", false);
    } else {
      update.setOnInsert("repliesOnly", true);
    }
    if (vouched) {
      update.set("confirmedAt", now);
    }
    mongo.upsert(Query.query(where("_id").is(key)), update, Follower.class);
    return vouched ? Asked.FOLLOWING : Asked.TO_CONFIRM;
  }

  /**
   * The token of the link in the mail that asks {@code email} to confirm mails about the post's
   * comments.
   */
  String confirmToken(String postId, String email) {
    return tokens.issue(
        ReplyStops.key(postId, email),
        Tokens.Purpose.CONFIRM_FOLLOW,
        clock.instant().plus(CONFIRM_DAYS, ChronoUnit.DAYS));
  }

  /**
   * The owner of the address confirms, with the mail's link, that they want mails about the post's
   * comments; again is the same.
   *
   * @return true when they follow every comment, false when they hear only of replies
   * @throws InvalidToken for a forged or expired token, or one whose asking is gone (stopped, or
   *     forgotten)
   */
  public boolean confirm(String token) {
    String key =
        tokens.verify(token, Tokens.Purpose.CONFIRM_FOLLOW).orElseThrow(CommentFollowers::invalid);
    mongo.updateFirst(
        Query.query(where("_id").is(key).and("confirmedAt").is(null)),
        new Update().set("confirmedAt", clock.instant()),
        Follower.class);
    Follower follower = mongo.findById(key, Follower.class);
    if (follower == null) {
      throw invalid();
    }
    return follower.followsEveryComment();
  }

  private static InvalidToken invalid() {
    return new InvalidToken(
        "The link is invalid or has expired; tick the box again with your next comment.");
  }

  /** The confirmed followers' addresses of the post's comments. */
  List<String> of(String postId) {
    return mongo
        .find(
            Query.query(
                where("postId").is(postId).and("confirmedAt").ne(null).and("repliesOnly").ne(true)),
            Follower.class)
        .stream()
        .map(Follower::email)
        .toList();
  }

  /** Whether the address confirmed mails about the post's comments, replies at least. */
  boolean confirmed(String postId, String email) {
    return mongo.exists(
        Query.query(where("_id").is(ReplyStops.key(postId, email)).and("confirmedAt").ne(null)),
        Follower.class);
  }

  /**
   * The posts whose comments the address hears of or was asked to confirm hearing of, the oldest
   * first.
   */
  List<Followed> followedBy(String email) {
    return mongo
        .find(Query.query(ReplyStops.onAnyPost(email)).with(Sort.by("since")), Follower.class)
        .stream()
        .map(
            follower ->
                new Followed(
                    follower.postTitle(),
                    follower.postUrl(),
                    follower.since(),
                    follower.confirmedAt(),
                    !follower.followsEveryComment()))
        .toList();
  }

  /**
   * An asking nobody confirmed is forgotten once the link of the last mail that asked no longer
   * works: its address was typed into a form, perhaps by someone else, and cannot be confirmed now.
   * Any instance may do it, as often as it likes.
   */
  @Scheduled(fixedDelayString = "${inkwell.notifications.mail-record-prune-interval:6h}")
  void forgetUnconfirmed() {
    Instant before = clock.instant().minus(UNCONFIRMED_KEPT);
    var unconfirmed =
        Query.query(
            where("confirmedAt")
                .is(null)
                .orOperator(
                    where("askedAt").lt(before),
                    where("askedAt").exists(false).and("since").lt(before)));
    long forgotten = mongo.remove(unconfirmed, Follower.class).getDeletedCount();
    if (forgotten > 0) {
      log.info("Forgot {} askings for comment mails nobody confirmed", forgotten);
    }
  }

  /** The address stops following the post the stop's key names. */
  void stop(String key) {
    mongo.remove(Query.query(where("_id").is(key)), Follower.class);
  }

  /** The address of the hash follows no post any more, nor hears of replies on any. */
  void stopAll(String hash) {
    mongo.remove(Query.query(where("_id").regex(":" + hash + "$")), Follower.class);
  }

  /** Forgets every post the address follows (its owner asked to be forgotten). */
  long forget(String email) {
    return mongo.remove(Query.query(ReplyStops.onAnyPost(email)), Follower.class).getDeletedCount();
  }
}
