package io.inkwell.posts.post;

/** The caller is signed in but their role does not allow this on this post (403). */
public class NotAllowed extends RuntimeException {

  public NotAllowed(String message) {
    super(message);
  }
}
