package io.inkwell.notifications.delivery;

import io.inkwell.notifications.mail.ReaderMails;
import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A published post as its mails need it, kept from the {@code PostPublished} event.
 *
 * @param bodyHtml the whole post, for the mail to show it; null when the event left it out (a very
 *     long post, or an event from before posts were mailed whole): the excerpt and a link
 * @param authorName who wrote it, for the byline; null when the event did not say
 * @param publishedAt its date, for the byline; null when the event did not say
 */
@Document("announcements")
record Announcement(
    @Id String postId,
    String slug,
    String title,
    String excerpt,
    List<String> tags,
    Instant occurredAt,
    Cover cover,
    String bodyHtml,
    String authorName,
    Instant publishedAt) {

  Announcement {
    tags = tags == null ? List.of() : List.copyOf(tags);
  }

  /**
   * The picture at the head of the post, as {@code PostPublished} names it.
   *
   * @param url relative to the site
   */
  /** The mail's byline: the author and the date, as far as the event named them. */
  ReaderMails.Byline byline() {
    return authorName == null && publishedAt == null
        ? null
        : new ReaderMails.Byline(authorName, publishedAt);
  }

  record Cover(String url, String alt, int width, int height) {

    /** As a mail shows it, at an absolute address. */
    ReaderMails.Picture picture(String siteUrl) {
      return ReaderMails.Picture.ofCover(siteUrl, url, alt, width, height);
    }
  }
}
