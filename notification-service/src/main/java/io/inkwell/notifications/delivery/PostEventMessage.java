package io.inkwell.notifications.delivery;

import java.time.Instant;
import java.util.List;

/**
 * The fields of a post event this service reads; others are ignored (tolerant reader).
 *
 * @param imported true for an old post brought in by an import, which nobody is mailed about
 *     (absent on the events that take a post down, as is {@code page})
 * @param page true for a page (About, Contact), which nobody is mailed about either
 * @param mailSubscribers false when the author published without mail; absent means true
 * @param cover the picture at the head of the post; absent for none
 * @param author who wrote the post, for its mail's byline
 * @param publishedAt the post's date, for its mail's byline (an old event may lack either)
 */
record PostEventMessage(
    String eventId,
    String type,
    String postId,
    String slug,
    String title,
    String excerpt,
    List<String> tags,
    Instant occurredAt,
    Boolean imported,
    Boolean page,
    Boolean mailSubscribers,
    Announcement.Cover cover,
    String bodyHtml,
    Author author,
    Instant publishedAt) {

  /** The post's author as the event names them. */
  record Author(String id, String name) {}

  /** Whether the post is no longer for readers: unpublished, or deleted. */
  boolean takenDown() {
    return ("PostUnpublished".equals(type) || "PostDeleted".equals(type)) && postId != null;
  }

  /** Whether subscribers are mailed about this event's post. */
  boolean mailed() {
    return "PostPublished".equals(type)
        && !Boolean.TRUE.equals(imported)
        && !Boolean.TRUE.equals(page)
        && (mailSubscribers == null || mailSubscribers);
  }
}
