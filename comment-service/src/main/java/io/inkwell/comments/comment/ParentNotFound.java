package io.inkwell.comments.comment;

public class ParentNotFound extends RuntimeException {

  public ParentNotFound(String parentId) {
    super("The comment '" + parentId + "' to reply to does not exist on this post.");
  }
}
