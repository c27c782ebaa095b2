package io.inkwell.posts.post;

import java.text.Normalizer;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A reader's words as a pattern that ignores case and accents, as WordPress's search does (its
 * database collation folds both): "cafe" finds "Café", "creme brulee" finds "Crème brûlée", "Lodz"
 * finds "Łódź", and "café" finds "cafe" too. Each Latin letter stands for itself and its accented
 * forms; every other character is matched literally, so no pattern of the reader's ever runs and
 * the cost stays linear in the text searched.
 */
final class SearchPatterns {

  /** Per base letter (lower case), the letter and every accented form of it, both cases. */
  private static final Map<Character, String> FORMS = forms();

  private SearchPatterns() {}

  static Pattern of(String words) {
    var pattern = new StringBuilder();
    words
        .strip()
        .codePoints()
        .forEach(
            c -> {
              String forms = c < 0x10000 ? FORMS.get(base((char) c)) : null;
              if (forms != null) {
                pattern.append('[').append(forms).append(']');
              } else if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                // a backslash before ASCII punctuation means the character itself, in Java as in
                // MongoDB's PCRE
                pattern.append('\\').append((char) c);
              } else {
                pattern.appendCodePoint(c);
              }
            });
    return Pattern.compile(pattern.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The Latin letter a character is written with, lower case; itself when it is none. */
  static char base(char c) {
    char stroke =
        switch (c) {
          case 'ø', 'Ø' -> 'o';
          case 'đ', 'Đ' -> 'd';
          case 'ł', 'Ł' -> 'l';
          case 'ħ', 'Ħ' -> 'h';
          default -> 0;
        };
    if (stroke != 0) {
      return stroke;
    }
    String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
    char first = Character.toLowerCase(decomposed.charAt(0));
    boolean accented =
        decomposed
            .codePoints()
            .skip(1)
            .allMatch(m -> Character.getType(m) == Character.NON_SPACING_MARK);
    return first >= 'a' && first <= 'z' && accented ? first : c;
  }

  private static Map<Character, String> forms() {
    var forms = new TreeMap<Character, StringBuilder>();
    for (char c = 'a'; c <= 'z'; c++) {
      forms.put(c, new StringBuilder().append(c).append(Character.toUpperCase(c)));
    }
    // Latin-1 Supplement, Latin Extended-A and B, Latin Extended Additional (Vietnamese)
    for (char[] range : new char[][] {{0xC0, 0x24F}, {0x1E00, 0x1EFF}}) {
      for (char c = range[0]; c <= range[1]; c++) {
        char base = base(c);
        if (base != c && forms.containsKey(base)) {
          forms.get(base).append(c);
        }
      }
    }
    var frozen = new TreeMap<Character, String>();
    forms.forEach((letter, all) -> frozen.put(letter, all.toString()));
    return Map.copyOf(frozen);
  }
}
