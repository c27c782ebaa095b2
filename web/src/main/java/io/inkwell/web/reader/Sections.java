package io.inkwell.web.reader;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * A link beside each section heading of a post, to copy and send
 * ("…/posts/lisbon#h-getting-there"), as GitHub's and Substack's headings have: post-service gives
 * the headings their ids; a page puts the link after the heading, not inside it, so that the
 * heading is read as its words alone, and names it in the blog's language ({@code sections.link}).
 * The theme shows it in the margin when the heading is pointed at or the link has the focus.
 */
@Component
public class Sections {

  /** A heading as post-service's sanitiser lets it through, with the id it gave it. */
  private static final Pattern HEADING =
      Pattern.compile("<h([1-4]) id=\"(h-[^\"<>]+)\">(.*?)</h\\1>", Pattern.DOTALL);

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private final Words words;

  Sections(Words words) {
    this.words = words;
  }

  /** The post's HTML, each of its section headings with a link to it. */
  public String linked(String html) {
    if (html == null || !html.contains(" id=\"h-")) {
      return html;
    }
    return HEADING
        .matcher(html)
        .replaceAll(
            heading -> {
              String id = heading.group(2);
              String title = HtmlUtils.htmlUnescape(TAG.matcher(heading.group(3)).replaceAll(""));
              return Matcher.quoteReplacement(
                  "<div class=\"section-heading\">"
                      + heading.group()
                      + "<a class=\"section-link\" href=\"#"
                      + id
                      + "\" aria-label=\""
                      + HtmlUtils.htmlEscape(words.of("sections.link", title.strip()))
                      + "\">#</a></div>");
            });
  }
}
