package io.inkwell.posts.image;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A picture scaled down to one of the widths readers' browsers choose from. Made the first time a
 * browser asks for it and kept: the picture it was made from never changes.
 *
 * @param id the picture's id and the width, {@code 3f…9a.jpg@w600}
 * @param content the scaled bytes; none when the copy came out no smaller than the picture itself,
 *     which is then sent instead
 */
@Document("image-copies")
record ImageCopy(
    @Id String id, String imageId, int width, int height, String contentType, byte[] content) {

  static String id(String imageId, int width) {
    return imageId + "@w" + width;
  }

  boolean smallerThanThePicture() {
    return content != null;
  }
}
