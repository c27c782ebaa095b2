package io.inkwell.posts.image;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An uploaded picture. Its id is derived from its bytes, so the same picture uploaded twice is one
 * image and its address never changes what it shows (readers may cache it for good).
 *
 * @param content the bytes; left out of lists
 */
@Document("images")
public record Image(
    @Id String id,
    String contentType,
    long size,
    int width,
    int height,
    String filename,
    Uploader uploadedBy,
    Instant uploadedAt,
    byte[] content) {

  /** The staff member (or integration) who uploaded it. */
  public record Uploader(String id, String name) {}

  /** Where readers fetch it, relative to the blog's address. */
  public String path() {
    return "/api/images/" + id;
  }

  /** What an author pastes into a post: the file's name (without extension) as the alt text. */
  public String markdown() {
    String alt = filename.replaceFirst("\\.[A-Za-z0-9]{1,5}$", "").replaceAll("[\\[\\]\\\\]", "");
    return "![" + alt + "](" + path() + ")";
  }
}
