package io.inkwell.web.reader;

import java.util.regex.Pattern;

/**
 * The accent colour an admin chose (Ghost's "Accent color"), as the theme can use it on its light
 * and its dark page: links and buttons stay readable, so where the colour itself is too pale for
 * the light page (a yellow) it is darkened, and where it is too dark for the dark page (a navy) it
 * is lightened, each as little as it takes to reach WCAG's 4.5:1 against the page.
 *
 * @param light {@code #rrggbb} on the light page
 * @param dark {@code #rrggbb} on the dark page
 */
public record Accent(String light, String dark) {

  /** The theme's pages, as {@code inkwell.css} colours them. */
  static final int LIGHT_PAGE = 0xfdfcfa;

  static final int DARK_PAGE = 0x16161a;

  /** WCAG 2's contrast for normal text (AA). */
  static final double READABLE = 4.5;

  private static final Pattern COLOUR = Pattern.compile("#\\p{XDigit}{6}");

  /**
   * @param chosen {@code #rrggbb}, as the API gives it; anything else is no accent (null)
   */
  static Accent of(String chosen) {
    if (chosen == null || !COLOUR.matcher(chosen).matches()) {
      return null;
    }
    int rgb = Integer.parseInt(chosen.substring(1), 16);
    return new Accent(
        hex(readableOn(rgb, LIGHT_PAGE, 0)), hex(readableOn(rgb, DARK_PAGE, 0xffffff)));
  }

  /** The stylesheet's accent, for a page's {@code <style>}. */
  public String css() {
    return ":root{--accent:"
        + light
        + "}@media (prefers-color-scheme: dark){:root{--accent:"
        + dark
        + "}}";
  }

  /** The colour mixed towards {@code toward} in small steps until it reads on the page. */
  static int readableOn(int rgb, int page, int toward) {
    for (int step = 0; step <= 20; step++) {
      int mixed = mix(rgb, toward, step / 20.0);
      if (contrast(mixed, page) >= READABLE) {
        return mixed;
      }
    }
    return toward;
  }

  /** WCAG 2's contrast ratio of two colours, from 1 to 21. */
  static double contrast(int a, int b) {
    double first = luminance(a);
    double second = luminance(b);
    return (Math.max(first, second) + 0.05) / (Math.min(first, second) + 0.05);
  }

  private static double luminance(int rgb) {
    return 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
  }

  private static double channel(int value) {
    double c = (value & 0xff) / 255.0;
    return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
  }

  private static int mix(int rgb, int toward, double share) {
    int mixed = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int from = (rgb >> shift) & 0xff;
      int to = (toward >> shift) & 0xff;
      mixed |= (int) Math.round(from + (to - from) * share) << shift;
    }
    return mixed;
  }

  private static String hex(int rgb) {
    return String.format("#%06x", rgb);
  }
}
