package io.inkwell.posts.post;

public class ContentTooLarge extends RuntimeException {

  public ContentTooLarge(long limit) {
    super("The body is larger than " + limit + " bytes.");
  }
}
