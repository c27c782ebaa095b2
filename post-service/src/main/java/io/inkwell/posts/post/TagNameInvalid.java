package io.inkwell.posts.post;

/** A new name for a tag that is no tag: nothing visible, or longer than a tag may be. */
public class TagNameInvalid extends RuntimeException {

  public TagNameInvalid() {
    super(
        "A tag's name is 1 to "
            + Post.LONGEST_TAG
            + " characters, not only spaces or invisible ones.");
  }
}
