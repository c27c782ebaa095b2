package io.inkwell.gateway;

import java.util.Locale;

/** A chunked body grew past the limit while it was streamed. */
class PayloadTooLarge extends RuntimeException {

  PayloadTooLarge(long maxBytes) {
    super(detail(maxBytes));
  }

  /**
   * What a person sending too much reads (an author's episode, as a page): the limit in the
   * megabytes their files are counted in, and in bytes for a program.
   */
  static String detail(long maxBytes) {
    String size;
    if (maxBytes >= 1 << 20) {
      size = readable(maxBytes / (double) (1 << 20)) + " MB (" + maxBytes + " bytes)";
    } else if (maxBytes >= 1 << 10) {
      size = readable(maxBytes / (double) (1 << 10)) + " KB (" + maxBytes + " bytes)";
    } else {
      size = maxBytes + " bytes";
    }
    return "The request body is larger than the " + size + " this address takes.";
  }

  /** 101, or 2.5: a whole number without its point. */
  private static String readable(double amount) {
    return amount == Math.rint(amount)
        ? String.valueOf((long) amount)
        : String.format(Locale.ROOT, "%.1f", amount);
  }
}
