package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an editor reads after renaming or deleting a tag: done, or, for a tag on so many posts that
 * post-service goes on in the background (202), that it is under way, not that it is done.
 */
class TagsAdminTests {

  private final AdminApi api = mock(AdminApi.class);
  private final TagsAdmin tags = new TagsAdmin(api);
  private final org.springframework.security.oauth2.client.OAuth2AuthorizedClient client =
      TestClients.signedIn("token", Instant.now(), Instant.now().plusSeconds(600));

  @Test
  void aRenameIsReportedDoneOrUnderWayAsTheApiSays() {
    var renamed = JsonMapper.builder().build().readTree("{\"tag\":\"travel\",\"count\":3}");
    when(api.renameTag(anyString(), eq("trips"), eq("Travel")))
        .thenReturn(new AdminApi.Answer(200, renamed, null))
        .thenReturn(new AdminApi.Answer(202, renamed, null));

    var done = new RedirectAttributesModelMap();
    tags.rename(client, "trips", "trips", "Travel", done);
    var underWay = new RedirectAttributesModelMap();
    tags.rename(client, "trips", "trips", "Travel", underWay);

    assertThat(done.getFlashAttributes().get("message"))
        .isEqualTo("“trips” is “travel” now, on every post that had it.");
    assertThat((String) underWay.getFlashAttributes().get("message"))
        .startsWith("“trips” is becoming “travel”")
        .contains("in the background");
  }

  @Test
  void aDeletionIsReportedDoneOrUnderWayAsTheApiSays() {
    when(api.deleteTag(anyString(), eq("old")))
        .thenReturn(new AdminApi.Answer(204, null, null))
        .thenReturn(new AdminApi.Answer(202, null, null));

    var done = new RedirectAttributesModelMap();
    tags.delete(client, "old", "old", done);
    var underWay = new RedirectAttributesModelMap();
    tags.delete(client, "old", "old", underWay);

    assertThat(done.getFlashAttributes().get("message"))
        .isEqualTo("Deleted the tag “old”; its posts stay.");
    assertThat((String) underWay.getFlashAttributes().get("message"))
        .contains("is being taken off its many posts")
        .contains("the posts stay");
  }
}
