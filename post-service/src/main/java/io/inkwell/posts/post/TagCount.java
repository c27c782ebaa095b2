package io.inkwell.posts.post;

import java.util.regex.Pattern;

/**
 * A tag, its name, its address, how many published posts carry it, and what the blog says about it
 * (null when nothing: the tag page of the reader site shows it, as Ghost's and WordPress's do).
 *
 * @param tag the tag, lower case: what posts, filters and subscribers' choices carry
 * @param name the tag as readers are shown it ("WPC" for "wpc"), the tag itself where it has no
 *     name of its own
 * @param slug the tag as it stands in paths ({@code /tags/{slug}}, {@code /api/tags/{slug}}): the
 *     tag itself, except that characters no path segment may carry encoded become "-"
 * @param unpublished how many drafts and scheduled posts carry it, where an editor asked (null, and
 *     left out of the JSON, for everyone else)
 */
public record TagCount(
    String tag, String name, String slug, long count, String description, Long unpublished) {

  /**
   * What no firewall lets through encoded in a path segment ({@code %2F}, {@code %5C}, {@code %25},
   * {@code %3B}, control characters), in runs.
   */
  private static final Pattern UNSAFE_IN_PATHS = Pattern.compile("[/\\\\%;\\p{Cntrl}]+");

  TagCount(String tag, String name, long count, String description) {
    this(tag, name == null ? tag : name, slugOf(tag), count, description, null);
  }

  /** With how many drafts and scheduled posts carry the tag as well (staff pages). */
  TagCount withUnpublished(long drafts) {
    return new TagCount(tag, name, slug, count, description, drafts);
  }

  /**
   * "c/c++" is at "c-c++", "50%" at "50-"; "." and ".." (segments that mean "here" and "up") at "-"
   * and "--"; every other tag at itself.
   */
  public static String slugOf(String tag) {
    String slug = UNSAFE_IN_PATHS.matcher(tag).replaceAll("-");
    return slug.equals(".") || slug.equals("..") ? slug.replace('.', '-') : slug;
  }
}
