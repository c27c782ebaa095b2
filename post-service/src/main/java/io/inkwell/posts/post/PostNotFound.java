package io.inkwell.posts.post;

public class PostNotFound extends RuntimeException {

  public PostNotFound(String idOrSlug) {
    super("No post '" + idOrSlug + "' exists.");
  }
}
