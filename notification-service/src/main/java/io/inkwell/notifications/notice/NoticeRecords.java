package io.inkwell.notifications.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.text.Normalizer;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the comment mails keep of an address, shown or forgotten when its owner asks: the records of
 * the mails sent (or still to be sent) to it, the posts whose comments it follows, and the posts on
 * which it stopped comment mails.
 */
@Component
public class NoticeRecords {

  private final MongoOperations mongo;
  private final ReplyStops replyStops;
  private final CommentFollowers followers;

  NoticeRecords(MongoOperations mongo, ReplyStops replyStops, CommentFollowers followers) {
    this.mongo = mongo;
    this.replyStops = replyStops;
    this.followers = followers;
  }

  /**
   * The posts whose comments (or replies to its comments) the address hears of, the oldest first.
   */
  public List<CommentFollowers.Followed> followedBy(String email) {
    return followers.followedBy(email.strip());
  }

  /** The records of comment mails to the address, oldest first. */
  public List<Mail> sentTo(String email) {
    return mongo.find(to(email).with(Sort.by("createdAt")), CommentNotice.class).stream()
        .map(
            notice ->
                new Mail(
                    notice.reason().name(),
                    notice.postTitle(),
                    notice.postUrl(),
                    notice.status().name(),
                    notice.createdAt()))
        .toList();
  }

  /**
   * Forgets the address: the records of mails to it, the posts whose comments it follows, its
   * stops.
   *
   * @return how many records of mails to the address were deleted (one not yet sent is not sent)
   */
  public long forget(String email) {
    long mails = mongo.remove(to(email), CommentNotice.class).getDeletedCount();
    replyStops.forget(email.strip());
    followers.forget(email.strip());
    return mails;
  }

  /**
   * The mails to the address, whatever its case, written composed (NFC) as mail is addressed now,
   * or with an accent as a mark of its own, as a mail was addressed before.
   */
  private static Query to(String email) {
    String composed = Normalizer.normalize(email.strip(), Normalizer.Form.NFC);
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    return Query.query(
        where("to")
            .regex("^(" + Pattern.quote(composed) + "|" + Pattern.quote(decomposed) + ")$", "i"));
  }

  /**
   * A comment mail to the address.
   *
   * @param reason {@code REPLY}, {@code NEW_COMMENT}, {@code FOLLOW_UP}, {@code MODERATE}, or
   *     {@code CONFIRM_FOLLOW} or {@code CONFIRM_REPLIES} (the mail that asked to confirm them)
   * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
   */
  public record Mail(
      String reason, String postTitle, String postUrl, String status, Instant recordedAt) {}
}
