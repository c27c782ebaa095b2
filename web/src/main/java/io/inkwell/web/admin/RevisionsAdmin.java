package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import com.github.difflib.DiffUtils;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A post's revisions, as WordPress shows them: the list of earlier texts, each one beside the
 * current text line by line, and "Put it in the editor" to take it back (saving it keeps the text
 * it replaces as a revision in turn). For those who may edit the post.
 */
@Controller
class RevisionsAdmin implements StaffPage {

  private final AdminApi api;

  RevisionsAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/posts/{id}/revisions")
  String revisions(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      Model model) {
    String token = token(client);
    var post = checked(api.post(token, id));
    var revisions = checked(api.revisions(token, id));
    if (!post.ok() || !revisions.ok()) {
      model.addAttribute("error", (post.ok() ? revisions : post).problem());
      return "admin/revisions";
    }
    model.addAttribute("post", post.body());
    model.addAttribute("revisions", revisions.body().path("items").valueStream().toList());
    return "admin/revisions";
  }

  @GetMapping("/admin/posts/{id}/revisions/{version}")
  String revision(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @PathVariable long version,
      Model model) {
    String token = token(client);
    var post = checked(api.post(token, id));
    var revision = checked(api.revision(token, id, version));
    if (!post.ok() || !revision.ok()) {
      model.addAttribute("error", (post.ok() ? revision : post).problem());
      return "admin/revision";
    }
    model.addAttribute("post", post.body());
    model.addAttribute("revision", revision.body());
    model.addAttribute(
        "changes",
        changes(
            revision.body().path("bodyMarkdown").asString(),
            post.body().path("bodyMarkdown").asString()));
    return "admin/revision";
  }

  /**
   * One line of the comparison: {@code kind} is "same", "old" (only in the revision) or "new" (only
   * in the current text). Shown as text, escaped by the template.
   */
  record Line(String kind, String text) {}

  static List<Line> changes(String revision, String current) {
    List<String> before = revision.lines().toList();
    List<String> after = current.lines().toList();
    var lines = new ArrayList<Line>();
    int at = 0;
    for (var delta : DiffUtils.diff(before, after).getDeltas()) {
      for (; at < delta.getSource().getPosition(); at++) {
        lines.add(new Line("same", before.get(at)));
      }
      delta.getSource().getLines().forEach(line -> lines.add(new Line("old", line)));
      delta.getTarget().getLines().forEach(line -> lines.add(new Line("new", line)));
      at += delta.getSource().size();
    }
    for (; at < before.size(); at++) {
      lines.add(new Line("same", before.get(at)));
    }
    return lines;
  }
}
