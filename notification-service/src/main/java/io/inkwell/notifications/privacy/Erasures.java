package io.inkwell.notifications.privacy;

import io.inkwell.notifications.notice.CommentFollowers;
import io.inkwell.notifications.notice.NoticeRecords;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberDirectory;
import io.inkwell.notifications.subscription.Subscribers;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Shows what is kept of an address, or forgets it, when its owner asks (the GDPR's right to
 * erasure, WordPress's "Erase Personal Data"): the subscriber of it, whatever its case, with every
 * mail not yet sent to them, and what the comment mails kept of it. Delivery records keep only a
 * subscriber's opaque id. Again is the same, finding nothing more.
 */
@Service
public class Erasures {

  private static final Logger log = LoggerFactory.getLogger(Erasures.class);

  private final Subscribers subscribers;
  private final SubscriberDirectory directory;
  private final NoticeRecords notices;

  Erasures(Subscribers subscribers, SubscriberDirectory directory, NoticeRecords notices) {
    this.subscribers = subscribers;
    this.directory = directory;
    this.notices = notices;
  }

  /**
   * What is kept of the address, for its owner who asks (the GDPR's right of access, WordPress's
   * "Export Personal Data"): the subscriber of it, if any, the comment mails to it and the posts
   * whose comments it follows.
   */
  public Kept kept(String email) {
    return new Kept(
        subscribers.findByAddress(email).orElse(null),
        notices.sentTo(email),
        notices.followedBy(email));
  }

  /**
   * @param subscriber null when the address is no subscriber's
   * @param following the posts whose comments the address follows
   */
  public record Kept(
      Subscriber subscriber,
      List<NoticeRecords.Mail> mails,
      List<CommentFollowers.Followed> following) {}

  public Erased erase(String email) {
    boolean subscriber =
        subscribers.findByAddress(email).map(found -> directory.erase(found.id())).orElse(false);
    long mails = notices.forget(email);
    log.info("Erased an address on request: subscriber {}, {} mail records", subscriber, mails);
    return new Erased(subscriber, mails);
  }

  /**
   * @param subscriber whether the address was a subscriber's
   * @param mails how many records of comment mails to it were deleted
   */
  public record Erased(boolean subscriber, long mails) {}
}
