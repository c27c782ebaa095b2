package io.inkwell.web.reader;

import java.time.Instant;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Dates as a blog shows them, in the blog's zone and language: "Thursday, March 12, 2009" in
 * English, "Donnerstag, 12. März 2009" in German (the {@link Site#language() language} an admin
 * set); for templates.
 */
@Component("dates")
public class Dates {

  /** A day, a time and a month, as dates in this language are written in this zone. */
  private record Formats(
      DateTimeFormatter day, DateTimeFormatter time, DateTimeFormatter month, Locale locale) {}

  private record Setting(String language, ZoneId zone) {}

  private final Site site;
  private final Map<Setting, Formats> bySetting = new ConcurrentHashMap<>();

  public Dates(Site site) {
    this.site = site;
  }

  private Formats formats() {
    return bySetting.computeIfAbsent(
        new Setting(site.language(), site.timeZone()),
        setting -> formatsIn(Locale.forLanguageTag(setting.language()), setting.zone()));
  }

  /** The languages Java writes dates in; others would get its root locale's ("2009 March 12"). */
  private static final Set<String> WRITTEN =
      Arrays.stream(Locale.getAvailableLocales())
          .map(Locale::getLanguage)
          .collect(Collectors.toUnmodifiableSet());

  private static Formats formatsIn(Locale locale, ZoneId zone) {
    if (locale.getLanguage().equals("en") || !WRITTEN.contains(locale.getLanguage())) {
      // as Blogger writes them, whatever the country; and for a language Java cannot write
      return new Formats(
          DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH).withZone(zone),
          DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH).withZone(zone),
          DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH),
          Locale.ENGLISH);
    }
    return new Formats(
        DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).withZone(zone),
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone),
        // the month's name as it stands alone ("Juni 2009", Russian's nominative "июнь 2009")
        DateTimeFormatter.ofPattern("LLLL yyyy", locale),
        locale);
  }

  /** "March 2009": a month of the archive. */
  public String month(YearMonth month) {
    return formats().month().format(month);
  }

  /** "March": a month of the archive's year. */
  public String monthName(int month) {
    return Month.of(month).getDisplayName(TextStyle.FULL_STANDALONE, formats().locale());
  }

  public String day(Instant instant) {
    return instant == null ? "" : formats().day().format(instant);
  }

  public String time(Instant instant) {
    return instant == null ? "" : formats().time().format(instant);
  }

  /** An API timestamp as {@link #time(Instant)} shows it; one it cannot read, as it came. */
  public String timeOf(String iso) {
    try {
      return iso == null || iso.isEmpty() ? "" : time(Instant.parse(iso));
    } catch (DateTimeParseException unreadable) {
      return iso;
    }
  }

  /** For {@code <time datetime>}: machine-readable. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
