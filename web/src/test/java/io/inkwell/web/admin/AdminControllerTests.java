package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.TestSettings;
import io.inkwell.web.WebSettings;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.ui.ExtendedModelMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * What happens to an author's text when the short-lived access token runs out while they write: it
 * is kept across signing in again, and the live preview never signs them out.
 */
class AdminControllerTests {

  private final AdminApi api = mock(AdminApi.class);
  private final WebSettings settings = TestSettings.inZone("UTC");
  private final io.inkwell.web.api.BlogApi blogApi = mock(io.inkwell.web.api.BlogApi.class);
  private final io.inkwell.web.reader.Site site = new io.inkwell.web.reader.Site(settings, blogApi);
  private final AdminController controller =
      new AdminController(
          api,
          settings,
          new io.inkwell.web.reader.Dates(site),
          blogApi,
          site,
          new io.inkwell.web.reader.Callouts(io.inkwell.web.reader.ReaderWordsIn.language("en")));
  private final OAuth2AuthorizedClient client =
      TestClients.signedIn(
          "expired-token", Instant.now().minusSeconds(700), Instant.now().minusSeconds(100));

  @Test
  void textSentWithAnExpiredTokenIsBackInTheEditorAfterSigningInAgain() throws Exception {
    var request = new MockHttpServletRequest("POST", "/admin/posts/p1");
    request.setParameter("action", "save");
    request.setParameter("etag", "\"p1-3\"");
    request.setParameter("title", "Long thoughts");
    request.setParameter("body", "An hour of writing.");

    String next = new StaffPages(api).signInAgain(request);

    assertThat(next).isEqualTo("redirect:/admin/posts/p1");
    var session = request.getSession(false);
    assertThat(session).isNotNull();

    var post =
        JsonMapper.builder()
            .build()
            .readTree(
                "{\"id\":\"p1\",\"status\":\"DRAFT\",\"title\":\"Old\",\"bodyMarkdown\":\"old\",\"tags\":[]}");
    when(api.post(anyString(), eq("p1"))).thenReturn(new AdminApi.Answer(200, post, "\"p1-4\""));
    var neverRead =
        JsonMapper.builder()
            .build()
            .readTree("{\"postId\":\"p1\",\"total\":0,\"inPeriod\":0,\"days\":[]}");
    when(api.views(anyString(), eq("p1"), anyInt()))
        .thenReturn(new AdminApi.Answer(200, neverRead, null));
    var model = new ExtendedModelMap();
    controller.edit(client, "p1", null, new StaffMember("a", "Ann", "AUTHOR"), session, model);

    var form = (AdminController.Form) model.get("form");
    assertThat(form.title()).isEqualTo("Long thoughts");
    assertThat(form.body()).isEqualTo("An hour of writing.");
    assertThat(form.etag()).as("saved against what the author read").isEqualTo("\"p1-3\"");
    assertThat((String) model.get("message")).contains("Your text is back");
    assertThat(session.getAttribute(StaffPages.UNSAVED)).as("given back once").isNull();
    assertThat(model.get("views")).as("a draft nobody read has no views to show").isNull();
  }

  @Test
  void aFormSentWithoutAButtonStillKeepsItsTextWhenTheTokenRanOut() throws Exception {
    var request = new MockHttpServletRequest("POST", "/admin/posts");
    request.setParameter("title", "Pressed Enter");

    String next = new StaffPages(api).signInAgain(request);

    assertThat(next).isEqualTo("redirect:/admin/posts/new");
  }

  @Test
  void anExpiredTokenDuringLivePreviewDoesNotSignTheAuthorOut() {
    when(api.preview(anyString(), any())).thenReturn(new AdminApi.Answer(401, null, null));
    var model = new ExtendedModelMap();

    String view =
        controller.livePreview(
            client,
            new AdminController.Form(
                null, "T", "Body", "", "", "", null, null, true, false, "", "", "", "", "", "", "",
                ""),
            model);

    assertThat(view).isEqualTo("admin/editor :: preview");
    assertThat((String) model.get("previewHtml")).contains("sign-in ran out");
  }

  /**
   * A body the API refuses (nested too deeply, too large) says so in the live preview as the author
   * types, escaped, rather than leaving the preview blank.
   */
  @Test
  void theLivePreviewSaysWhyTheApiRefusesTheBody() {
    var problem =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .createObjectNode()
            .put("detail", "The body nests <quotes> more than 100 levels deep.");
    when(api.preview(anyString(), any())).thenReturn(new AdminApi.Answer(422, problem, null));
    var model = new ExtendedModelMap();

    controller.livePreview(
        client,
        new AdminController.Form(
            null,
            "T",
            ">".repeat(101),
            "",
            "",
            "",
            null,
            null,
            true,
            false,
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            ""),
        model);

    assertThat((String) model.get("previewHtml"))
        .isEqualTo(
            "<p role=\"alert\"><em>The body nests &lt;quotes&gt; more than 100 levels"
                + " deep.</em></p>");
  }

  /**
   * A blog just imported has a thousand published posts and no drafts: the admin opens on them, not
   * on an empty list of drafts that looks as if the import had brought nothing. The Drafts tab
   * itself still shows the drafts, none.
   */
  @Test
  void theAdminOpensOnThePublishedPostsWhenThereAreNoDrafts() throws Exception {
    var mapper = JsonMapper.builder().build();
    var none = mapper.readTree("{\"items\":[]}");
    var published =
        mapper.readTree(
            "{\"items\":[{\"id\":\"p1\",\"status\":\"PUBLISHED\",\"title\":\"WPC wrap\"}]}");
    when(api.postsInStatus(anyString(), eq("DRAFT"), any(), any()))
        .thenReturn(new AdminApi.Answer(200, none, null));
    when(api.postsInStatus(anyString(), eq("PUBLISHED"), any(), any()))
        .thenReturn(new AdminApi.Answer(200, published, null));
    when(blogApi.commentCounts(any())).thenReturn(Optional.of(Map.of("p1", 0L)));
    var owner = new StaffMember("o", "Olga", "OWNER");

    var opened = new ExtendedModelMap();
    controller.posts(client, null, null, "", "", false, owner, opened);
    var drafts = new ExtendedModelMap();
    controller.posts(client, "DRAFT", null, "", "", false, owner, drafts);

    assertThat(opened.get("status")).isEqualTo("PUBLISHED");
    assertThat(opened.get("posts").toString()).contains("WPC wrap");
    assertThat(drafts.get("status")).isEqualTo("DRAFT");
    assertThat(drafts.get("posts").toString()).isEqualTo("[]");
  }
}
