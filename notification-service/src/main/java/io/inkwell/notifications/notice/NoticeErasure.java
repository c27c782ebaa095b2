package io.inkwell.notifications.notice;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * What the comment mails keep of an address, forgotten when its owner asks: the records of the
 * mails sent (or still to be sent) to it, and the posts on which it stopped reply mails.
 */
@Component
public class NoticeErasure {

  private final MongoOperations mongo;
  private final ReplyStops replyStops;

  NoticeErasure(MongoOperations mongo, ReplyStops replyStops) {
    this.mongo = mongo;
    this.replyStops = replyStops;
  }

  /**
   * @return how many records of mails to the address were deleted (one not yet sent is not sent)
   */
  public long forget(String email) {
    String address = email.strip();
    long mails =
        mongo
            .remove(
                Query.query(where("to").regex("^" + Pattern.quote(address) + "$", "i")),
                CommentNotice.class)
            .getDeletedCount();
    replyStops.forget(address);
    return mails;
  }
}
