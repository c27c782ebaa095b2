package io.inkwell.posts.post;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a reader's search words stand in a post, with the words around them, as a search engine
 * shows a result: a card of the results says why the post was found, where its excerpt (the first
 * words) may not have them. The words are the post's own, as it writes them ("Crème brûlée" for
 * {@code creme brulee}); the text is plain, for the page to mark the words in.
 *
 * @param before the words before them, from the start of a word ("…" where it starts later)
 * @param words the words found
 * @param after the words after them, to the end of a word ("…" where more follows)
 */
public record SearchMatch(String before, String words, String after) {

  /** About a line of words before, as Google's snippets: the words found read early. */
  static final int BEFORE = 60;

  /** About as much as an excerpt in all. */
  static final int AFTER = 180;

  /** How much of a post's text is looked at first: its first paragraphs. */
  static final int FIRST_LOOK = 1_000;

  /**
   * Where the words first stand in the post's text (its body, footnotes too), if they stand there:
   * not when only its title, excerpt or tags have them, which its card shows anyway.
   */
  public static Optional<SearchMatch> in(Post post, String words) {
    if (words == null || post.bodyHtml() == null) {
      return Optional.empty();
    }
    return SearchText.pattern(words)
        .flatMap(pattern -> in(PostContentRenderer.text(post.bodyHtml()), pattern));
  }

  /**
   * Where the words stand in the post's title, the whole title before and after them, if they stand
   * there: a search engine marks them in a result's title too.
   */
  public static Optional<SearchMatch> inTitle(Post post, String words) {
    if (words == null || post.title() == null) {
      return Optional.empty();
    }
    return SearchText.pattern(words).flatMap(pattern -> inWhole(post.title(), pattern));
  }

  /** Where the words first stand in a short text (a title), with all of it around them. */
  static Optional<SearchMatch> inWhole(String text, Pattern pattern) {
    String source = SearchText.composed(text);
    var folded = SearchText.folding(source, source.length());
    var found = pattern.matcher(folded.text());
    if (!found.find()) {
      return Optional.empty();
    }
    int start = folded.sourceStart(found.start());
    int end = folded.sourceEnd(found.end());
    return Optional.of(
        new SearchMatch(
            source.substring(0, start), source.substring(start, end), source.substring(end)));
  }

  static Optional<SearchMatch> in(String text, Pattern pattern) {
    String source = SearchText.composed(text);
    // words are mostly found early: the start of a long post is folded first, then more of it
    for (int end = upTo(source, FIRST_LOOK); ; end = upTo(source, 4L * end)) {
      var folded = SearchText.folding(source, end);
      var found = pattern.matcher(folded.text());
      if (found.find()) {
        return Optional.of(
            around(source, folded.sourceStart(found.start()), folded.sourceEnd(found.end())));
      }
      if (end == source.length()) {
        return Optional.empty();
      }
    }
  }

  /** So far into the text, or to its end, not between the two halves of a character. */
  private static int upTo(String source, long end) {
    int at = (int) Math.min(source.length(), end);
    return at < source.length() && Character.isLowSurrogate(source.charAt(at)) ? at + 1 : at;
  }

  private static SearchMatch around(String source, int start, int end) {
    int from = start <= BEFORE ? 0 : wordStartFrom(source, start - BEFORE, start);
    int to = source.length() - end <= AFTER ? source.length() : wordEndBy(source, end + AFTER, end);
    return new SearchMatch(
        (from > 0 ? "…" : "") + source.substring(from, start),
        source.substring(start, end),
        source.substring(end, to).stripTrailing() + (to < source.length() ? "…" : ""));
  }

  /**
   * Where the first word that starts at or after {@code at} starts; {@code at} itself in words
   * written without spaces (Chinese, Japanese), not in the middle of a character.
   */
  private static int wordStartFrom(String text, int at, int limit) {
    for (int i = at; i < limit; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return Character.isLowSurrogate(text.charAt(at)) ? at + 1 : at;
  }

  /** Where the last word that ends by {@code by} ends; as above for words without spaces. */
  private static int wordEndBy(String text, int by, int limit) {
    for (int i = by; i > limit; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return Character.isLowSurrogate(text.charAt(by)) ? by + 1 : by;
  }
}
