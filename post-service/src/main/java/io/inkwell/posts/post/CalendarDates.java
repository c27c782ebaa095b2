package io.inkwell.posts.post;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The times a post may carry: in the years 1 to 9999, which the database, feeds, sitemaps and the
 * editor's date field all take. Java reads times a billion years away, which none of them do.
 */
public final class CalendarDates {

  public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  private CalendarDates() {}

  /**
   * An ISO instant ("2019-07-26T20:48:19.814Z"), as exports write them, when it is one a post may
   * carry; null for none, one that cannot be read, or one out of the calendar's years.
   */
  public static Instant parsed(String text) {
    if (text == null) {
      return null;
    }
    try {
      Instant time = Instant.parse(text.strip());
      return holds(time) ? time : null;
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** Whether the time is one a post may carry; {@code null} (no time) is. */
  public static boolean holds(Instant time) {
    return time == null || !time.isBefore(FIRST) && !time.isAfter(LAST);
  }
}
