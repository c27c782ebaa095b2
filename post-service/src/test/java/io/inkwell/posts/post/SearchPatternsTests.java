package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchPatternsTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "lodz | Notes from Łódź, in winter | true",
        "ŁÓDŹ | notes from lodz | true",
        "orsted | Ørsted's wind farms | true",
        "nguyen | Nguyễn Du wrote it | true",
        "ecole | À l'École des Beaux-Arts | true",
        "привет | ПРИВЕТ, мир | true",
        "a.c | abc | false",
        "(.*) | anything at all | false",
        "(.*) | a title with (.*) in it | true",
        "cafe | a café | true",
        "cafe | a cave | false"
      })
  void wordsAreFoundWhateverTheirCaseAndAccentsAndNothingElseIsAPattern(
      String words, String text, boolean found) {
    assertThat(SearchPatterns.of(words).matcher(text).find()).isEqualTo(found);
  }
}
