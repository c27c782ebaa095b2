package io.inkwell.posts.importer;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What an importer prefers of the answer, by RFC 7240's {@code Prefer} header: {@code
 * respond-async} to be answered before the import ends (202, with how far it is, the rest going
 * on), after at most {@code wait=<seconds>} when it is given. Other preferences, and a {@code wait}
 * that is no number of seconds, are ignored, as the RFC asks.
 *
 * @param async whether the importer takes an answer before the end
 * @param waitAtMost how long it waits for the end before that answer
 */
record ImportPreference(boolean async, Duration waitAtMost) {

  /** The longest wait honoured: a request held longer would outlast any proxy in front. */
  static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  private static final ImportPreference TO_THE_END = new ImportPreference(false, Duration.ZERO);

  /**
   * @param prefer the request's {@code Prefer} headers; null or empty without one
   */
  static ImportPreference of(List<String> prefer) {
    if (prefer == null) {
      return TO_THE_END;
    }
    boolean async = false;
    Duration wait = Duration.ZERO;
    for (String header : prefer) {
      for (String preference : header.split(",")) {
        String[] nameAndValue = preference.split(";", 2)[0].split("=", 2);
        String name = nameAndValue[0].strip().toLowerCase(Locale.ROOT);
        String value = nameAndValue.length > 1 ? nameAndValue[1].strip().replace("\"", "") : "";
        if ("respond-async".equals(name)) {
          async = true;
        } else if ("wait".equals(name) && value.matches("\\d{1,9}")) {
          wait = Duration.ofSeconds(Long.parseLong(value));
        }
      }
    }
    return async ? new ImportPreference(true, min(wait, LONGEST_WAIT)) : TO_THE_END;
  }

  private static Duration min(Duration one, Duration other) {
    return one.compareTo(other) <= 0 ? one : other;
  }
}
