package io.inkwell.posts.post;

import java.text.Normalizer;
import java.util.Arrays;
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
    return folding(text).text();
  }

  /**
   * The text folded, each of its characters with where it came from in the text (composed as NFC
   * composes it): what a search found, shown in the writer's own letters. A character is folded on
   * its own, what taking it apart gave put together again, so that each folded letter has one
   * place.
   */
  static Folded folding(String text) {
    String source = composed(text);
    return folding(source, source.length());
  }

  /** The text as {@link #folding} reads it. */
  static String composed(String text) {
    return Normalizer.normalize(text, Normalizer.Form.NFC);
  }

  /**
   * The composed text's characters before {@code end} folded: the start of what all of it folds to,
   * as each character is folded on its own (no space after the last, which may be followed by
   * none).
   */
  static Folded folding(String source, int end) {
    var folded = new Folded(source, end);
    boolean space = false;
    boolean accented = false;
    var letters = new StringBuilder();
    for (int at = 0; at < end; ) {
      int original = source.codePointAt(at);
      int next = at + Character.charCount(original);
      if (original < 0x80) {
        // the plain letters, digits and punctuation of most text, which nothing takes apart
        if (original <= ' ' || original == 0x7f) {
          space = !folded.isEmpty();
          accented = false;
        } else {
          folded.add(Character.toLowerCase((char) original), space, at);
          space = false;
          accented = Character.isLetter(original);
        }
        at = next;
        continue;
      }
      String parts = Normalizer.normalize(Character.toString(original), Normalizer.Form.NFKD);
      for (int i = 0; i < parts.length(); ) {
        int c = parts.codePointAt(i);
        i += Character.charCount(c);
        if (Character.getType(c) == Character.NON_SPACING_MARK) {
          if (!accented) {
            letters.appendCodePoint(c);
          }
          continue;
        }
        accented = ACCENTED.contains(Character.UnicodeScript.of(c));
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
          folded.add(letters, space, at, next);
          space = !folded.isEmpty();
          continue;
        }
        String written = letters(c);
        if (written != null) {
          letters.append(written);
        } else {
          letters.appendCodePoint(Character.toLowerCase(c));
        }
      }
      if (folded.add(letters, space, at, next)) {
        space = false;
      }
      at = next;
    }
    return folded;
  }

  /**
   * A text folded: {@code text()}, and for each of its characters the part of {@code source()} (the
   * text composed) it was folded from.
   */
  static final class Folded {

    private final String source;
    private final StringBuilder text;
    private int[] from;
    private int[] to;

    /** Room for as many characters as are folded, as most text folds to as many or fewer. */
    private Folded(String source, int folded) {
      this.source = source;
      this.text = new StringBuilder(folded);
      this.from = new int[Math.max(16, folded)];
      this.to = new int[from.length];
    }

    /**
     * The letters folded from the source between {@code start} and {@code end}, after a space if
     * one stood before them (none at the start); false when there are none.
     */
    private boolean add(StringBuilder letters, boolean spaceBefore, int start, int end) {
      if (letters.isEmpty()) {
        return false;
      }
      if (spaceBefore && !text.isEmpty()) {
        add(" ", start, start);
      }
      // what was taken apart and kept (a Korean syllable, a Hindi vowel sign) as it is written
      add(Normalizer.normalize(letters, Normalizer.Form.NFC), start, end);
      letters.setLength(0);
      return true;
    }

    /** A plain letter, digit or punctuation mark, folded from the source at {@code at}. */
    private void add(char plain, boolean spaceBefore, int at) {
      if (spaceBefore && !text.isEmpty()) {
        add(" ", at, at);
      }
      room(1);
      from[text.length()] = at;
      to[text.length()] = at + 1;
      text.append(plain);
    }

    private void add(String letters, int start, int end) {
      room(letters.length());
      for (int i = 0; i < letters.length(); i++) {
        from[text.length() + i] = start;
        to[text.length() + i] = end;
      }
      text.append(letters);
    }

    private void room(int more) {
      if (from.length < text.length() + more) {
        int length = Math.max(2 * from.length, text.length() + more);
        from = Arrays.copyOf(from, length);
        to = Arrays.copyOf(to, length);
      }
    }

    private boolean isEmpty() {
      return text.isEmpty();
    }

    String text() {
      return text.toString();
    }

    String source() {
      return source;
    }

    /** Where in the source the folded characters from {@code start} to {@code end} came from. */
    int sourceStart(int start) {
      return from[start];
    }

    int sourceEnd(int end) {
      return to[end - 1];
    }
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
