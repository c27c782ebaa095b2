package io.inkwell.posts;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text read from JSON (request bodies and events) holds only characters every place the blog shows
 * it can carry. XML 1.0, which the feeds and exports are written in, has no room for control
 * characters other than tab and line breaks, for half of a surrogate pair or for U+FFFE and U+FFFF:
 * one of them in a title would break the blog's feed for every reader. As WordPress does with text
 * fields, such a character is cleaned away rather than the request refused: a control character
 * (pasted from a PDF, typed by accident, invisible to the author) becomes a space, a broken
 * character the replacement character U+FFFD, as browsers send it from a form.
 */
@Configuration(proxyBeanMethods = false)
public class TextCleaning {

  @Bean
  JsonMapperBuilderCustomizer cleanText() {
    var module = new SimpleModule("clean-text");
    module.addDeserializer(String.class, new CleanString());
    return builder -> builder.addModule(module);
  }

  /**
   * The name an author's computer gave an uploaded file, without its folders, control characters or
   * bidirectional overrides, embeddings and isolates (U+202E would show "fdp.exe" as "exe.pdf"), at
   * most 200 characters (its end, where its extension is kept).
   *
   * @param otherwise the name of a file sent without one
   */
  public static String fileName(String filename, String otherwise) {
    String name = filename == null ? "" : filename;
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    name = clean(name.replaceAll("[\\p{Cntrl}\u202A-\u202E\u2066-\u2069]", "")).strip();
    if (name.length() > 200) {
      name = name.substring(name.length() - 200);
    }
    return name.isEmpty() ? otherwise : name;
  }

  /** The text with what XML cannot carry replaced; the same instance when there is nothing. */
  public static String clean(String text) {
    if (text.codePoints().allMatch(TextCleaning::writable)) {
      return text; // nearly always: every string of every request passes here
    }
    var cleaned = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (writable(c)) {
                cleaned.appendCodePoint(c);
              } else {
                cleaned.append(c < 0x20 ? ' ' : '\uFFFD');
              }
            });
    return cleaned.toString();
  }

  /** Not a control character other than tab and line breaks, half a pair, U+FFFE or U+FFFF. */
  private static boolean writable(int c) {
    return c >= 0x20
        ? !(c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE
            || c == 0xFFFE
            || c == 0xFFFF)
        : c == '\t' || c == '\n' || c == '\r';
  }

  private static final class CleanString extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
      String text = super.deserialize(parser, context);
      return text == null ? null : clean(text);
    }
  }
}
