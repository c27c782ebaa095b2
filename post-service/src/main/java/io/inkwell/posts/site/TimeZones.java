package io.inkwell.posts.site;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The blog's time zone as a name of the IANA time zone database ({@code Europe/Berlin}, {@code
 * America/Sao_Paulo}, {@code UTC}): the zone its dates are shown in, its archive's months counted
 * in and its digests sent in (Ghost's "Site timezone", WordPress's "Timezone", Blogger's "Time
 * zone"). A fixed offset such as {@code +02:00} is no such name: it would be an hour off for half
 * of every year where clocks change.
 */
final class TimeZones {

  /**
   * The database's names by their lower case, so that {@code europe/berlin} is understood; not the
   * {@code SystemV/} zones Java still knows, which the database dropped in 2020.
   */
  private static final Map<String, String> NAMES =
      ZoneId.getAvailableZoneIds().stream()
          .filter(name -> !name.startsWith("SystemV/"))
          .collect(
              Collectors.toUnmodifiableMap(
                  name -> name.toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));

  /** Longer than any name of the database ({@code America/Argentina/ComodRivadavia} is 32). */
  static final int LONGEST = 40;

  private TimeZones() {}

  /**
   * The name as the database spells it ({@code europe/lisbon} → {@code Europe/Lisbon}).
   *
   * @throws Invalid when the database has no zone of that name
   */
  static String normalised(String name) {
    String known = NAMES.get(name.strip().toLowerCase(Locale.ROOT));
    if (known == null) {
      throw new Invalid(name);
    }
    return known;
  }

  /** What is not a zone of the database. */
  static final class Invalid extends RuntimeException {

    Invalid(String name) {
      super(
          "timeZone must be a zone of the IANA time zone database such as Europe/Berlin,"
              + " America/New_York or UTC, not \""
              + (name.length() > LONGEST ? name.substring(0, LONGEST) + "…" : name)
              + "\".");
    }
  }
}
