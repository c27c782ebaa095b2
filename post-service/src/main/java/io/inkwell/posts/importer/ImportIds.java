package io.inkwell.posts.importer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Inkwell ids for things brought over from another platform, derived from the platform's own ids:
 * the same source always becomes the same id, so importing a file twice creates nothing twice.
 */
final class ImportIds {

  private ImportIds() {}

  /**
   * @param platform the prefix that tells where it came from ("blogger")
   * @param sourceId what identifies it there, unique across that platform's exports
   */
  static String of(String platform, String sourceId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(sourceId.getBytes(StandardCharsets.UTF_8));
      return platform + "-" + HexFormat.of().formatHex(hash, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
