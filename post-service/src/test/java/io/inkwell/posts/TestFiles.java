package io.inkwell.posts;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Files for tests, as a recorder would write them. */
public final class TestFiles {

  private TestFiles() {}

  /** A frame's header: MPEG-1 Layer III, 128 kbit/s, 44.1 kHz. */
  private static final byte[] FRAME = {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64};

  /**
   * An MP3's ID3 header and its first frame's, then bytes that differ from one call to the next,
   * with another frame's header where Apache Tika looks for one after an ID3 header (512 to 8192
   * bytes in, where a larger file has room): left to chance, now and then such a file was read as
   * AAC.
   */
  public static byte[] mp3(int size) {
    byte[] bytes = new byte[size];
    new Random().nextBytes(bytes);
    byte[] id3 = "ID3\u0003\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(id3, 0, bytes, 0, id3.length);
    System.arraycopy(FRAME, 0, bytes, id3.length, FRAME.length);
    if (size >= 1024 + FRAME.length) {
      System.arraycopy(FRAME, 0, bytes, 1024, FRAME.length);
    }
    return bytes;
  }

  /**
   * An MP3 that plays for {@code frames} frames of 1152 samples at 44.1 kHz (26.1 s for a
   * thousand), as a constant-bitrate encoder writes them: each frame's header, then 413 bytes that
   * differ from one call to the next.
   */
  public static byte[] mp3Playing(int frames) {
    int frameLength = 417; // 144 × 128,000 / 44,100, without padding
    byte[] bytes = new byte[10 + frames * frameLength];
    new Random().nextBytes(bytes);
    byte[] id3 = "ID3\u0003\0\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
    System.arraycopy(id3, 0, bytes, 0, id3.length);
    for (int frame = 0; frame < frames; frame++) {
      System.arraycopy(FRAME, 0, bytes, 10 + frame * frameLength, FRAME.length);
    }
    return bytes;
  }

  /**
   * The header of an M4A (its type, then the movie's header with its clock and length), as much as
   * a reader of how long it plays needs: {@code duration} ticks of {@code timescale} a second.
   */
  public static byte[] m4a(int timescale, int duration) {
    var bytes = ByteBuffer.allocate(20 + 8 + 108);
    bytes.putInt(20).put(ascii("ftyp")).put(ascii("M4A ")).putInt(0).put(ascii("M4A "));
    bytes.putInt(8 + 108).put(ascii("moov"));
    bytes.putInt(108).put(ascii("mvhd")).putInt(0).putInt(0).putInt(0);
    bytes.putInt(timescale).putInt(duration);
    bytes.putInt(0x00010000).putShort((short) 0x0100).put(new byte[10]);
    for (int value : new int[] {0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000}) {
      bytes.putInt(value);
    }
    bytes.put(new byte[24]).putInt(2);
    return bytes.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
