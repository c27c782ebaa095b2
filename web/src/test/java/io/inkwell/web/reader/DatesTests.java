package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.TestSettings;
import io.inkwell.web.WebSettings;
import io.inkwell.web.api.BlogApi;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A post's date as readers of the blog's language write it, in the blog's zone. */
class DatesTests {

  private static final Instant PUBLISHED = Instant.parse("2009-03-12T16:41:00Z");

  private final BlogApi api = mock(BlogApi.class);
  private final WebSettings settings = TestSettings.inZone("Europe/Lisbon");
  private final Dates dates = new Dates(new Site(settings, api));

  @ParameterizedTest
  @CsvSource({
    "en, 'Thursday, March 12, 2009', March 2009",
    "en-GB, 'Thursday, March 12, 2009', March 2009",
    "de-CH, 'Donnerstag, 12. März 2009', März 2009",
    "pt-BR, 'quinta-feira, 12 de março de 2009', março 2009",
    // Klingon: a tag Java writes no dates in, so English rather than its root locale's order
    "tlh, 'Thursday, March 12, 2009', March 2009"
  })
  void aDayAndAMonthAreWrittenAsTheBlogsLanguageWritesThem(
      String language, String day, String month) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), language, "ltr", null, null, null, null, null)));

    assertThat(dates.day(PUBLISHED)).isEqualTo(day);
    assertThat(dates.month(YearMonth.of(2009, 3))).isEqualTo(month);
  }

  /**
   * Half past eleven at night in Lisbon is already the next morning in Tokyo: the day a post is
   * dated is the day in the zone an admin chose, or the configured one while none is chosen (or the
   * one chosen is unknown here).
   */
  @ParameterizedTest
  @CsvSource({
    ", 'Thursday, March 12, 2009', 'March 12, 2009 at 11:30 PM'",
    "Asia/Tokyo, 'Friday, March 13, 2009', 'March 13, 2009 at 8:30 AM'",
    "America/Los_Angeles, 'Thursday, March 12, 2009', 'March 12, 2009 at 4:30 PM'",
    "Mars/Olympus, 'Thursday, March 12, 2009', 'March 12, 2009 at 11:30 PM'"
  })
  void aPostIsDatedInTheBlogsZone(String zone, String day, String time) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), "en", "ltr", zone, null, null, null, null)));
    Instant lateInLisbon = Instant.parse("2009-03-12T23:30:00Z");

    assertThat(dates.day(lateInLisbon)).isEqualTo(day);
    assertThat(dates.time(lateInLisbon)).isEqualTo(time);
  }
}
