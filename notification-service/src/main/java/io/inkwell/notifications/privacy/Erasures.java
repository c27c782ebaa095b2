package io.inkwell.notifications.privacy;

import io.inkwell.notifications.notice.NoticeErasure;
import io.inkwell.notifications.subscription.SubscriberDirectory;
import io.inkwell.notifications.subscription.Subscribers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Forgets an address when its owner asks (the GDPR's right to erasure, WordPress's "Erase Personal
 * Data"): the subscriber of it, whatever its case, with every mail not yet sent to them, and what
 * the comment mails kept of it. Delivery records keep only a subscriber's opaque id. Again is the
 * same, finding nothing more.
 */
@Service
public class Erasures {

  private static final Logger log = LoggerFactory.getLogger(Erasures.class);

  private final Subscribers subscribers;
  private final SubscriberDirectory directory;
  private final NoticeErasure notices;

  Erasures(Subscribers subscribers, SubscriberDirectory directory, NoticeErasure notices) {
    this.subscribers = subscribers;
    this.directory = directory;
    this.notices = notices;
  }

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
