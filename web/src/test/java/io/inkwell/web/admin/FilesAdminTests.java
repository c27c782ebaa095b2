package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What the Files page says of a file: its size, and how long an episode or a video plays. */
class FilesAdminTests {

  private static final StaffMember EDITOR = new StaffMember("editor-1", "Eda", "EDITOR");

  @Test
  void anEpisodeShowsHowLongItPlaysAsAPlayerWouldAndADocumentNothing() {
    var json = JsonMapper.builder().build();
    var episode =
        FilesAdmin.File.of(
            json.readTree(
                "{\"id\":\"a.mp3\",\"kind\":\"AUDIO\",\"size\":58200000,\"duration\":3725}"),
            EDITOR);
    var brief = FilesAdmin.File.of(json.readTree("{\"kind\":\"AUDIO\",\"duration\":26}"), EDITOR);
    var hour = FilesAdmin.File.of(json.readTree("{\"kind\":\"VIDEO\",\"duration\":3133}"), EDITOR);
    var pdf = FilesAdmin.File.of(json.readTree("{\"kind\":\"DOCUMENT\",\"size\":740}"), EDITOR);

    assertThat(episode.size()).isEqualTo("58.2 MB");
    assertThat(episode.playingTime()).isEqualTo("1:02:05");
    assertThat(brief.playingTime()).isEqualTo("0:26");
    assertThat(hour.playingTime()).isEqualTo("52:13");
    assertThat(pdf.playingTime()).isNull();
  }
}
