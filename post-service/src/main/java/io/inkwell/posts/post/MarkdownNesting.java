package io.inkwell.posts.post;

import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * How deep a body's Markdown may nest. CommonMark renders by recursion, a level of the stack for
 * each level of nesting, and parses a line of thousands of list markers in time that grows with
 * their square: {@code ">>>>…"} or {@code "- - - …"} some thousands long, a few kilobytes of a
 * body, would otherwise overflow the stack or hold a thread for seconds. markdown-it, which
 * flattens what lies deeper, stops at 100 levels too.
 */
final class MarkdownNesting {

  static final int DEEPEST = 100;

  private MarkdownNesting() {}

  /**
   * Refuses, before parsing, a line that opens more than {@link #DEEPEST} quotes and list items at
   * its start ({@code >}, {@code -}, {@code +}, {@code *} or a number with {@code .} or {@code )},
   * each followed by a space).
   */
  static void checkLines(String markdown) {
    int length = markdown.length();
    int line = 0;
    while (line < length) {
      int markers = 0;
      int at = line;
      while (at < length) {
        char c = markdown.charAt(at);
        if (c == ' ' || c == '\t') {
          at++;
          continue;
        }
        int after = afterMarker(markdown, at);
        if (after == at) {
          break;
        }
        markers++;
        at = after;
      }
      if (markers > DEEPEST) {
        throw new NestedTooDeeply();
      }
      int end = markdown.indexOf('\n', at);
      line = end < 0 ? length : end + 1;
    }
  }

  /** Where the quote's or list item's marker at {@code at} ends with its space; else {@code at}. */
  private static int afterMarker(String markdown, int at) {
    char c = markdown.charAt(at);
    if (c == '>') {
      return at + 1;
    }
    if ((c == '-' || c == '+' || c == '*') && spaceAt(markdown, at + 1)) {
      return at + 2;
    }
    int end = at;
    while (end < markdown.length() && end - at < 9 && isDigit(markdown.charAt(end))) {
      end++;
    }
    if (end > at
        && end < markdown.length()
        && (markdown.charAt(end) == '.' || markdown.charAt(end) == ')')
        && spaceAt(markdown, end + 1)) {
      return end + 2;
    }
    return at;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean spaceAt(String markdown, int i) {
    return i < markdown.length() && (markdown.charAt(i) == ' ' || markdown.charAt(i) == '\t');
  }

  /**
   * Refuses a parsed body with more than {@link #DEEPEST} levels above some of its words: a quote,
   * a list's item, an emphasis or a link each a level (a list, a paragraph or a heading holding
   * them none of its own).
   */
  static void check(Node document) {
    int levels = 0;
    Node node = document;
    while (node != null) {
      if (node.getFirstChild() != null) {
        if (isLevel(node) && ++levels > DEEPEST) {
          throw new NestedTooDeeply();
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
    return !(node instanceof Document
        || node instanceof ListBlock
        || node instanceof Paragraph
        || node instanceof Heading);
  }
}
