package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import java.util.LinkedHashSet;
import java.util.List;
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

  private static final Set<String> LISTS = Set.of("DRAFT", "REVIEW", "SCHEDULED", "PUBLISHED");

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

  /** The most posts one bulk action takes: a page of the list. */
  private static final int BULK_LIMIT = 100;

  /**
   * WordPress's "Bulk actions → Move to Trash": the posts ticked in a list go to the trash, each as
   * its own button would send it (the API decides who may trash which); the message says how many
   * did, and what the API said of one that did not. They wait in the Trash tab to be restored.
   */
  @PostMapping("/admin/posts/trash")
  String trashTicked(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) List<String> ids,
      @RequestParam(defaultValue = "DRAFT") String from,
      RedirectAttributes redirect) {
    String back = "redirect:/admin?status=" + (LISTS.contains(from) ? from : "DRAFT");
    if (ids == null || ids.isEmpty()) {
      redirect.addFlashAttribute("error", "Tick the posts first, then move them to the trash.");
      return back;
    }
    if (ids.size() > BULK_LIMIT) {
      redirect.addFlashAttribute("error", "At most " + BULK_LIMIT + " posts at once; tick fewer.");
      return back;
    }
    String token = token(client);
    int moved = 0;
    String refused = null;
    for (String id : new LinkedHashSet<>(ids)) {
      var answer = checked(api.trash(token, id));
      if (answer.ok()) {
        moved++;
      } else if (refused == null) {
        refused = answer.problem();
      }
    }
    redirect.addFlashAttribute(
        "message",
        (moved == 1 ? "Moved 1 post" : "Moved " + moved + " posts")
            + " to the trash; restore them from the Trash tab within 30 days.");
    if (refused != null) {
      redirect.addFlashAttribute("error", "Not all of them: " + refused);
    }
    return back;
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
