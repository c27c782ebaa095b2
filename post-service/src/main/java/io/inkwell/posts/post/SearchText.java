package io.inkwell.posts.post;

import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a search reads of a post, and a reader's words, both folded as WordPress's database
 * collation folds them: no case, no accents ("Crème brûlée in Łódź" is kept as "creme brulee in
 * lodz"), ligatures and letters written with two ("Straße", "Æsir") as their letters, full-width
 * and other compatibility forms as the plain ones. Each post keeps its folded text (title, words of
 * the body without their Markdown or links, excerpt, tags: one line each), so a search is one
 * literal pattern against one field: its cost is linear in the text searched and no pattern of the
 * reader's ever runs.
 */
final class SearchText {

  private static final Set<Character.UnicodeScript> ACCENTED =
      EnumSet.of(
          Character.UnicodeScript.LATIN,
          Character.UnicodeScript.GREEK,
          Character.UnicodeScript.CYRILLIC);

  private SearchText() {}

  /** The folded text a post is searched by: one line per part, so no words match across two. */
  static String of(String title, String bodyText, String excerpt, List<String> tags) {
    var parts = new StringBuilder(fold(title));
    for (String part : new String[] {bodyText, excerpt, String.join(", ", tags)}) {
      parts.append('\n').append(fold(part == null ? "" : part));
    }
    return parts.toString();
  }

  /** A post's search text with other tags: they are its last line. */
  static String retagged(String searchText, List<String> tags) {
    return searchText.substring(0, searchText.lastIndexOf('\n') + 1)
        + fold(String.join(", ", tags));
  }

  /**
   * The reader's words as a pattern of their folded letters, each character itself: a backslash
   * before ASCII punctuation means the character, in Java as in MongoDB's PCRE. Empty when they
   * fold to nothing (spaces, control characters): there is nothing to look for.
   */
  static Optional<Pattern> pattern(String words) {
    String folded = fold(words);
    if (folded.isEmpty()) {
      return Optional.empty();
    }
    var literal = new StringBuilder();
    folded
        .codePoints()
        .forEach(
            c -> {
              if (c < 0x80 && !Character.isLetterOrDigit(c) && c != ' ') {
                literal.append('\\');
              }
              literal.appendCodePoint(c);
            });
    return Optional.of(Pattern.compile(literal.toString()));
  }

  /**
   * Lower case, without accents, its spaces (and control characters, which no text shows) one space
   * each and none at the ends. Accents are dropped from the letters of the Latin, Greek and
   * Cyrillic scripts only: the marks of other scripts (Hindi's vowel signs, Thai's tones) are part
   * of their words.
   */
  static String fold(String text) {
    var folded = new StringBuilder(text.length());
    boolean space = false;
    boolean accented = false;
    for (int c : Normalizer.normalize(text, Normalizer.Form.NFKD).codePoints().toArray()) {
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        if (!accented) {
          folded.appendCodePoint(c);
        }
        continue;
      }
      accented = ACCENTED.contains(Character.UnicodeScript.of(c));
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = !folded.isEmpty();
        continue;
      }
      if (space) {
        folded.append(' ');
        space = false;
      }
      String letters = letters(c);
      if (letters != null) {
        folded.append(letters);
      } else {
        folded.appendCodePoint(Character.toLowerCase(c));
      }
    }
    // what was taken apart and kept (a Korean syllable, a Hindi vowel sign) as it is written
    return Normalizer.normalize(folded, Normalizer.Form.NFC);
  }

  /**
   * The Latin letters a character is written with where Unicode keeps no accent to drop: the
   * stroked letters of Danish, Polish, Croatian and Maltese, and those written as two.
   */
  private static String letters(int c) {
    return switch (c) {
      case 'ø', 'Ø' -> "o";
      case 'đ', 'Đ' -> "d";
      case 'ł', 'Ł' -> "l";
      case 'ħ', 'Ħ' -> "h";
      case 'ı' -> "i";
      case 'ß', 'ẞ' -> "ss";
      case 'æ', 'Æ' -> "ae";
      case 'œ', 'Œ' -> "oe";
      case 'þ', 'Þ' -> "th";
      case 'ς' -> "σ"; // the Greek final sigma, which upper case writes as any other
      default -> null;
    };
  }
}
