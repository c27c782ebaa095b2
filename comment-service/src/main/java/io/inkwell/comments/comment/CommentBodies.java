package io.inkwell.comments.comment;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.Document;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
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

  /** As deep as post-service lets a post's body nest (its {@code MarkdownNesting}). */
  static final int DEEPEST = 100;

  /** Enough for a comment's longest body nested as deep as it can be (5,000 levels). */
  private static final long STACK_BYTES = 16L << 20;

  private final Parser parser =
      Parser.builder()
          .enabledBlockTypes(Set.of())
          // commonmark-java's own bound, just beyond ours, so that deeper is refused, not flattened
          .maxInlineNesting(DEEPEST + 1)
          .extensions(List.of(AutolinkExtension.create()))
          .build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .extensions(List.of(AutolinkExtension.create()))
          .build();

  /**
   * Parses and renders on a thread of its own with a deep stack, the caller's waiting for it:
   * CommonMark parses and renders emphasis by recursion, a level of the stack for each level of
   * nesting, and a comment's 10,000 characters of {@code ****…x****} overflowed a request thread's.
   *
   * @throws CommentProblems.NestedTooDeeply for emphasis or links nested more than {@link #DEEPEST}
   *     levels
   */
  String render(String body) {
    var task =
        new FutureTask<>(
            () -> {
              try {
                Node document = parser.parse(body);
                checkNesting(document);
                return renderer.render(document);
              } catch (StackOverflowError deeperThanEven) {
                throw new CommentProblems.NestedTooDeeply(DEEPEST);
              }
            });
    new Thread(null, task, "markdown", STACK_BYTES).start();
    try {
      return POLICY.sanitize(task.get());
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException refused) {
        throw refused;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while rendering", e);
    }
  }

  /** Walks the comment without recursion, counting the levels above each of its words. */
  private static void checkNesting(Node document) {
    int levels = 0;
    Node node = document;
    while (node != null) {
      if (node.getFirstChild() != null) {
        if (isLevel(node) && ++levels > DEEPEST) {
          throw new CommentProblems.NestedTooDeeply(DEEPEST);
        }
        node = node.getFirstChild();
        continue;
      }
      while (node != document && node.getNext() == null) {
        node = node.getParent();
        if (isLevel(node)) {
          levels--;
        }
      }
      node = node == document ? null : node.getNext();
    }
  }

  private static boolean isLevel(Node node) {
    return !(node instanceof Document || node instanceof Paragraph);
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
