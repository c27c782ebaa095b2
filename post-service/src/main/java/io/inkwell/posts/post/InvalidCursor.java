package io.inkwell.posts.post;

public class InvalidCursor extends RuntimeException {

  public InvalidCursor() {
    super("The cursor is not one this API handed out; start again without a cursor.");
  }
}
