package io.inkwell.comments.comment;

import java.time.Duration;

/** Why a comment was not taken; each maps to one problem type. */
public final class CommentProblems {

  private CommentProblems() {}

  public static class PostNotFound extends RuntimeException {
    public PostNotFound(String postId) {
      super("No published post '" + postId + "' exists.");
    }
  }

  public static class CommentsClosed extends RuntimeException {
    public CommentsClosed() {
      super("Comments are closed on this post.");
    }
  }

  public static class CommentNotFound extends RuntimeException {
    public CommentNotFound(String id) {
      super("No comment '" + id + "' exists.");
    }
  }

  public static class ParentNotFound extends RuntimeException {
    public ParentNotFound(String parentId) {
      super("The comment '" + parentId + "' to reply to does not exist on this post.");
    }
  }

  public static class DuplicateComment extends RuntimeException {
    public DuplicateComment() {
      super("You already said that on this post.");
    }
  }

  public static class TooManyComments extends RuntimeException {
    private final Duration retryAfter;

    public TooManyComments(Duration retryAfter) {
      super("You are commenting too fast; try again later.");
      this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
      return retryAfter;
    }
  }

  public static class NestedTooDeeply extends RuntimeException {
    public NestedTooDeeply(int deepest) {
      super(
          "The comment nests emphasis or links within each other more than "
              + deepest
              + " levels deep.");
    }
  }
}
