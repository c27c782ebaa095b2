package io.inkwell.notifications.staff;

import java.time.Instant;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells whoever imported a blog how the import ended when they were answered before its end
 * (post-service's {@code ImportEnded}), as Ghost mails it: once, by {@link StaffLinkMails}. An
 * integration's import, or a suspended or removed importer's, mails nobody. Its own consumer group
 * reads the post events beside the others.
 */
@Component
class ImportEndings {

  /**
   * What is read of {@code contracts/import-ended.schema.json}; the rest is ignored. Every post
   * event is read as one, so nothing here may be required of the others (counts are boxed: Jackson
   * refuses a missing number for an {@code int}).
   */
  record Ended(
      String eventId,
      String type,
      Instant occurredAt,
      String from,
      By importer,
      String state,
      Integer total,
      Integer posts,
      Integer alreadyThere,
      Integer comments,
      String problem) {

    record By(String id, String name) {}
  }

  private final JsonMapper json;
  private final StaffDirectory staff;
  private final StaffLinkMails mails;

  ImportEndings(JsonMapper json, StaffDirectory staff, StaffLinkMails mails) {
    this.json = json;
    this.staff = staff;
    this.mails = mails;
  }

  @KafkaListener(
      topics = "${inkwell.notifications.post-events-topic}",
      groupId = "${spring.kafka.consumer.group-id:notification-service}-imports")
  void on(String message) {
    Ended event = json.readValue(message, Ended.class);
    if (!"ImportEnded".equals(event.type()) || event.importer() == null) {
      return;
    }
    if (event.eventId() == null || event.occurredAt() == null || event.total() == null) {
      throw new IllegalArgumentException(
          "ImportEnded without eventId, occurredAt or total: " + message);
    }
    staff
        .addressOf(event.importer().id())
        .ifPresent(
            to ->
                mails.importEnded(
                    event.eventId(),
                    to,
                    event.importer().name(),
                    new StaffLinkMails.Import(
                        event.from(),
                        event.state(),
                        event.total(),
                        zeroIfNone(event.posts()),
                        zeroIfNone(event.alreadyThere()),
                        zeroIfNone(event.comments()),
                        event.problem()),
                    event.occurredAt()));
  }

  private static int zeroIfNone(Integer count) {
    return count == null ? 0 : count;
  }
}
