package io.inkwell.comments.comment;

import java.util.List;
import java.util.Set;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Comments are plain text with light Markdown: emphasis, links and code, in paragraphs. No raw
 * HTML, headings, images or tables; what is rendered is sanitised again, links get {@code
 * rel="nofollow ugc noopener"}.
 */
@Component
class CommentBodies {

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements("p", "br", "em", "strong", "code", "a")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .requireRelsOnLinks("nofollow", "ugc", "noopener")
          .toFactory();

  /**
   * What another platform kept for a comment (Blogger, WordPress) is HTML already: it is sanitised,
   * not escaped, keeping the bold and italics those platforms allowed.
   */
  private static final PolicyFactory IMPORTED_POLICY =
      POLICY.and(new HtmlPolicyBuilder().allowElements("b", "i", "blockquote").toFactory());

  private final Parser parser =
      Parser.builder()
          .enabledBlockTypes(Set.of())
          .extensions(List.of(AutolinkExtension.create()))
          .build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .extensions(List.of(AutolinkExtension.create()))
          .build();

  String render(String body) {
    return POLICY.sanitize(renderer.render(parser.parse(body)));
  }

  String renderImported(String html) {
    return IMPORTED_POLICY.sanitize(html);
  }

  /** Links in the text, rendered or not: more than a few make a comment suspicious. */
  static int links(String body) {
    var matcher = java.util.regex.Pattern.compile("(?i)\\b(?:https?://|www\\.)").matcher(body);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }
}
