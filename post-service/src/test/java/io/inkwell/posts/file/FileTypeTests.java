package io.inkwell.posts.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.post.MediaPlayers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** What the blog takes and what its posts play agree. */
class FileTypeTests {

  @Test
  void everyAudioAndVideoFileTheBlogTakesIsPlayedWhereAPostLinksIt() {
    for (FileType type : FileType.taken()) {
      String address = BlogFile.PATH + "0123456789abcdef0123456789abcdef." + type.extension();
      assertThat(MediaPlayers.PLAYED.matcher(address).matches())
          .as(type.contentType())
          .isEqualTo(type.kind() != FileType.Kind.DOCUMENT);
    }
  }

  /** A raw AAC episode (ADTS frames, what Tika calls audio/x-aac) is taken as the AAC it is. */
  @Test
  void anAacEpisodeIsTakenAndSentAsBrowsersKnowIt() throws IOException {
    byte[] adts = new byte[2_048];
    // a frame header: sync word, MPEG-4, no CRC; AAC LC at 44.1 kHz, stereo
    byte[] header = {(byte) 0xFF, (byte) 0xF1, 0x50, (byte) 0x80, 0x01, (byte) 0x7F, (byte) 0xFC};
    for (int at = 0; at + header.length <= adts.length; at += 11) {
      System.arraycopy(header, 0, adts, at, header.length);
    }

    var detected = FileType.detect(new ByteArrayInputStream(adts), "episode.aac");

    assertThat(detected.type()).as(detected.name()).isPresent();
    assertThat(detected.type().get().contentType()).isEqualTo("audio/aac");
    assertThat(detected.type().get().extension()).isEqualTo("aac");
    assertThat(detected.type().get().kind()).isEqualTo(FileType.Kind.AUDIO);
  }
}
