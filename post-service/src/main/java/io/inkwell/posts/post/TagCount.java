package io.inkwell.posts.post;

/**
 * A tag, how many published posts carry it, and what the blog says about it (null when nothing: the
 * tag page of the reader site shows it, as Ghost's and WordPress's do).
 */
public record TagCount(String tag, long count, String description) {

  TagCount describedAs(String text) {
    return new TagCount(tag, count, text);
  }
}
