package io.inkwell.web.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * A commenter's picture where the blog has none: their initials on a colour of their name's own, as
 * Ghost's comments show them (WordPress's and Blogger's threads show a picture beside each comment
 * too). Nothing is asked of another site: a Gravatar would tell it who reads the blog and let
 * anyone guess an address from its hash. The same name always has the same colour.
 */
@Component("avatars")
public class Avatars {

  /** One character as a reader sees it: a letter with its accents, an emoji with its joins. */
  private static final Pattern CHARACTER = Pattern.compile("\\X");

  private static final Pattern SPACES = Pattern.compile("\\s+");

  /**
   * The first character of the first and of the last word ("Ada Lovelace": "AL", "Linus": "L",
   * "محمد علي": "مع", "🙂": "🙂"), upper case; "?" for a name without letters, digits or symbols.
   */
  public String initials(String name) {
    List<String> firsts = new ArrayList<>();
    for (String word : SPACES.split(name == null ? "" : name.strip())) {
      String first = firstToRead(word);
      if (first != null) {
        firsts.add(first);
      }
    }
    if (firsts.isEmpty()) {
      return "?";
    }
    String initials =
        firsts.size() == 1 ? firsts.get(0) : firsts.get(0) + firsts.get(firsts.size() - 1);
    return initials.toUpperCase(Locale.ROOT);
  }

  /** The colour's hue, 0 to 359: the same for the same name, different for most others. */
  public int hue(String name) {
    return Math.floorMod(name == null ? 0 : name.strip().hashCode(), 360);
  }

  /** The word's first character that is a letter, a digit or a symbol: not "(" of "(Ana)". */
  private static String firstToRead(String word) {
    var characters = CHARACTER.matcher(word);
    while (characters.find()) {
      int first = characters.group().codePointAt(0);
      if (Character.isLetterOrDigit(first) || Character.getType(first) == Character.OTHER_SYMBOL) {
        return characters.group();
      }
    }
    return null;
  }
}
