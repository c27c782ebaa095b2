package io.inkwell.posts.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.Translations;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feeds' few words of ours in each language the reader site speaks: every one of them. */
class FeedWordsTests {

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es", "it", "pt"})
  void aLanguageHasEveryWordOfTheEnglish(String language) {
    assertThat(Translations.faults("i18n/feeds", language)).isEmpty();
  }
}
