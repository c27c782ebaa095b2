package io.inkwell.testsupport;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What is wrong with a language's words against the English ones of a message bundle: a word
 * missing (it would show in English amid the language) or left over, a blank one, a place for what
 * is put in ({@code {0}}) lost or added (a heading without the post's title), and a lone apostrophe
 * in a pattern (MessageFormat would swallow the text after it).
 */
public final class Translations {

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

  private Translations() {}

  /**
   * @param bundle the English file's name on the class path without {@code .properties} ({@code
   *     i18n/reader}); the language's is {@code <bundle>_<language>.properties}
   * @return one line per fault; empty when the language is whole
   */
  public static List<String> faults(String bundle, String language) {
    Properties english = words(bundle + ".properties");
    Properties translated = words(bundle + "_" + language + ".properties");
    List<String> faults = new ArrayList<>();
    for (String key : new TreeSet<>(english.stringPropertyNames())) {
      String pattern = translated.getProperty(key);
      if (pattern == null || pattern.isBlank()) {
        faults.add(key + ": missing");
        continue;
      }
      if (!arguments(pattern).equals(arguments(english.getProperty(key)))) {
        faults.add(
            key
                + ": puts in "
                + arguments(pattern)
                + ", not "
                + arguments(english.getProperty(key)));
      }
      if (!arguments(pattern).isEmpty()) {
        if (pattern.replace("''", "").contains("'")) {
          faults.add(key + ": an apostrophe in a pattern is written '' or ’");
        }
        String formatted =
            new MessageFormat(pattern, Locale.forLanguageTag(language))
                .format(new Object[] {2, 2, 2, 2});
        if (formatted.contains("{")) {
          faults.add(key + ": a place not filled in: " + formatted);
        }
      }
    }
    translated.stringPropertyNames().stream()
        .filter(key -> !english.containsKey(key))
        .sorted()
        .forEach(key -> faults.add(key + ": not one of the English words"));
    return faults;
  }

  /** Every word of every language of the bundle, English first: for checks on all of them. */
  public static List<String> allWords(String bundle, String... languages) {
    List<String> all = new ArrayList<>(values(words(bundle + ".properties")));
    for (String language : languages) {
      all.addAll(values(words(bundle + "_" + language + ".properties")));
    }
    return all;
  }

  private static List<String> values(Properties properties) {
    return properties.stringPropertyNames().stream().sorted().map(properties::getProperty).toList();
  }

  private static Set<String> arguments(String pattern) {
    return ARGUMENT
        .matcher(pattern)
        .results()
        .map(found -> found.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Properties words(String file) {
    var properties = new Properties();
    try (var in = Translations.class.getClassLoader().getResourceAsStream(file)) {
      if (in == null) {
        throw new IllegalArgumentException("No " + file + " on the class path");
      }
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
