package io.inkwell.posts.post;

import java.util.Optional;

/**
 * What the renderer writes on the {@code <img>} of a picture the blog keeps, by its address: its
 * width and height, so a page does not jump while its pictures load, and the narrower copies a
 * browser may load instead of the whole picture.
 */
public interface PictureSizes {

  /** Where the blog's own pictures are, followed by their id. */
  String PATH = "/api/images/";

  /**
   * @param srcset the copies and the picture itself with their widths ({@code srcset}), or null
   *     when the picture has no copies
   * @param sizes how wide the reader site shows the picture ({@code sizes}), with a srcset
   */
  record Size(int width, int height, String srcset, String sizes) {

    public Size(int width, int height) {
      this(width, height, null, null);
    }
  }

  Optional<Size> of(String path);

  /**
   * The id of one of the blog's pictures in an address as the media library gives it ({@code
   * /api/images/{id}}, on the site or not, a narrower copy's address too), in its Markdown as the
   * library gives that ({@code ![fog](/api/images/{id})}, pasted whole) or in the id itself; empty
   * for an empty address.
   */
  static String idIn(String address, String siteUrl) {
    String id = address.strip();
    var markdown = MARKDOWN.matcher(id);
    if (markdown.matches()) {
      id = markdown.group(1).strip();
    }
    if (id.startsWith(siteUrl + "/")) {
      id = id.substring(siteUrl.length());
    }
    if (id.startsWith(PATH)) {
      id = id.substring(PATH.length());
    }
    int query = id.indexOf('?');
    return query < 0 ? id : id.substring(0, query);
  }

  /** A Markdown picture, alone: {@code ![what it shows](address)}. */
  java.util.regex.Pattern MARKDOWN =
      java.util.regex.Pattern.compile("!\\[[^\\]]*]\\(([^)\\s]+)\\)");

  /** For a renderer that knows no pictures (tests of the Markdown alone). */
  PictureSizes NONE = path -> Optional.empty();
}
