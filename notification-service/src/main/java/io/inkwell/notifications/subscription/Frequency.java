package io.inkwell.notifications.subscription;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a subscriber gets mail (WordPress.com's "Email frequency", FeedBurner's daily mail that
 * Blogger's "Follow by email" sent): each post as it is published, or the day's or the week's posts
 * in one mail at a set hour.
 */
public enum Frequency {
  INSTANTLY,
  DAILY,
  WEEKLY;

  /**
   * When the digest that takes a post published at {@code now} goes out: the next digest hour after
   * it in the blog's zone (on the digest day, weekly); {@code now} itself for {@link #INSTANTLY}.
   */
  public Instant nextMailAt(Instant now, ZoneId zone, int hour, DayOfWeek day) {
    if (this == INSTANTLY) {
      return now;
    }
    ZonedDateTime local = now.atZone(zone);
    LocalDate date = local.toLocalDate();
    if (this == WEEKLY) {
      date = date.with(TemporalAdjusters.nextOrSame(day));
    }
    ZonedDateTime at = date.atTime(LocalTime.of(hour, 0)).atZone(zone);
    if (!at.isAfter(local)) {
      at = this == WEEKLY ? at.plusWeeks(1) : at.plusDays(1);
    }
    return at.toInstant();
  }
}
