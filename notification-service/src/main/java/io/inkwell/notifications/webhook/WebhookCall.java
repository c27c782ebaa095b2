package io.inkwell.notifications.webhook;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One call of one webhook about one event, recorded under both before it is made, so a redelivered
 * event calls nobody twice; its {@code id} goes along as {@code X-Inkwell-Delivery}, for receivers
 * that must tell a call made again (after a crash in the middle of it) from a new one.
 *
 * @param payload the JSON body, fixed when the event is read
 * @param dueAt when it is (next) to be made; a sender that takes it moves this past its call's
 *     timeout, so another takes it only if the first stopped
 * @param traceparent the trace of the event that caused it (null for a test call), which the call
 *     continues: one publish is one trace up to each webhook's call
 */
@Document("webhook_calls")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
@CompoundIndex(name = "recent", def = "{'webhookId': 1, 'createdAt': -1}")
public record WebhookCall(
    @Id String id,
    String webhookId,
    String event,
    String payload,
    Status status,
    int attempts,
    Instant dueAt,
    String lastResult,
    Instant createdAt,
    String traceparent) {

  public enum Status {
    PENDING,
    SENT,
    FAILED
  }
}
