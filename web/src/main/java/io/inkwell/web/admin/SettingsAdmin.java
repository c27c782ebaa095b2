package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.reader.Site;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The blog's title and description (Blogger's Settings → Basic, Ghost's "Title and description"),
 * which every page's header, the feeds and search engines show; admins change them.
 */
@Controller
class SettingsAdmin implements StaffPage {

  private final AdminApi api;
  private final Site site;

  SettingsAdmin(AdminApi api, Site site) {
    this.api = api;
    this.site = site;
  }

  @GetMapping("/admin/settings")
  String settings(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    var answer = checked(api.site(token(client)));
    if (answer.ok()) {
      // never set: what the pages show now, the configured values
      model.addAttribute("title", answer.body().path("title").asString(site.blogName()));
      model.addAttribute(
          "description", answer.body().path("description").asString(site.blogDescription()));
    } else {
      model.addAttribute("error", answer.problem());
    }
    return "admin/settings";
  }

  @PostMapping("/admin/settings")
  String change(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String title,
      @RequestParam(defaultValue = "") String description,
      RedirectAttributes redirect) {
    var answer = checked(api.changeSite(token(client), title, description));
    if (answer.ok()) {
      site.forgetIdentity();
      redirect.addFlashAttribute(
          "message", "Saved: the blog is now “" + answer.body().path("title").asString() + "”.");
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/settings";
  }
}
