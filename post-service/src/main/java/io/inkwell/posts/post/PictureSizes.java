package io.inkwell.posts.post;

import java.util.Optional;

/**
 * The width and height of a picture the blog keeps, by its address: the renderer writes them on the
 * {@code <img>}, so a page does not jump while its pictures load.
 */
public interface PictureSizes {

  record Size(int width, int height) {}

  Optional<Size> of(String path);

  /** For a renderer that knows no pictures (tests of the Markdown alone). */
  PictureSizes NONE = path -> Optional.empty();
}
