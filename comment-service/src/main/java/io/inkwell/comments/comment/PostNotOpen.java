package io.inkwell.comments.comment;

public class PostNotOpen extends RuntimeException {

  public PostNotOpen(String postId) {
    super("No published post '" + postId + "' exists.");
  }
}
