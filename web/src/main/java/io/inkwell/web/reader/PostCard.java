package io.inkwell.web.reader;

import io.inkwell.web.api.Post;

/** A post in a list, with its comment count as readers see it. */
public record PostCard(Post post, long comments) {

  /** "No comments", "1 comment", "12 comments", as Blogger says it. */
  public String commentsLabel() {
    if (comments == 0) {
      return "No comments";
    }
    return comments == 1 ? "1 comment" : comments + " comments";
  }
}
