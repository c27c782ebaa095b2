package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A commenter's initials, as their picture shows them, in any script. */
class AvatarsTests {

  private final Avatars avatars = new Avatars();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Ada Lovelace | AL",
        "linus | L",
        "  Grace   Brewster Murray Hopper  | GH",
        "(Ana) de la Cruz | AC",
        "Élodie Ñúñez | ÉÑ",
        "محمد علي | مع",
        "王小明 | 王",
        "👩‍💻 Sam | 👩‍💻S",
        "--- | ?",
        "'' | ?"
      })
  void theFirstCharactersOfTheFirstAndLastWordsAsTheyAreRead(String name, String initials) {
    assertThat(avatars.initials(name)).isEqualTo(initials);
  }

  @Test
  void aNameHasTheSameColourEveryTimeAndNamesDifferentOnes() {
    assertThat(avatars.hue("Ada Lovelace")).isEqualTo(avatars.hue(" Ada Lovelace "));
    assertThat(avatars.hue("Ada Lovelace")).isNotEqualTo(avatars.hue("Linus"));
    assertThat(avatars.hue("x")).isBetween(0, 359);
    assertThat(avatars.hue(null)).isBetween(0, 359);
  }
}
