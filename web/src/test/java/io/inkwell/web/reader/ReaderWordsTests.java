package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.Translations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each language the reader site speaks has every word the English has, and no other, with the same
 * places for what is put in: a missing word would show in English amid the language, and a lost
 * {@code {0}} would drop a post's title from a heading.
 */
class ReaderWordsTests {

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es", "it", "pt"})
  void aLanguageHasEveryWordOfTheEnglishWithTheSamePlacesForWhatIsPutIn(String language) {
    assertThat(Translations.faults("i18n/reader", language)).isEmpty();
  }
}
