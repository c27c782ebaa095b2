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

  /** The Latin Extended blocks, A to Additional, where the accented forms beyond Latin-1 are. */
  private static final String LATIN_EXTENDED = "\u0100-\u1EFF";

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
              int upper = Character.toUpperCase(c);
              int lower = Character.toLowerCase(c);
              if (forms != null && pattern.isEmpty()) {
                pattern.append(firstLetter(forms));
              } else if (forms != null) {
                pattern.append('[').append(forms).append(']');
              } else if (upper != lower) {
                // a letter of another script: both its cases, as the flag would, but cheaper
                pattern.append('[').appendCodePoint(lower).appendCodePoint(upper).append(']');
              } else if (c < 0x80 && !Character.isLetterOrDigit(c)) {
                // a backslash before ASCII punctuation means the character itself, in Java as in
                // MongoDB's PCRE
                pattern.append('\\').append((char) c);
              } else {
                pattern.appendCodePoint(c);
              }
            });
    return Pattern.compile(pattern.toString());
  }

  /**
   * The first letter is tried at every position of every post searched, so it is asked cheaply: its
   * Latin-1 forms and the whole of the Latin Extended blocks (a table and one range), and only
   * where that matches, whether the character is one of its forms (a look behind). The letters
   * after it are tried only where the first one matched.
   */
  private static String firstLetter(String forms) {
    var cheap = new StringBuilder("[");
    forms
        .chars()
        .filter(c -> c <= 0xFF && Character.isLetter(c))
        .forEach(c -> cheap.append((char) c));
    return cheap.append(LATIN_EXTENDED).append("](?<=[").append(forms).append("])").toString();
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

  /**
   * Per letter, its forms as the inside of a character class: the letters of Latin-1 one by one and
   * the rest in ranges where they follow each other, as the Latin Extended blocks order them by
   * letter ({@code Ā-ą}, {@code Ć-č}). A class of a few ranges is checked at every position of
   * every post searched at the cost of a few comparisons (measured in {@code bench/README.md}).
   */
  private static Map<Character, String> forms() {
    var letters = new TreeMap<Character, java.util.TreeSet<Character>>();
    for (char c = 'a'; c <= 'z'; c++) {
      letters.put(c, new java.util.TreeSet<>(java.util.List.of(c, Character.toUpperCase(c))));
    }
    // Latin-1 Supplement, Latin Extended-A and B, Latin Extended Additional (Vietnamese)
    for (char[] range : new char[][] {{0xC0, 0x24F}, {0x1E00, 0x1EFF}}) {
      for (char c = range[0]; c <= range[1]; c++) {
        char base = base(c);
        if (base != c && letters.containsKey(base)) {
          letters.get(base).add(c);
        }
      }
    }
    var forms = new TreeMap<Character, String>();
    letters.forEach((letter, all) -> forms.put(letter, asClass(all)));
    return Map.copyOf(forms);
  }

  private static String asClass(java.util.SortedSet<Character> chars) {
    var inside = new StringBuilder();
    var list = java.util.List.copyOf(chars);
    for (int i = 0; i < list.size(); ) {
      int end = i;
      while (end + 1 < list.size() && list.get(end + 1) == list.get(end) + 1) {
        end++;
      }
      if (end - i >= 2 && list.get(i) > 0xFF) {
        inside.append(list.get(i)).append('-').append(list.get(end));
        i = end + 1;
      } else {
        inside.append(list.get(i));
        i++;
      }
    }
    return inside.toString();
  }
}
