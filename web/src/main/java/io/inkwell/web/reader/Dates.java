package io.inkwell.web.reader;

import io.inkwell.web.WebSettings;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Dates as a blog shows them ("Thursday, March 12, 2009"), in the blog's zone; for templates. */
@Component("dates")
public class Dates {

  private final DateTimeFormatter day;
  private final DateTimeFormatter time;

  public Dates(WebSettings settings) {
    this.day =
        DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.ENGLISH)
            .withZone(settings.timeZone());
    this.time =
        DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a", Locale.ENGLISH)
            .withZone(settings.timeZone());
  }

  public String day(Instant instant) {
    return instant == null ? "" : day.format(instant);
  }

  public String time(Instant instant) {
    return instant == null ? "" : time.format(instant);
  }

  /** An API timestamp as {@link #time(Instant)} shows it; one it cannot read, as it came. */
  public String timeOf(String iso) {
    try {
      return iso == null || iso.isEmpty() ? "" : time.format(Instant.parse(iso));
    } catch (java.time.format.DateTimeParseException unreadable) {
      return iso;
    }
  }

  /** For {@code <time datetime>}: machine-readable. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }
}
