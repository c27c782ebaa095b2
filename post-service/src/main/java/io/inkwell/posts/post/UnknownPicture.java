package io.inkwell.posts.post;

/**
 * A cover or icon that is not one of the blog's pictures: it must be uploaded to the media library.
 */
public class UnknownPicture extends RuntimeException {

  public UnknownPicture(String image) {
    super(
        "The blog keeps no picture at "
            + (image.length() > 100 ? image.substring(0, 100) + "…" : image)
            + ": upload it in Images, then use the address it gives.");
  }
}
