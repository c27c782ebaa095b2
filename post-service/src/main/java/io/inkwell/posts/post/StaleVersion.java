package io.inkwell.posts.post;

/** An update based on a version of the post that is no longer the current one. */
public class StaleVersion extends RuntimeException {

  public StaleVersion() {
    super("The post was changed since you read it; read it again and reapply your change.");
  }
}
