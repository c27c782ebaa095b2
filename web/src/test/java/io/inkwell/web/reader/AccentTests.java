package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An admin's accent colour on the theme's light and dark pages: kept where it reads, darkened or
 * lightened just enough where it would not.
 */
class AccentTests {

  @ParameterizedTest
  @CsvSource({
    // the theme's own and a deep green read on the light page as they are
    "#8a3b12, true, false",
    "#1a7f5a, true, false",
    // yellow is too pale for the light page, fine on the dark one
    "#ffff00, false, true",
    // navy is too dark for the dark page, fine on the light one
    "#000080, true, false",
    // mid grey reads on neither
    "#7a7a7a, false, false"
  })
  void theColourReadsOnBothPagesAndIsKeptWhereItAlreadyDid(
      String chosen, boolean keptOnLight, boolean keptOnDark) {
    var accent = Accent.of(chosen);
    int light = Integer.parseInt(accent.light().substring(1), 16);
    int dark = Integer.parseInt(accent.dark().substring(1), 16);

    assertThat(Accent.contrast(light, Accent.LIGHT_PAGE)).isGreaterThanOrEqualTo(Accent.READABLE);
    assertThat(Accent.contrast(dark, Accent.DARK_PAGE)).isGreaterThanOrEqualTo(Accent.READABLE);
    assertThat(accent.light().equals(chosen)).isEqualTo(keptOnLight);
    assertThat(accent.dark().equals(chosen)).isEqualTo(keptOnDark);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "red", "#fff", "#ffff0", "#ffff00;}body{display:none", "#ffff00 "})
  void whatIsNoRrggbbColourIsNoAccent(String given) {
    assertThat(Accent.of(given)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"#1a7f5a"})
  void thePagesStyleSetsTheAccentForEachPage(String chosen) {
    assertThat(Accent.of(chosen).css())
        .isEqualTo(
            ":root{--accent:#1a7f5a}@media (prefers-color-scheme: dark){:root{--accent:"
                + Accent.of(chosen).dark()
                + "}}");
  }
}
