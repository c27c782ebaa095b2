package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FrequencyTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  @ParameterizedTest(name = "{0} at {1} → {2}")
  @CsvSource({
    // before the hour: today's; at or after it: tomorrow's
    "DAILY, 2026-11-30T07:59:00Z, 2026-11-30T08:00:00Z",
    "DAILY, 2026-11-30T08:00:00Z, 2026-12-01T08:00:00Z",
    "DAILY, 2026-11-30T23:30:00Z, 2026-12-01T08:00:00Z",
    // 08:00 in London is 07:00 UTC in summer: the blog's hour, not UTC's
    "DAILY, 2026-07-01T07:30:00Z, 2026-07-02T07:00:00Z",
    // the night the clocks go forward: still 08:00 local
    "DAILY, 2026-03-28T12:00:00Z, 2026-03-29T07:00:00Z",
    // 2026-11-30 is a Monday
    "WEEKLY, 2026-11-30T07:00:00Z, 2026-11-30T08:00:00Z",
    "WEEKLY, 2026-11-30T09:00:00Z, 2026-12-07T08:00:00Z",
    "WEEKLY, 2026-12-03T09:00:00Z, 2026-12-07T08:00:00Z",
    "INSTANTLY, 2026-12-03T09:00:00Z, 2026-12-03T09:00:00Z"
  })
  void aDigestGoesOutAtTheNextDigestHourOfTheBlogsZone(
      Frequency frequency, Instant published, Instant expected) {
    assertThat(frequency.nextMailAt(published, LONDON, 8, DayOfWeek.MONDAY)).isEqualTo(expected);
  }
}
