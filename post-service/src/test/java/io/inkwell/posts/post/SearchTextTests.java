package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lodz | Notes from Łódź, in winter | true",
        "ŁÓDŹ | notes from lodz | true",
        "orsted | Ørsted's wind farms | true",
        "nguyen | Nguyễn Du wrote it | true",
        "ecole | À l'École des Beaux-Arts | true",
        "strasse | Die Straße am Meer | true",
        "STRASSE | die strasse am meer | true",
        "aesir | The Æsir of old | true",
        "office | the ｏｆｆｉｃｅ, in full-width letters | true",
        "ΟΔΟΣ | η οδός | true",
        "привет | ПРИВЕТ, мир | true",
        "Ёлка | ёлка и елка | true",
        "한국 | 한국어 블로그 | true",
        "하 | 한국 | false",
        "हिन्दी | हिन्दी ब्लॉग | true",
        "हनद | हन्द | false",
        "a.c | abc | false",
        "(.*) | anything at all | false",
        "(.*) | a title with (.*) in it | true",
        "cafe | a café | true",
        "cafe | a cave | false"
      })
  void wordsAreFoundWhateverTheirCaseAndAccentsAndNothingElseIsAPattern(
      String words, String text, boolean found) {
    String searched = SearchText.of(text, "", "", List.of());
    assertThat(SearchText.pattern(words).orElseThrow().matcher(searched).find()).isEqualTo(found);
  }

  @Test
  void wordsAreFoundWhateverSpacesAndLineBreaksStandBetweenThem() {
    String searched = SearchText.of("", "two\n\twords, and\u00a0more", "", List.of());

    assertThat(SearchText.pattern(" two  words ").orElseThrow().matcher(searched).find()).isTrue();
    assertThat(SearchText.pattern("and more").orElseThrow().matcher(searched).find()).isTrue();
  }

  @Test
  void wordsThatFoldToNothingAreNothingToLookFor() {
    assertThat(SearchText.pattern(" \u0000\u00a0\t")).isEmpty();
    assertThat(SearchText.pattern("a\u0000b").orElseThrow().pattern()).isEqualTo("a b");
  }

  @Test
  void noWordsMatchAcrossTheTitleTheBodyAndTheTags() {
    String searched =
        SearchText.of(
            "Crème brûlée", "Burnt cream, in   French.", null, List.of("dessert", "paris"));

    assertThat(searched).isEqualTo("creme brulee\nburnt cream, in french.\n\ndessert, paris");
    assertThat(SearchText.pattern("brulee burnt").orElseThrow().matcher(searched).find()).isFalse();
    assertThat(SearchText.pattern("dessert, paris").orElseThrow().matcher(searched).find())
        .isTrue();
  }
}
