package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each language the reader site speaks has every word the English has, and no other, with the same
 * places for what is put in: a missing word would show in English amid the language, a lost {@code
 * {0}} would drop a post's title from a heading, and a lone apostrophe in a pattern would swallow
 * the text after it.
 */
class ReaderWordsTests {

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d)");

  @ParameterizedTest
  @ValueSource(strings = {"de", "fr", "es"})
  void aLanguageHasEveryWordOfTheEnglishWithTheSamePlacesForWhatIsPutIn(String language)
      throws IOException {
    Properties english = words("i18n/reader.properties");
    Properties translated = words("i18n/reader_" + language + ".properties");

    assertThat(translated.stringPropertyNames())
        .as("the words of " + language)
        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
    for (String key : english.stringPropertyNames()) {
      String pattern = translated.getProperty(key);
      assertThat(pattern).as(language + " " + key).isNotBlank();
      assertThat(arguments(pattern))
          .as(language + " " + key)
          .isEqualTo(arguments(english.getProperty(key)));
      if (!arguments(pattern).isEmpty()) {
        assertThat(pattern.replace("''", ""))
            .as(language + " " + key + ": an apostrophe in a pattern is written '' or ’")
            .doesNotContain("'");
        assertThat(
                new MessageFormat(pattern, Locale.forLanguageTag(language))
                    .format(new Object[] {2, 2, 2}))
            .as(language + " " + key)
            .doesNotContain("{");
      }
    }
  }

  private static Set<String> arguments(String pattern) {
    return ARGUMENT
        .matcher(pattern)
        .results()
        .map(m -> m.group(1))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Properties words(String file) throws IOException {
    var properties = new Properties();
    try (var in = ReaderWordsTests.class.getClassLoader().getResourceAsStream(file)) {
      assertThat(in).as(file).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
