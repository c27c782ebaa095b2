package io.inkwell.posts.importer;

import io.inkwell.posts.image.ImageProblem;
import io.inkwell.posts.image.Images;
import io.inkwell.posts.post.Actor;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Pictures an old post carries inside its HTML, as {@code data:} addresses (a picture pasted into
 * Blogger's or WordPress's editor), become the blog's own pictures: the sanitiser lets no {@code
 * data:} address through, so readers would see nothing where the picture was, and the post's body
 * would be its bytes in base64, too long for the editor to save again. A {@code data:} address that
 * holds no picture Images takes is left as it was (and the sanitiser drops it, as before).
 */
@Component
class InlinePictures {

  /**
   * An {@code img}'s {@code src} that is a base64 {@code data:} picture, quoted either way. The
   * tag's other attributes are looked through up to the next {@code <} as well as {@code >}: an
   * {@code <img} that nothing closes would otherwise be read to the end of the post from every
   * {@code <img} before it (20,000 of them, 260 KB, took 24 s).
   */
  private static final Pattern INLINE =
      Pattern.compile(
          "(<img\\b[^<>]*?\\bsrc\\s*=\\s*)([\"'])data:image/(png|jpe?g|gif|webp);base64,([A-Za-z0-9+/=\\s]+)\\2",
          Pattern.CASE_INSENSITIVE);

  private final Images images;

  InlinePictures(Images images) {
    this.images = images;
  }

  /** The HTML with each inline picture stored and named by its address among the blog's. */
  String stored(String html, Actor importer) {
    if (html == null || !hasInline(html)) {
      return html;
    }
    Matcher inline = INLINE.matcher(BoundedText.of(html));
    var result = new StringBuilder(html.length());
    while (inline.find()) {
      String url = storedUrl(inline.group(3), inline.group(4), importer);
      String replacement =
          url == null ? inline.group() : inline.group(1) + inline.group(2) + url + inline.group(2);
      inline.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    inline.appendTail(result);
    return result.toString();
  }

  private static boolean hasInline(String html) {
    return html.toLowerCase(Locale.ROOT).contains("data:image/");
  }

  /** Where the blog shows the picture, or null when these bytes are no picture it takes. */
  private String storedUrl(String format, String base64, Actor importer) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
    String extension = format.toLowerCase(Locale.ROOT).replace("jpeg", "jpg");
    try {
      return images.store(bytes, "imported." + extension, importer).image().path();
    } catch (ImageProblem notAPictureImagesTakes) {
      return null;
    }
  }
}
