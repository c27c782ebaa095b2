package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The blog's tags with their counts (Ghost's Tags page; editors see those only drafts and scheduled
 * posts carry as well), where an editor writes what each is about (its page on the reader site
 * opens with it, and search engines show it), renames one on every post, merges two by giving one
 * the other's name, or deletes one, after a page that asks.
 */
@Controller
class TagsAdmin implements StaffPage {

  private final AdminApi api;

  TagsAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/tags")
  String tags(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @ModelAttribute("staff") StaffMember staff,
      Model model) {
    var answer = checked(api.tags(token(client), staff.isEditor()));
    if (answer.ok()) {
      model.addAttribute("tags", answer.body().path("items"));
    } else {
      model.addAttribute("error", answer.problem());
    }
    return "admin/tags";
  }

  /** By the tag's slug ("c-c++" for "c/c++"), which any path can carry. */
  @PostMapping("/admin/tags/{slug}")
  String describe(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String description,
      RedirectAttributes redirect) {
    var answer = checked(api.describeTag(token(client), slug, description));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Saved the description of “" + shownName(answer.body(), slug) + "”."
            : answer.problem());
    return "redirect:/admin/tags";
  }

  /** What the API answers a tag change that goes on in the background. */
  private static final int ACCEPTED = 202;

  /** Another name for the tag on every post that has it; another tag's name merges the two. */
  @PostMapping("/admin/tags/{slug}/rename")
  String rename(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String from,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.renameTag(token(client), slug, name));
    String now = answer.ok() ? shownName(answer.body(), name) : name;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : answer.status() == ACCEPTED
                ? "“"
                    + from
                    + "” is becoming “"
                    + now
                    + "” on its many posts; that goes on in the background for a while."
                : "“" + from + "” is “" + now + "” now, on every post that had it.");
    return "redirect:/admin/tags";
  }

  /** The tag as readers are shown it ("WPC" for "wpc"), as the API answered it. */
  private static String shownName(tools.jackson.databind.JsonNode tag, String otherwise) {
    return tag.path("name").asString(tag.path("tag").asString(otherwise));
  }

  /** The page that asks before a tag is taken off its posts. */
  @GetMapping("/admin/tags/{slug}/delete")
  String confirmDelete(
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "0") long count,
      @RequestParam(defaultValue = "0") long unpublished,
      Model model) {
    model.addAttribute("slug", slug);
    model.addAttribute("name", name.isBlank() ? slug : name);
    model.addAttribute("count", count);
    model.addAttribute("unpublished", unpublished);
    return "admin/delete-tag";
  }

  @PostMapping("/admin/tags/{slug}/delete")
  String delete(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String slug,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.deleteTag(token(client), slug));
    String tag = name.isBlank() ? slug : name;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : answer.status() == ACCEPTED
                ? "The tag “"
                    + tag
                    + "” is being taken off its many posts, in the background for a while;"
                    + " the posts stay."
                : "Deleted the tag “" + tag + "”; its posts stay.");
    return "redirect:/admin/tags";
  }
}
