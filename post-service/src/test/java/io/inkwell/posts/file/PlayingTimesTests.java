package io.inkwell.posts.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.TestFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;

/** How long an episode plays, as podcast apps are told it, read from the file's own bytes. */
class PlayingTimesTests {

  private static final String MP3 = "audio/mpeg";
  private static final String M4A = "audio/mp4";
  private static final String WAV = "audio/wav";

  @Test
  void anMp3PlaysAsLongAsItsFramesLast() {
    // 6,000 frames of 1152 samples at 44.1 kHz: 156.7 s
    assertThat(PlayingTimes.secondsOf(MP3, new ByteArrayResource(TestFiles.mp3Playing(6_000))))
        .hasValue(157L);
  }

  @Test
  void anM4aPlaysAsLongAsItsHeaderSays() {
    // an hour, two minutes and 3.5 seconds, counted in thousandths
    assertThat(PlayingTimes.secondsOf(M4A, new ByteArrayResource(TestFiles.m4a(1_000, 3_723_500))))
        .hasValue(3_724L);
  }

  @Test
  void aFileThatSaysNothingOrNonsenseHasNoDurationAndIsNoError() {
    byte[] notAnMp4 = "....ftypM4A rest of nothing".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(PlayingTimes.secondsOf(M4A, new ByteArrayResource(notAnMp4))).isEmpty();
    assertThat(PlayingTimes.secondsOf(M4A, new ByteArrayResource(TestFiles.m4a(0, 1_000))))
        .isEmpty();
    assertThat(PlayingTimes.secondsOf(WAV, new ByteArrayResource(new byte[4_096]))).isEmpty();
  }
}
