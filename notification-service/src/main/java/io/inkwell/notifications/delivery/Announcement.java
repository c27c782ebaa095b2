package io.inkwell.notifications.delivery;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A published post as its mails need it, kept from the {@code PostPublished} event. */
@Document("announcements")
record Announcement(
    @Id String postId,
    String slug,
    String title,
    String excerpt,
    List<String> tags,
    Instant occurredAt,
    Cover cover) {

  Announcement {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * The picture at the head of the post, as {@code PostPublished} names it.
   *
   * @param url relative to the site
   */
  record Cover(String url, String alt, int width, int height) {}
}
