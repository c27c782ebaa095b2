package io.inkwell.posts.post;

/** Filters of the published-post list; {@code null} means no filter. */
public record PostQuery(String tag, String author, String text) {

  public static final PostQuery ALL = new PostQuery(null, null, null);
}
