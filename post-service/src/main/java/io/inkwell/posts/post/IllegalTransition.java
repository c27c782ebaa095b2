package io.inkwell.posts.post;

/** A lifecycle move the post's state does not allow, such as scheduling a published post. */
public class IllegalTransition extends RuntimeException {

  public IllegalTransition(String message) {
    super(message);
  }
}
