package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.api.BlogApi;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.ui.ExtendedModelMap;
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
        .contains("the latest imports below say when every one is stored")
        .doesNotContain("Imported");
  }

  /** The page lists the latest imports, so that an owner who left one storing sees how it ended. */
  @Test
  void thePageSaysHowFarEachOfTheLatestImportsIs() {
    when(api.imports(anyString()))
        .thenReturn(
            answer(
                200,
                """
                [{"id":"c","from":"ghost","importedBy":"Ada","startedAt":"2026-12-05T10:20:00Z",
                  "state":"STORING","total":3977,"posts":1180,"alreadyThere":20,"comments":0},
                 {"id":"b","from":"wordpress","importedBy":"Ada","startedAt":"2026-12-05T10:10:00Z",
                  "state":"STOPPED","total":500,"posts":120,"alreadyThere":0,"comments":4,
                  "problem":"post-service stopped after 120 of 500 posts were stored."},
                 {"id":"a","from":"blogger","importedBy":"Ada","startedAt":"2026-12-05T10:00:00Z",
                  "state":"DONE","total":301,"posts":300,"alreadyThere":1,"comments":40}]
                """));
    when(api.importedPictures(anyString()))
        .thenReturn(answer(200, "{\"waiting\":0,\"copied\":0,\"failed\":0,\"failures\":[]}"));
    var model = new ExtendedModelMap();

    page.page(signedIn(), model);

    @SuppressWarnings("unchecked")
    var lines = (List<ImportAdmin.ImportLine>) model.getAttribute("imports");
    assertThat(lines)
        .extracting(ImportAdmin.ImportLine::from, ImportAdmin.ImportLine::status)
        .containsExactly(
            tuple("Ghost", "Storing: 1200 of 3977 posts so far"),
            tuple("WordPress", "Stopped: post-service stopped after 120 of 500 posts were stored."),
            tuple("Blogger", "Done: 300 new posts and 40 comments; 1 was here already"));
    assertThat(model.getAttribute("stillStoring")).isEqualTo(true);
    assertThat(model.getAttribute("pictures")).isNull();
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
        .thenReturn(answer(status, problem));
  }

  private static AdminApi.Answer answer(int status, String json) {
    return new AdminApi.Answer(status, JsonMapper.builder().build().readTree(json), null);
  }

  private static OAuth2AuthorizedClient signedIn() {
    return TestClients.signedIn(
        "token", Instant.now().minusSeconds(10), Instant.now().plusSeconds(290));
  }

  private String importTheExport(RedirectAttributesModelMap flash) {
    return page.importExport(signedIn(), export, "blogger", false, "", "", flash);
  }
}
