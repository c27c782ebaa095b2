package io.inkwell.web.reader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A post's callouts ({@code > [!WARNING]}, Ghost's callout cards) named in the blog's language:
 * post-service stores a callout without a title of its author's with none, so that no word of its
 * own is in a post; a page gives it the name of its kind in the words of {@code callouts.*}
 * ("Warning", "Achtung"). A callout with its author's title keeps it.
 */
@Component
public class Callouts {

  /** A callout as post-service's sanitiser lets it through, when its author gave it no title. */
  private static final Pattern UNTITLED =
      Pattern.compile(
          "<div class=\"callout callout-(note|tip|important|warning|caution)\" role=\"note\">"
              + "(?!<p class=\"callout-title\">)");

  private final Words words;

  public Callouts(Words words) {
    this.words = words;
  }

  /** The post's HTML, each of its callouts titled. */
  public String titled(String html) {
    if (html == null || !html.contains("<div class=\"callout ")) {
      return html;
    }
    return UNTITLED
        .matcher(html)
        .replaceAll(
            callout ->
                Matcher.quoteReplacement(
                    callout.group()
                        + "<p class=\"callout-title\">"
                        + HtmlUtils.htmlEscape(words.of("callouts." + callout.group(1)))
                        + "</p>"));
  }
}
