package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Ghost's "Send test email" in the editor: the post, as last saved, comes to the signed-in staff
 * member's own inbox as subscribers will get it.
 */
@Controller
class TestMailAdmin implements StaffPage {

  private final AdminApi api;

  TestMailAdmin(AdminApi api) {
    this.api = api;
  }

  @PostMapping("/admin/posts/{id}/test-mail")
  String send(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    String token = token(client);
    var post = checked(api.post(token, id));
    var sent = post.ok() ? checked(api.testMail(token, id, post.body())) : post;
    redirect.addFlashAttribute(
        sent.ok() ? "message" : "error",
        sent.ok()
            ? "A test of the post as last saved is on its way to "
                + sent.body().path("to").asString()
                + "."
            : sent.problem());
    return "redirect:/admin/posts/" + UriUtils.encodePathSegment(id, "UTF-8");
  }
}
