package io.inkwell.posts.post;

import java.time.Instant;

/**
 * Filters of the published-post list; {@code null} means no filter.
 *
 * @param from published at or after this instant
 * @param before published before this instant (with {@code from}: a month of the archive)
 * @param featured only featured posts when true, only the others when false
 * @param review only drafts submitted for review when true, only the others when false
 */
public record PostQuery(
    String tag,
    String author,
    String text,
    Instant from,
    Instant before,
    Boolean featured,
    Boolean review) {

  public static final PostQuery ALL = new PostQuery(null, null, null, null, null, null, null);

  public static PostQuery tagged(String tag) {
    return new PostQuery(tag, null, null, null, null, null, null);
  }

  public static PostQuery by(String author) {
    return new PostQuery(null, author, null, null, null, null, null);
  }
}
