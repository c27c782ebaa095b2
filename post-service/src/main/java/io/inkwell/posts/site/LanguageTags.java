package io.inkwell.posts.site;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

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
   * @throws Invalid when it is no well-formed tag naming a language by ISO 639's code
   */
  static String normalised(String tag) {
    String given = tag.strip();
    if (given.isEmpty() || given.length() > LONGEST) {
      throw new Invalid(tag);
    }
    try {
      Locale locale = new Locale.Builder().setLanguageTag(given).build();
      // ISO 639's two and three letters: BCP 47's longer language subtags name none yet
      if (locale.getLanguage().isEmpty() || locale.getLanguage().length() > 3) {
        throw new Invalid(tag);
      }
      return locale.toLanguageTag();
    } catch (IllformedLocaleException e) {
      throw new Invalid(tag);
    }
  }

  /**
   * Which way text in the language runs, as HTML's {@code dir} says it: {@code rtl} for a language
   * written in Arabic, Hebrew, Syriac, Thaana, N'Ko, Adlam or Hanifi script (Arabic, Persian,
   * Hebrew, Urdu, Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Sorani Kurdish…) or a tag naming such a
   * script ({@code az-Arab}); {@code ltr} otherwise ({@code ku-Latn} too).
   */
  static String direction(String tag) {
    Locale locale = Locale.forLanguageTag(tag);
    String script = locale.getScript();
    boolean rightToLeft =
        script.isEmpty()
            ? RIGHT_TO_LEFT_LANGUAGES.contains(locale.getLanguage())
            : RIGHT_TO_LEFT_SCRIPTS.contains(script);
    return rightToLeft ? "rtl" : "ltr";
  }

  /** Languages whose usual script runs right to left (ISO 639). */
  private static final Set<String> RIGHT_TO_LEFT_LANGUAGES =
      Set.of(
          "ar", "arc", "bal", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "ks", "lrc", "mzn", "pnb",
          "ps", "sd", "skr", "syr", "ug", "ur", "yi");

  /** Scripts (ISO 15924) that run right to left. */
  private static final Set<String> RIGHT_TO_LEFT_SCRIPTS =
      Set.of("Adlm", "Arab", "Hebr", "Mand", "Mend", "Nkoo", "Rohg", "Samr", "Syrc", "Thaa");

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
