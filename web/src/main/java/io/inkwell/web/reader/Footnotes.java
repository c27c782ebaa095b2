package io.inkwell.web.reader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A post's footnotes named in the blog's language for screen readers: post-service renders them
 * once, in English ("Back to reference 1"), for every language; a page says them in the words of
 * {@code footnotes.*}.
 */
@Component
public class Footnotes {

  /** As post-service's sanitiser lets them through: nothing else carries these. */
  private static final Pattern WAY_BACK =
      Pattern.compile("aria-label=\"Back to reference ([^\"<>]+)\"");

  private static final String NOTES = "<section class=\"footnotes\">";

  private final Words words;

  Footnotes(Words words) {
    this.words = words;
  }

  /** The post's HTML, its notes and ways back named in the blog's language. */
  public String named(String html) {
    if (html == null || !html.contains(NOTES)) {
      return html;
    }
    String named =
        html.replace(
            NOTES,
            "<section class=\"footnotes\" aria-label=\""
                + HtmlUtils.htmlEscape(words.of("footnotes.label"))
                + "\">");
    return WAY_BACK
        .matcher(named)
        .replaceAll(
            reference ->
                Matcher.quoteReplacement(
                    "aria-label=\""
                        + HtmlUtils.htmlEscape(words.of("footnotes.back", reference.group(1)))
                        + "\""));
  }
}
