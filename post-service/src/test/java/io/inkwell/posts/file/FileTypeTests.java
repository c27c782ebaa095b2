package io.inkwell.posts.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.TestFiles;
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

  /**
   * An MP3 with its frames is an MP3 whatever its sound: the tests' episodes are random bytes
   * between frame headers, and must never be read as AAC by chance.
   */
  @Test
  void anEpisodeWithMp3FramesIsAnMp3WhateverItsBytes() throws IOException {
    for (int i = 0; i < 300; i++) {
      var detected =
          FileType.detect(new ByteArrayInputStream(TestFiles.mp3(10_000)), "episode.mp3");

      assertThat(detected.type()).as(detected.name()).isPresent();
      assertThat(detected.type().get().contentType()).isEqualTo("audio/mpeg");
    }
  }

  /** A reader's computer opens a download by its name's ending, so that says what the file is. */
  @Test
  void aFileNamedAsAnotherKindIsSavedUnderTheEndingOfWhatItIs() {
    FileType wav = type("audio/wav");
    FileType mp3 = type("audio/mpeg");
    FileType pdf = type("application/pdf");

    assertThat(wav.nameFor("Tone vaw.zip")).isEqualTo("Tone vaw.wav");
    assertThat(mp3.nameFor("Episode 12")).isEqualTo("Episode 12.mp3");
    assertThat(pdf.nameFor("Minutes v1.2")).isEqualTo("Minutes v1.pdf");
    assertThat(pdf.nameFor(".pdf")).isEqualTo(".pdf.pdf");
    // what it is already says so, in any case or by another of its endings
    assertThat(mp3.nameFor("Episode 12.MP3")).isEqualTo("Episode 12.MP3");
    assertThat(mp3.nameFor("interview.mpga")).isEqualTo("interview.mpga");
    assertThat(wav.nameFor("bells.WAV")).isEqualTo("bells.WAV");
    assertThat(type("audio/opus").nameFor("talk.ogg")).isEqualTo("talk.ogg");
    // text opens as text whatever it ends with
    assertThat(type("text/plain").nameFor("notes.md")).isEqualTo("notes.md");
  }

  private static FileType type(String contentType) {
    return FileType.taken().stream()
        .filter(type -> type.contentType().equals(contentType))
        .findFirst()
        .orElseThrow();
  }
}
