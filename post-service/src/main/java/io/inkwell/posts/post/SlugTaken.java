package io.inkwell.posts.post;

public class SlugTaken extends RuntimeException {

  public SlugTaken(String slug) {
    super("The slug '" + slug + "' is already used by another post; choose another one.");
  }
}
