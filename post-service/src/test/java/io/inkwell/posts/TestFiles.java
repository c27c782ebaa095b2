package io.inkwell.posts;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Files for tests, as a recorder would write them. */
public final class TestFiles {

  private TestFiles() {}

  /**
   * An MP3's ID3 header and the sync word of its first frame, then bytes that differ from one call
   * to the next (left to chance, the two after the header were now and then an AAC frame's).
   */
  public static byte[] mp3(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    byte[] header = "ID3\u0003\0\0\0\0\0\0\u00FF\u00FB".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }
}
