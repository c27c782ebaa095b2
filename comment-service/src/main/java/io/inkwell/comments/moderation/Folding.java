package io.inkwell.comments.moderation;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Text as a search or a blocklist compares it: lower case, without accents, compatibility forms as
 * the plain ones (full-width letters, ligatures), and without the invisible characters that only
 * format it (a zero-width space, a soft hyphen).
 */
public final class Folding {

  private Folding() {}

  public static String fold(String text) {
    var folded = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFKD)
        .codePoints()
        .filter(
            c ->
                Character.getType(c) != Character.NON_SPACING_MARK
                    && Character.getType(c) != Character.FORMAT)
        .map(Character::toLowerCase)
        .forEach(folded::appendCodePoint);
    return folded.toString().toLowerCase(Locale.ROOT);
  }
}
