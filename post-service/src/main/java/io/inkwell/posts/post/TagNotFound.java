package io.inkwell.posts.post;

/** A tag no published post carries and nobody described. */
public class TagNotFound extends RuntimeException {

  public TagNotFound(String tag) {
    super("No published post is tagged '" + tag + "'.");
  }
}
