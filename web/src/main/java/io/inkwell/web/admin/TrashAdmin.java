package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.util.Set;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * WordPress's trash: "Move to trash" takes a post off the blog at once and offers to undo it; the
 * Trash tab restores it as a draft or deletes it for good (after asking), and post-service deletes
 * what has stayed there 30 days.
 */
@Controller
class TrashAdmin implements StaffPage {

  private static final Set<String> LISTS = Set.of("DRAFT", "SCHEDULED", "PUBLISHED");

  private final AdminApi api;

  TrashAdmin(AdminApi api) {
    this.api = api;
  }

  /**
   * @param from the list the post was in, to go back to, where the notice offers "Undo"
   */
  @PostMapping("/admin/posts/{id}/trash")
  String trash(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "DRAFT") String from,
      RedirectAttributes redirect) {
    var answer = checked(api.trash(token(client), id));
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/posts/" + id;
    }
    redirect.addFlashAttribute(
        "message", "Moved “" + answer.body().path("title").asString() + "” to the trash.");
    redirect.addFlashAttribute("undo", id);
    return "redirect:/admin?status=" + (LISTS.contains(from) ? from : "DRAFT");
  }

  @PostMapping("/admin/posts/{id}/restore")
  String restore(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      RedirectAttributes redirect) {
    var answer = checked(api.restore(token(client), id));
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin?status=TRASHED";
    }
    redirect.addFlashAttribute(
        "message",
        "Restored “" + answer.body().path("title").asString() + "”: it is a draft again.");
    return "redirect:/admin/posts/" + id;
  }

  /** Deleting for good asks first, on a page of its own: this one has no undo. */
  @GetMapping("/admin/posts/{id}/delete")
  String confirmDelete(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      Model model) {
    var answer = checked(api.post(token(client), id));
    if (!answer.ok()) {
      model.addAttribute("error", answer.problem());
      return "admin/delete";
    }
    model.addAttribute("post", answer.body());
    return "admin/delete";
  }

  @PostMapping("/admin/posts/{id}/delete")
  String delete(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String title,
      RedirectAttributes redirect) {
    var answer = checked(api.delete(token(client), id));
    if (!answer.ok()) {
      redirect.addFlashAttribute("error", answer.problem());
      return "redirect:/admin/posts/" + id;
    }
    redirect.addFlashAttribute(
        "message",
        title.isBlank() ? "The post is deleted for good." : "Deleted “" + title + "” for good.");
    return "redirect:/admin?status=TRASHED";
  }
}
