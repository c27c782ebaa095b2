package io.inkwell.notifications.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.subscription.InvalidToken;
import io.inkwell.notifications.subscription.SubscriptionManagement;
import io.inkwell.notifications.subscription.Tokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.event.EventListener;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * A commenter who asked to hear of replies, or of every later comment, stops hearing of them on
 * that post (WordPress's "Manage comment subscriptions"), with the link, or the one-click
 * unsubscribe, of any reply or comment mail; a follower of the post's comments follows it no more.
 * The mail that asks to confirm comment mails has a link that stops them on every post of the blog
 * ({@link #EVERY_POST}), for good: whoever typed the address into a comment form, its owner is
 * never asked again; so does the link in the mail that asks to confirm a subscription for whoever
 * did not ask. The signed token names the post and a hash of the address, never the address itself,
 * so that no address sits in a link or a log; the stop is kept by that hash too.
 */
@Component
public class ReplyStops {

  /** How long the link of a reply mail works. */
  private static final long VALID_DAYS = 365;

  /** The post of a stop of every comment mail of the blog to an address (no post's id). */
  static final String EVERY_POST = "*";

  private final Tokens tokens;
  private final MongoOperations mongo;
  private final Clock clock;
  private final CommentFollowers followers;

  ReplyStops(Tokens tokens, MongoOperations mongo, Clock clock, CommentFollowers followers) {
    this.tokens = tokens;
    this.mongo = mongo;
    this.clock = clock;
    this.followers = followers;
  }

  /** A post on which an address asked to hear of no more replies. */
  @Document("reply_stops")
  record ReplyStop(@Id String id, String postId, Instant stoppedAt) {}

  /** The token of the stop link in a comment mail to {@code email} about {@code postId}. */
  String token(String postId, String email) {
    return tokens.issue(
        key(postId, email),
        Tokens.Purpose.STOP_REPLIES,
        clock.instant().plus(VALID_DAYS, ChronoUnit.DAYS));
  }

  /**
   * Stops comment mails for the token's address on its post, or on every post; again is the same.
   */
  public void stop(String token) {
    String key =
        tokens
            .verify(token, Tokens.Purpose.STOP_REPLIES)
            .orElseThrow(
                () ->
                    new InvalidToken(
                        "The link is invalid or has expired; use the one in the latest reply mail."));
    stopByKey(key);
  }

  /**
   * Whoever holds the address said, in the mail that asked them to confirm a subscription to the
   * blog's posts, that they never asked: no comment form asks them anything either.
   */
  @EventListener
  void on(SubscriptionManagement.Refused refused) {
    stopByKey(key(EVERY_POST, refused.email()));
  }

  private void stopByKey(String key) {
    String postId = key.substring(0, key.lastIndexOf(':'));
    mongo.upsert(
        Query.query(where("_id").is(key)),
        new Update().setOnInsert("postId", postId).setOnInsert("stoppedAt", clock.instant()),
        ReplyStop.class);
    if (EVERY_POST.equals(postId)) {
      followers.stopAll(key.substring(key.lastIndexOf(':') + 1));
    } else {
      followers.stop(key);
    }
  }

  /** Whether the address stopped comment mails about the post, or about every post. */
  boolean stopped(String postId, String email) {
    var keys =
        hashes(email).stream()
            .flatMap(hash -> Stream.of(postId + ":" + hash, EVERY_POST + ":" + hash))
            .toList();
    return mongo.exists(Query.query(where("_id").in(keys)), ReplyStop.class);
  }

  /**
   * Forgets every post on which this address asked to hear of no more replies (its writer asked to
   * be forgotten; their comments no longer ask for reply mails).
   */
  long forget(String email) {
    return mongo.remove(Query.query(onAnyPost(email)), ReplyStop.class).getDeletedCount();
  }

  /** What the keys of the address on any post are (a stop's, a follower's). */
  static Criteria onAnyPost(String email) {
    return where("_id").regex(":(" + String.join("|", hashes(email)) + ")$");
  }

  /** The key of the address on the post: the post and the hash of the address. */
  static String key(String postId, String email) {
    return postId + ":" + hashes(email).get(0);
  }

  /**
   * The hashes of the address in lower case: composed (NFC), as stops are kept, then decomposed, as
   * a stop of an address typed with its accent as a mark of its own was kept before.
   */
  private static List<String> hashes(String email) {
    String composed =
        Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    var forms =
        new LinkedHashSet<>(List.of(composed, Normalizer.normalize(composed, Normalizer.Form.NFD)));
    return forms.stream().map(ReplyStops::sha256).toList();
  }

  private static String sha256(String text) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
