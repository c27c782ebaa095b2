package io.inkwell.web.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;
import tools.jackson.databind.json.JsonMapper;

class SubscribersAdminTests {

  private final AdminApi api = mock(AdminApi.class);
  private final SubscribersAdmin page = new SubscribersAdmin(api);
  private final MockMultipartFile list =
      new MockMultipartFile(
          "list", "members.csv", "text/csv", "email\nreader@example.com\n".getBytes());

  @Test
  void aListTheGatewayStoppedWaitingForIsSaidToGoOnNotToHaveFailed() throws Exception {
    when(api.importSubscribers(anyString(), any()))
        .thenReturn(
            new AdminApi.Answer(
                504,
                JsonMapper.builder()
                    .build()
                    .readTree(
                        "{\"status\":504,\"detail\":\"The service behind this path did not"
                            + " answer in time; try again shortly.\"}"),
                null));
    var flash = new RedirectAttributesModelMap();

    String next =
        page.importList(
            TestClients.signedIn(
                "token", Instant.now().minusSeconds(10), Instant.now().plusSeconds(290)),
            list,
            true,
            flash);

    assertThat(next).isEqualTo("redirect:/admin/subscribers");
    assertThat(flash.getFlashAttributes()).doesNotContainKey("error");
    assertThat((String) flash.getFlashAttributes().get("message"))
        .contains("goes on")
        .contains("importing the same file again adds nobody twice")
        .doesNotContain("try again shortly");
  }
}
