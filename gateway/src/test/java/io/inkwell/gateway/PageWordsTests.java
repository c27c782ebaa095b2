package io.inkwell.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.Translations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each language the gateway's own pages speak has every word of the English and no other: a missing
 * one would leave a refusal page half in English (or fail to render it).
 */
class PageWordsTests {

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es", "it", "pt"})
  void aLanguageHasEveryWordOfTheEnglish(String language) {
    assertThat(Translations.faults("i18n/pages", language)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"en", "en-GB", "nl", "tlh"})
  void aLanguageWithoutWordsOfItsOwnGetsTheEnglishNotTheMachinesOwn(String language) {
    assertThat(Problems.words(language).getString("back")).isEqualTo("Back to the blog");
  }
}
