package io.inkwell.posts.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.TestFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** How long an episode plays, as podcast apps are told it, read from the file's own bytes. */
class PlayingTimesTests {

  private static final FileType MP3 = new FileType("audio/mpeg", "mp3", FileType.Kind.AUDIO);
  private static final FileType M4A = new FileType("audio/mp4", "m4a", FileType.Kind.AUDIO);
  private static final FileType WAV = new FileType("audio/wav", "wav", FileType.Kind.AUDIO);

  @Test
  void anMp3PlaysAsLongAsItsFramesLast() {
    // 6,000 frames of 1152 samples at 44.1 kHz: 156.7 s
    assertThat(PlayingTimes.secondsOf(MP3, new ByteArrayResource(TestFiles.mp3Playing(6_000))))
        .hasValue(157L);
  }

  @Test
  void anM4aPlaysAsLongAsItsHeaderSays() {
    // an hour, two minutes and 3.5 seconds, counted in thousandths
    assertThat(PlayingTimes.secondsOf(M4A, new ByteArrayResource(m4a(1_000, 3_723_500))))
        .hasValue(3_724L);
  }

  @Test
  void aFileThatSaysNothingOrNonsenseHasNoDurationAndIsNoError() {
    byte[] notAnMp4 = "....ftypM4A rest of nothing".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(PlayingTimes.secondsOf(M4A, new ByteArrayResource(notAnMp4))).isEmpty();
    assertThat(PlayingTimes.secondsOf(M4A, new ByteArrayResource(m4a(0, 1_000)))).isEmpty();
    assertThat(PlayingTimes.secondsOf(WAV, new ByteArrayResource(new byte[4_096]))).isEmpty();
  }

  /** The header of an M4A: its type, then the movie's header with its clock and length. */
  private static byte[] m4a(int timescale, int duration) {
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
