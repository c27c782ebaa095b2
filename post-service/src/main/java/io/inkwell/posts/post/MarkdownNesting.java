package io.inkwell.posts.post;

import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;

/**
 * How deep a body's Markdown may nest, and what it may pile up on the way. CommonMark parses and
 * renders nesting by recursion, a level of the stack for each level of nesting, and takes time that
 * grows with the square of some inputs: a few kilobytes of {@code >}, {@code - } or {@code *}
 * overflowed a service thread's stack, a line of 100,000 list markers took seconds and a megabyte
 * of {@code ![} minutes. So a body is looked at line by line before it is parsed, parsed and
 * rendered on a thread of its own with a deep stack, and its tree measured before it is rendered.
 * markdown-it, which flattens what lies deeper, stops at 100 levels too.
 */
final class MarkdownNesting {

  static final int DEEPEST = 100;

  /** Opening brackets in one paragraph: each may open a link or a picture within the last one. */
  static final int MOST_BRACKETS = 1_000;

  /** Emphasis marks ({@code * _ ~}) in one paragraph: each may open an emphasis within the last. */
  static final int MOST_MARKS = 10_000;

  /**
   * Enough for the parser to reach {@link #check} with anything the line limits let through (a
   * paragraph of {@link #MOST_MARKS} asterisks nests 5,000 deep); the thread ends with the body.
   */
  private static final long STACK_BYTES = 32L << 20;

  private static final String TOO_DEEP =
      "The body nests quotes, lists, emphasis or links within each other more than "
          + DEEPEST
          + " levels deep; no page needs that many.";

  private MarkdownNesting() {}

  /**
   * Refuses, before parsing, a line that opens more than {@link #DEEPEST} quotes and list items at
   * its start ({@code >}, {@code -}, {@code +}, {@code *} or a number with {@code .} or {@code )},
   * each followed by a space), and a paragraph (lines between blank ones, outside fenced code) with
   * more than {@link #MOST_BRACKETS} {@code [} or {@link #MOST_MARKS} emphasis marks.
   */
  static void checkLines(String markdown) {
    int brackets = 0;
    int marks = 0;
    String fence = null;
    for (Iterator<String> lines = markdown.lines().iterator(); lines.hasNext(); ) {
      String line = lines.next();
      String text = line.stripLeading();
      boolean mayFence = line.length() - text.length() < 4;
      if (fence != null) {
        if (mayFence && closes(fence, text)) {
          fence = null;
        }
        continue;
      }
      if (mayFence && opensFence(text)) {
        fence = text.substring(0, runLength(text));
        brackets = 0;
        marks = 0;
        continue;
      }
      if (text.isEmpty()) {
        brackets = 0;
        marks = 0;
        continue;
      }
      if (markersAtStart(line) > DEEPEST) {
        throw new NestedTooDeeply(TOO_DEEP);
      }
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        brackets += c == '[' ? 1 : 0;
        marks += c == '*' || c == '_' || c == '~' ? 1 : 0;
      }
      if (brackets > MOST_BRACKETS || marks > MOST_MARKS) {
        throw new NestedTooDeeply(
            String.format(
                Locale.ROOT,
                "A paragraph of the body has more than %,d brackets ([) or %,d emphasis marks"
                    + " (* _ ~); no page needs that many in one paragraph (code goes between ```"
                    + " lines, where they are not counted).",
                MOST_BRACKETS,
                MOST_MARKS));
      }
    }
  }

  /** Three backticks or tildes or more, and no backtick in a backtick fence's info string. */
  private static boolean opensFence(String text) {
    if (!text.startsWith("```") && !text.startsWith("~~~")) {
      return false;
    }
    return text.charAt(0) == '~' || text.indexOf('`', runLength(text)) < 0;
  }

  /** A closing fence: the opening one's character, at least as many times, and nothing else. */
  private static boolean closes(String fence, String text) {
    String closing = text.strip();
    return closing.startsWith(fence) && runLength(closing) == closing.length();
  }

  private static int runLength(String text) {
    int length = 1;
    while (length < text.length() && text.charAt(length) == text.charAt(0)) {
      length++;
    }
    return length;
  }

  private static int markersAtStart(String line) {
    int markers = 0;
    int at = 0;
    while (at < line.length()) {
      char c = line.charAt(at);
      if (c == ' ' || c == '\t') {
        at++;
        continue;
      }
      int after = afterMarker(line, at);
      if (after == at) {
        break;
      }
      markers++;
      at = after;
    }
    return markers;
  }

  /** Where the quote's or list item's marker at {@code at} ends with its space; else {@code at}. */
  private static int afterMarker(String line, int at) {
    char c = line.charAt(at);
    if (c == '>') {
      return at + 1;
    }
    if ((c == '-' || c == '+' || c == '*') && spaceAt(line, at + 1)) {
      return at + 2;
    }
    int end = at;
    while (end < line.length() && end - at < 9 && isDigit(line.charAt(end))) {
      end++;
    }
    if (end > at
        && end < line.length()
        && (line.charAt(end) == '.' || line.charAt(end) == ')')
        && spaceAt(line, end + 1)) {
      return end + 2;
    }
    return at;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean spaceAt(String line, int i) {
    return i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t');
  }

  /**
   * Runs the parsing and rendering on a thread with a deep stack, the caller's waiting for it. A
   * stack overflowing all the same is a body nested too deeply, as the parser leaves nothing behind
   * it but garbage.
   */
  static String onDeepStack(Supplier<String> rendering) {
    var task =
        new FutureTask<>(
            () -> {
              try {
                return rendering.get();
              } catch (StackOverflowError deeperThanEven) {
                throw new NestedTooDeeply(TOO_DEEP);
              }
            });
    new Thread(null, task, "markdown", STACK_BYTES).start();
    try {
      return task.get();
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
          throw new NestedTooDeeply(TOO_DEEP);
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
