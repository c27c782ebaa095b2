package io.inkwell.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.testsupport.Translations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The mails' words in each language: whole, and text only (they go into the HTML mails). */
class MailWordsTests {

  private static final String[] LANGUAGES = {"de", "fr", "es", "it", "pt"};

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es", "it", "pt"})
  void aLanguageHasEveryWordOfTheEnglishWithTheSamePlacesForWhatIsPutIn(String language) {
    assertThat(Translations.faults("i18n/mails", language)).isEmpty();
  }

  @Test
  void noWordIsMarkup() {
    assertThat(Translations.allWords("i18n/mails", LANGUAGES))
        .allSatisfy(words -> assertThat(words).doesNotContain("<", "&"));
  }
}
