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
import org.commonmark.parser.Parser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;

/**
 * How deep a body's Markdown may nest, and what it may pile up on the way. CommonMark parses and
 * renders nesting by recursion, a level of the stack for each level of nesting, and takes time that
 * grows with the square of some inputs: a few kilobytes of {@code >}, {@code - } or {@code *}
 * overflowed a service thread's stack, a line of 100,000 list markers took seconds and a megabyte
 * of {@code ![} minutes. So a body is looked at line by line before it is parsed; on a thread of
 * its own with a deep stack, its blocks are read and each piece of their text counted before it is
 * read inline, then it is parsed, and its tree measured before it is rendered. markdown-it, which
 * flattens what lies deeper, stops at 100 levels too.
 */
final class MarkdownNesting {

  static final int DEEPEST = 100;

  /** Opening brackets in one paragraph: each may open a link or a picture within the last one. */
  static final int MOST_BRACKETS = 1_000;

  /** Emphasis marks ({@code * _ ~}) in one paragraph: each may open an emphasis within the last. */
  static final int MOST_MARKS = 10_000;

  /**
   * Enough for the parser to reach {@link #check} with anything the limits before it let through (a
   * paragraph of {@link #MOST_MARKS} asterisks nests 5,000 deep); the thread ends with the body.
   */
  private static final long STACK_BYTES = 32L << 20;

  private static final String TOO_DEEP =
      "The body nests quotes, lists, emphasis or links within each other more than "
          + DEEPEST
          + " levels deep; no page needs that many.";

  private MarkdownNesting() {}

  /**
   * How many lines the parser may look back over, in all. For each line of a paragraph that it does
   * not read on at once (one beginning with anything but a letter, inside a quote too),
   * commonmark-java (0.30) copies the paragraph's lines so far to see whether a list or a table may
   * start there: a megabyte of {@code #a} lines took it two minutes. What is one paragraph cannot
   * be told for sure without parsing, so the lines since a blank one are taken for one, except that
   * a list item certainly begins a paragraph of its own ({@link #beginsAListItem}). That is under a
   * second's looking back; lists of any length are taken, and some 20,000 lines of other kinds run
   * together (bench/README.md).
   */
  static final long MOST_LINES_LOOKED_BACK = 200_000_000L;

  /**
   * Refuses, before parsing, a line that opens more than {@link #DEEPEST} quotes and list items at
   * its start ({@code >}, {@code -}, {@code +}, {@code *} or a number with {@code .} or {@code )},
   * each followed by a space), and lines run together that would have the parser look back over
   * more than {@link #MOST_LINES_LOOKED_BACK} lines. Every line is looked at, fenced code's too:
   * what a line is in depends on the lines before it (a fence inside an HTML block is no fence),
   * and no code needs such a line.
   */
  static void checkLines(String markdown) {
    long lookedBack = 0;
    int paragraphLines = 0;
    boolean afterListItem = false;
    for (Iterator<String> lines = markdown.lines().iterator(); lines.hasNext(); ) {
      String line = lines.next();
      if (markersAtStart(line) > DEEPEST) {
        throw new NestedTooDeeply(TOO_DEEP);
      }
      if (line.isBlank()) {
        paragraphLines = 0;
        afterListItem = false;
        continue;
      }
      if (!readOnAtOnce(line)) {
        lookedBack += paragraphLines;
        if (lookedBack > MOST_LINES_LOOKED_BACK) {
          throw new NestedTooDeeply(
              "The body runs too many lines together that begin with a mark or an indent, with"
                  + " no blank line between them, for them to be read in reasonable time; blank"
                  + " lines between its paragraphs make it readable.");
        }
      }
      boolean listItem = beginsAListItem(line, paragraphLines == 0, afterListItem);
      paragraphLines = listItem ? 1 : paragraphLines + 1;
      afterListItem = listItem;
    }
  }

  /**
   * A letter after fewer than four spaces, or after a quote's {@code >} marks: a line the parser
   * reads on without trying whether a block starts there.
   */
  private static boolean readOnAtOnce(String line) {
    int at = 0;
    int spaces = 0;
    while (at < line.length()) {
      char c = line.charAt(at);
      if (c == ' ') {
        spaces++;
      } else if (c == '>') {
        spaces = 0;
      } else {
        break;
      }
      at++;
    }
    return spaces < 4 && at < line.length() && Character.isLetter(line.codePointAt(at));
  }

  /**
   * Whether the line, indented less than four spaces, certainly begins a list item, and with it a
   * paragraph of its own: a bullet ({@code -}, {@code +}, {@code *}) with text after it, which
   * interrupts a paragraph; a number ({@code 2.}, {@code 2)}) with text after it only where it
   * cannot go on a paragraph instead: {@code 1}, after a blank line, or unindented right after
   * another list item's line ({@code para⏎2. b} is one paragraph, and so is an item's text with a
   * {@code 2. b} under it indented as its text is).
   */
  private static boolean beginsAListItem(String line, boolean afterBlank, boolean afterListItem) {
    int at = 0;
    while (at < line.length() && line.charAt(at) == ' ') {
      at++;
    }
    if (at >= 4 || at == line.length() || line.charAt(at) == '>') {
      return false;
    }
    int after = afterMarker(line, at);
    if (after == at || line.substring(after).isBlank()) {
      return false;
    }
    char c = line.charAt(at);
    if (c == '-' || c == '+' || c == '*') {
      return true;
    }
    boolean one = Integer.parseInt(line.substring(at, after - 2)) == 1;
    return one || afterBlank || (afterListItem && at == 0);
  }

  /**
   * The renderer's reading of blocks (its extensions: tables, footnotes, task lists), which takes
   * time in step with the body once {@link #checkLines} has let it through, with each piece of text
   * it would read inline (a paragraph, a heading, a table's cell, a list item's or a footnote's
   * paragraph) counted instead of read.
   */
  private static final Parser PIECES =
      bounded(Parser.builder())
          .extensions(PostContentRenderer.EXTENSIONS)
          .inlineParserFactory(context -> MarkdownNesting::count)
          .build();

  /**
   * commonmark-java's own bounds (since 0.30 it reads what lies deeper than 100 open blocks or 100
   * inline levels as text), set just beyond {@link #DEEPEST}: a body nested deeper shows so in its
   * tree, and is refused ({@link #check}) rather than shown flattened without a word. A list item
   * is two open blocks (its list and itself), beside the document's one.
   */
  static Parser.Builder bounded(Parser.Builder parser) {
    return parser.maxOpenBlockParsers(2 * (DEEPEST + 1) + 1).maxInlineNesting(DEEPEST + 1);
  }

  /**
   * Refuses, before the body's text is read inline, a piece of it with more than {@link
   * #MOST_BRACKETS} {@code [} or {@link #MOST_MARKS} emphasis marks: the time the inline reading
   * takes grows with the square of those in one piece. The pieces are the parser's own, so a list
   * of a thousand links is a thousand pieces, and fenced code, HTML and link definitions are none.
   */
  static void checkPieces(String markdown) {
    PIECES.parse(markdown);
  }

  private static void count(SourceLines piece, Node block) {
    int brackets = 0;
    int marks = 0;
    for (SourceLine line : piece.getLines()) {
      CharSequence text = line.getContent();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        brackets += c == '[' ? 1 : 0;
        marks += c == '*' || c == '_' || c == '~' ? 1 : 0;
      }
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
