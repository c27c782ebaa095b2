package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** Where a moderator lands after a bulk action: the list they were looking at. */
class CommentsAdminTests {

  private final AdminApi api = mock(AdminApi.class);
  private final CommentsAdmin comments = new CommentsAdmin(api);
  private final OAuth2AuthorizedClient client =
      TestClients.signedIn("token", Instant.now(), Instant.now().plusSeconds(300));

  @Test
  void aBulkActionLeadsBackToTheSearchTheModeratorMade() {
    when(api.moderate(anyString(), eq("c1"), eq("spam")))
        .thenReturn(new AdminApi.Answer(200, null, null));
    var redirect = new RedirectAttributesModelMap();

    String next = comments.bulk(client, List.of("c1"), "spam", "PENDING", "p1", "casino", redirect);

    assertThat(next).isEqualTo("redirect:/admin/comments?status=PENDING&post=p1&q=casino");
    assertThat(redirect.getFlashAttributes().get("message")).isEqualTo("Marked 1 comment as spam.");
  }

  /**
   * Words longer than the queue searches for are not carried back: the address would not fit in the
   * answer's headers, and the moderator would get an error instead of their list.
   */
  @Test
  void searchWordsTheQueueWouldRefuseAreNotCarriedBack() {
    var redirect = new RedirectAttributesModelMap();

    String next =
        comments.bulk(
            client, List.of(), "spam", "SPAM", "p".repeat(9_000), "x".repeat(20_000), redirect);

    assertThat(next).isEqualTo("redirect:/admin/comments?status=SPAM");
    assertThat(redirect.getFlashAttributes().get("error"))
        .asString()
        .startsWith("Tick the comments");
  }
}
