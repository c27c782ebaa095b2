package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.api.BlogApi;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import tools.jackson.databind.json.JsonMapper;

class ImportAdminTests {

  private final AdminApi api = mock(AdminApi.class);
  private final ImportAdmin page = new ImportAdmin(api, mock(BlogApi.class));
  private final MockMultipartFile export =
      new MockMultipartFile("export", "blog.xml", "application/atom+xml", "<feed/>".getBytes());

  @Test
  void anImportTheGatewayStoppedWaitingForIsSaidToGoOnNotToHaveFailed() {
    answerTheImportWith(
        504,
        "{\"status\":504,\"detail\":\"The service behind this path did not answer in time; try"
            + " again shortly.\"}");
    var flash = new RedirectAttributesModelMap();

    String next = importTheExport(flash);

    assertThat(next).isEqualTo("redirect:/admin/import");
    assertThat(flash.getFlashAttributes()).doesNotContainKey("error");
    assertThat((String) flash.getFlashAttributes().get("message"))
        .contains("goes on")
        .contains("importing the same file again adds nothing twice")
        .doesNotContain("try again shortly");
  }

  /**
   * An import the API answered before its end (202, the owner's wait over) says how far it is and
   * that the rest follows, not that something was imported and nothing more comes.
   */
  @Test
  void anImportAnsweredBeforeItsEndSaysHowFarItIsAndThatTheRestFollows() {
    answerTheImportWith(
        202,
        "{\"posts\":1180,\"alreadyThere\":20,\"comments\":3540,\"picturesToCopy\":0,"
            + "\"total\":3977,\"finished\":false}");
    var flash = new RedirectAttributesModelMap();

    String next = importTheExport(flash);

    assertThat(next).isEqualTo("redirect:/admin/import");
    assertThat(flash.getFlashAttributes()).doesNotContainKey("error");
    assertThat((String) flash.getFlashAttributes().get("message"))
        .contains("3977 posts are being stored, 1200 so far")
        .contains("importing the same file again adds nothing twice")
        .doesNotContain("Imported");
  }

  @Test
  void anImportThatCouldNotStartSaysWhy() {
    answerTheImportWith(
        503, "{\"status\":503,\"detail\":\"post-service is unavailable; try again shortly.\"}");
    var flash = new RedirectAttributesModelMap();

    importTheExport(flash);

    assertThat(flash.getFlashAttributes().get("error"))
        .isEqualTo("post-service is unavailable; try again shortly.");
    assertThat(flash.getFlashAttributes()).doesNotContainKey("message");
  }

  private void answerTheImportWith(int status, String problem) {
    when(api.importExport(anyString(), any(), any(), anyBoolean(), anyString(), anyString()))
        .thenReturn(
            new AdminApi.Answer(status, JsonMapper.builder().build().readTree(problem), null));
  }

  private String importTheExport(RedirectAttributesModelMap flash) {
    return page.importExport(
        TestClients.signedIn(
            "token", Instant.now().minusSeconds(10), Instant.now().plusSeconds(290)),
        export,
        "blogger",
        false,
        "",
        "",
        flash);
  }
}
