package io.inkwell.posts.post;

/**
 * The picture at the head of a post (Ghost's feature image, WordPress's featured image): one of the
 * blog's own pictures, with what it shows for readers who cannot see it. Its size and narrower
 * copies are kept as they were when it was chosen, as the rendered body keeps them: a picture never
 * changes at its address.
 *
 * @param image the picture's id in the media library
 * @param alt what the picture shows, in plain text; empty when it is decoration only
 * @param srcset the copies a browser may load instead, or null when there are none
 * @param sizes how wide the reader site shows it, with a srcset
 */
public record Cover(String image, String alt, int width, int height, String srcset, String sizes) {

  /** Where the picture is. */
  public String url() {
    return PictureSizes.PATH + image;
  }

  Cover describedAs(String text) {
    return new Cover(image, text, width, height, srcset, sizes);
  }
}
