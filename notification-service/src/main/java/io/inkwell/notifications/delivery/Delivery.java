package io.inkwell.notifications.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;

/**
 * One post's mail to one subscriber. The unique (postId, subscriberId) index is what makes the
 * fan-out idempotent: a re-delivered event cannot create a second delivery.
 *
 * @param claimedBy while SENDING, the instance sending it
 * @param claimToken while SENDING, what identifies the claim
 * @param traceparent the trace of the event that caused the delivery
 * @param claimedUntil while SENDING, when another sender may take the delivery over (the one that
 *     claimed it crashed)
 * @param notBefore while PENDING, when it may be sent: at once, after a failed attempt when to try
 *     again, and for a digest the time the digest goes out
 * @param digestAt for a post that goes out in a subscriber's daily or weekly digest, the time that
 *     digest was due (null for a mail of its own); what names the digest's message
 */
@Document("deliveries")
@CompoundIndex(name = "post_subscriber", def = "{'postId': 1, 'subscriberId': 1}", unique = true)
// what the senders look for every half second: the due deliveries, oldest first
@CompoundIndex(name = "due", def = "{'status': 1, 'notBefore': 1}")
// a digest's deliveries, claimed together
@CompoundIndex(name = "subscriber_status", def = "{'subscriberId': 1, 'status': 1}")
// the deliveries one claim took
@CompoundIndex(name = "claim", def = "{'claimToken': 1}")
// the mails owed to subscribers, oldest first, for the operators' gauges (DeliveryMetrics)
@CompoundIndex(name = "owed", def = "{'status': 1, 'digestAt': 1, 'createdAt': 1}")
public record Delivery(
    @Id String id,
    String postId,
    String subscriberId,
    DeliveryStatus status,
    int attempts,
    Instant createdAt,
    Instant notBefore,
    String claimedBy,
    String claimToken,
    Instant claimedUntil,
    Instant sentAt,
    String lastError,
    String traceparent,
    Instant digestAt) {

  /**
   * A post's mail to one subscriber, due at {@code mailAt}: now for a mail of its own, later for a
   * digest.
   */
  static Delivery pending(
      String postId, String subscriberId, Instant now, Instant mailAt, String traceparent) {
    return new Delivery(
        postId + ":" + subscriberId,
        postId,
        subscriberId,
        DeliveryStatus.PENDING,
        0,
        now,
        mailAt,
        null,
        null,
        null,
        null,
        null,
        traceparent,
        mailAt.isAfter(now) ? mailAt : null);
  }

  /** What a sender sets on the deliveries it claims: whose they are until when, and one attempt. */
  static Update claim(String instanceId, String token, Instant until) {
    return new Update()
        .set("status", DeliveryStatus.SENDING)
        .set("claimedBy", instanceId)
        .set("claimToken", token)
        .set("claimedUntil", until)
        .inc("attempts", 1);
  }

  /** Pending and its time has come, or claimed by a sender whose claim ran out. */
  static Criteria dueAt(Instant now) {
    return new Criteria()
        .orOperator(
            where("status").is(DeliveryStatus.PENDING).and("notBefore").lte(now),
            where("status").is(DeliveryStatus.SENDING).and("claimedUntil").lt(now));
  }

  /** The same for every attempt, so that a resent message is recognisably the same message. */
  String messageId(String domain) {
    return "<" + postId + "." + subscriberId + "@" + domain + ">";
  }
}
