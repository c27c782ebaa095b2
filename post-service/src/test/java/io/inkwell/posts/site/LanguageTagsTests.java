package io.inkwell.posts.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The blog's language as admins type it, and which way its text runs. */
class LanguageTagsTests {

  @ParameterizedTest
  @CsvSource({
    "en, en",
    "' de-ch ', de-CH",
    "PT-br, pt-BR",
    "sr-latn, sr-Latn",
    "zh-Hant-TW, zh-Hant-TW",
    "gsw, gsw"
  })
  void aTagIsKeptInItsUsualSpelling(String typed, String kept) {
    assertThat(LanguageTags.normalised(typed)).isEqualTo(kept);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "  ", "English", "en_US", "12", "en-", "-en", "<script>", "x-private"})
  void whatIsNoLanguageTagIsRefused(String typed) {
    assertThatThrownBy(() -> LanguageTags.normalised(typed))
        .isInstanceOf(LanguageTags.Invalid.class)
        .hasMessageContaining("BCP 47");
  }

  @ParameterizedTest
  @CsvSource({
    "ar, rtl",
    "ar-EG, rtl",
    "fa-IR, rtl",
    "he, rtl",
    "ur-PK, rtl",
    "ps, rtl",
    "ckb, rtl",
    "yi, rtl",
    "az-Arab, rtl",
    "ku-Latn, ltr",
    "en, ltr",
    "de-CH, ltr",
    "sr-Cyrl, ltr",
    "ja, ltr",
    "hi, ltr"
  })
  void rightToLeftLanguagesAndScriptsAreToldApart(String tag, String direction) {
    assertThat(LanguageTags.direction(tag)).isEqualTo(direction);
  }
}
