package io.inkwell.posts.post;

import com.ibm.icu.text.Transliterator;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * URL slugs: lower-case ASCII words joined by hyphens, derived from a title. A title in another
 * script is first written in Latin letters (ICU's transliteration, as Ghost and WordPress's
 * transliterating plugins do), so "Привет, мир" reads privet-mir rather than becoming "post".
 */
public final class Slugs {

  public static final String PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$";
  static final int MAX_LENGTH = 80;

  private static final Pattern SLUG = Pattern.compile(PATTERN);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

  /** Latin letters that Unicode does not decompose into a base letter and a mark. */
  private static final String[][] LETTERS_WITHOUT_DECOMPOSITION = {
    {"ß", "ss"}, {"æ", "ae"}, {"œ", "oe"}, {"ø", "o"}, {"đ", "d"}, {"ł", "l"}, {"þ", "th"}
  };

  /** Any script to Latin letters; ICU transliterators are not shared between threads. */
  private static final ThreadLocal<Transliterator> TO_LATIN =
      ThreadLocal.withInitial(() -> Transliterator.getInstance("Any-Latin"));

  private Slugs() {}

  /**
   * "Café au lait: 10 ways!" becomes "cafe-au-lait-10-ways"; one of no letters or digits "post".
   */
  public static String fromTitle(String title) {
    return of(title).orElse("post");
  }

  /**
   * The slug of a text, as WordPress and Ghost make one of a post's title or a tag's name ("Crème
   * brûlée" is creme-brulee); empty for a text of no letters or digits.
   */
  static Optional<String> of(String text) {
    String spelled = text.toLowerCase(Locale.ROOT);
    if (!spelled.chars().allMatch(c -> c < 0x250)) {
      spelled = TO_LATIN.get().transliterate(spelled); // beyond the Latin letters
    }
    for (String[] letter : LETTERS_WITHOUT_DECOMPOSITION) {
      spelled = spelled.replace(letter[0], letter[1]);
    }
    String folded =
        MARKS.matcher(Normalizer.normalize(spelled, Normalizer.Form.NFKD)).replaceAll("");
    String slug =
        NON_ALPHANUMERIC
            .matcher(folded.toLowerCase(Locale.ROOT))
            .replaceAll("-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_LENGTH) {
      slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? Optional.empty() : Optional.of(slug);
  }

  /** Whether a text is written as slugs are: lower-case ASCII words joined by hyphens. */
  static boolean isOne(String text) {
    return SLUG.matcher(text).matches();
  }

  /** The n-th alternative when a slug is taken: "title", "title-2", "title-3", ... */
  static String candidate(String base, int attempt) {
    return attempt == 1 ? base : base + "-" + attempt;
  }
}
