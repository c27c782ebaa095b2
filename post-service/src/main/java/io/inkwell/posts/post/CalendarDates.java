package io.inkwell.posts.post;

import java.time.Instant;

/**
 * The times a post may carry: in the years 1 to 9999, which the database, feeds, sitemaps and the
 * editor's date field all take. Java reads times a billion years away, which none of them do.
 */
public final class CalendarDates {

  public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
  public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999Z");

  private CalendarDates() {}

  /** Whether the time is one a post may carry; {@code null} (no time) is. */
  public static boolean holds(Instant time) {
    return time == null || !time.isBefore(FIRST) && !time.isAfter(LAST);
  }
}
