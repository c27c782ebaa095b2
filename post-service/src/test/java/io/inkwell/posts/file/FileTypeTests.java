package io.inkwell.posts.file;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.post.MediaPlayers;
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
}
