package io.inkwell.posts.post;

import org.springframework.stereotype.Component;

/** Reads which picture an author chose to head a post with, and what it shows. */
@Component
class Covers {

  private final PictureSizes pictures;
  private final PostSettings settings;

  Covers(PictureSizes pictures, PostSettings settings) {
    this.pictures = pictures;
    this.settings = settings;
  }

  /**
   * The cover after a write that asks for {@code image} and {@code alt}: a null image keeps the
   * current picture (a client that knows nothing of covers takes none away), an empty one takes it
   * away; a null alt keeps the current text.
   *
   * @param image the picture's address as the media library gives it ({@code /api/images/{id}}, on
   *     the site or not, a narrower copy's address too) or its id
   * @throws UnknownPicture when the blog keeps no such picture
   */
  Cover chosen(String image, String alt, Cover current) {
    String text =
        alt == null ? null : alt.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    if (image == null) {
      return current == null || text == null ? current : current.describedAs(text);
    }
    String id = PictureSizes.idIn(image, settings.siteUrl());
    if (id.isEmpty()) {
      return null;
    }
    String path = PictureSizes.PATH + id;
    var size = pictures.of(path).orElseThrow(() -> new UnknownPicture(image));
    String kept =
        text != null ? text : current != null && current.image().equals(id) ? current.alt() : "";
    return new Cover(id, kept, size.width(), size.height(), size.srcset(), size.sizes());
  }
}
