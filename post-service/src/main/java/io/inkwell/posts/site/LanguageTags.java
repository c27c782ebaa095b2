package io.inkwell.posts.site;

import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The blog's language as a BCP 47 tag ({@code en}, {@code de-CH}, {@code pt-BR}, {@code sr-Latn}),
 * as HTML's {@code lang}, RSS's {@code <language>} and Atom's {@code xml:lang} take it: Ghost's
 * "Publication language", WordPress's "Site Language".
 */
final class LanguageTags {

  /** Longer than any tag a blog needs ({@code zh-Hant-TW} is 10). */
  static final int LONGEST = 35;

  private LanguageTags() {}

  /**
   * The tag in its usual spelling ({@code de-ch} → {@code de-CH}).
   *
   * @throws Invalid when it is no well-formed tag naming a language
   */
  static String normalised(String tag) {
    String given = tag.strip();
    if (given.isEmpty() || given.length() > LONGEST) {
      throw new Invalid(tag);
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(given).build();
      if (locale.getLanguage().isEmpty()) {
        throw new Invalid(tag);
      }
      return locale.toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new Invalid(tag);
    }
  }

  /** No language tag: not a language of BCP 47's spelling. */
  static final class Invalid extends RuntimeException {

    Invalid(String tag) {
      super(
          "language must be a BCP 47 language tag such as en, de-CH or pt-BR, not \""
              + (tag.length() > LONGEST ? tag.substring(0, LONGEST) + "…" : tag)
              + "\".");
    }
  }
}
