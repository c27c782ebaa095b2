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
 * the mails sent (or still to be sent) to it, and the posts on which it stopped reply mails.
 */
@Component
public class NoticeRecords {

  private final MongoOperations mongo;
  private final ReplyStops replyStops;

  NoticeRecords(MongoOperations mongo, ReplyStops replyStops) {
    this.mongo = mongo;
    this.replyStops = replyStops;
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
   * @return how many records of mails to the address were deleted (one not yet sent is not sent)
   */
  public long forget(String email) {
    long mails = mongo.remove(to(email), CommentNotice.class).getDeletedCount();
    replyStops.forget(email.strip());
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
   * @param reason {@code REPLY}, {@code NEW_COMMENT} or {@code MODERATE}
   * @param status {@code PENDING}, {@code SENT} or {@code FAILED}
   */
  public record Mail(
      String reason, String postTitle, String postUrl, String status, Instant recordedAt) {}
}
