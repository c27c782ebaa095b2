package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.showProblem;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.api.ApiUris;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The moderation queue (waiting and spam) and the discussion settings (WordPress's "Discussion"):
 * who is held, when comments close, and the blocklist. Editors moderate and keep the blocklist;
 * admins choose the policy.
 */
@Controller
class CommentsAdmin implements StaffPage {

  private static final Set<String> MODERATION = Set.of("approve", "reject", "spam");

  /**
   * The tabs: what waits, what readers see, the spam, and what a moderator rejected (WordPress's
   * comment trash: kept until deleted, so that a rejection by mistake is approved again).
   */
  private static final Set<String> LISTS = Set.of("PENDING", "APPROVED", "SPAM", "REJECTED");

  /** The policies, as the comment form's readers meet them. */
  static final Map<String, String> POLICIES = policies();

  /** The longest post id and search words the moderation queue takes (comment-service's). */
  private static final int LONGEST_POST_ID = 100;

  private static final int LONGEST_SEARCH = 200;

  /** The most comments one bulk action takes: a page of the queue. */
  private static final int BULK_LIMIT = 200;

  private static final Set<String> BLOCKABLE = Set.of("WORD", "DOMAIN", "ADDRESS");

  private final AdminApi api;

  CommentsAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/comments")
  String comments(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(defaultValue = "") String post,
      @RequestParam(defaultValue = "") String q,
      @RequestParam(defaultValue = "") String cursor,
      Model model) {
    String state = LISTS.contains(status) ? status : "PENDING";
    String token = token(client);
    String text = q.strip();
    var answer = checked(api.commentQueue(token, state, post, text, cursor));
    model.addAttribute("status", state);
    // WordPress's "Search Comments": words, a name or an email address
    model.addAttribute("q", text);
    // WordPress's comments of one post, reached from its editor
    model.addAttribute("post", post);
    if (!post.isEmpty()) {
      var about = api.post(token, post);
      model.addAttribute("postTitle", about.ok() ? about.body().path("title").asString() : post);
    }
    model.addAttribute("comments", answer.ok() ? answer.body().path("items") : null);
    model.addAttribute("total", answer.ok() ? answer.body().path("total").asLong() : 0);
    // a long list goes on a page at a time, as WordPress's does, newest first
    model.addAttribute("older", cursor.isEmpty() ? null : "older");
    model.addAttribute(
        "nextCursor", answer.ok() ? answer.body().path("nextCursor").asString(null) : null);
    showProblem(answer, model);
    return "admin/comments";
  }

  /** WordPress's "Empty Spam": the whole spam queue, not only the page shown, is deleted. */
  @PostMapping("/admin/comments/empty-spam")
  String emptySpam(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      RedirectAttributes redirect) {
    return deleteAll(client, "SPAM", "spam", redirect);
  }

  /** WordPress's "Empty Trash": every rejected comment deleted for good. */
  @PostMapping("/admin/comments/empty-rejected")
  String emptyRejected(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      RedirectAttributes redirect) {
    return deleteAll(client, "REJECTED", "rejected", redirect);
  }

  private String deleteAll(
      OAuth2AuthorizedClient client, String status, String kind, RedirectAttributes redirect) {
    var answer = checked(api.deleteAll(token(client), status));
    long deleted = answer.ok() ? answer.body().path("deleted").asLong() : 0;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Deleted " + deleted + " " + kind + (deleted == 1 ? " comment." : " comments.")
            : answer.problem());
    return "redirect:/admin/comments?status=" + status;
  }

  @PostMapping("/admin/comments/{id}/{action}")
  String moderate(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam(defaultValue = "PENDING") String from,
      @RequestParam(defaultValue = "") String post,
      @RequestParam(defaultValue = "") String q,
      RedirectAttributes redirect) {
    if (MODERATION.contains(action)) {
      var answer = checked(api.moderate(token(client), id, action));
      redirect.addFlashAttribute(
          "message", answer.ok() ? "Done: " + action + "." : answer.problem());
    }
    return back(from, post, q);
  }

  /**
   * WordPress's bulk actions: the comments ticked in the list approved, rejected or marked as spam
   * at once, as a wave of spam in the queue asks. Each is moderated as its own button would; the
   * message says how many were, and what the API said of one that was not.
   */
  @PostMapping("/admin/comments/bulk")
  String bulk(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) List<String> ids,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "PENDING") String from,
      @RequestParam(defaultValue = "") String post,
      @RequestParam(defaultValue = "") String q,
      RedirectAttributes redirect) {
    String back = back(from, post, q);
    if (ids == null || ids.isEmpty() || !MODERATION.contains(action)) {
      redirect.addFlashAttribute(
          "error", "Tick the comments first, then choose what becomes of them.");
      return back;
    }
    if (ids.size() > BULK_LIMIT) {
      redirect.addFlashAttribute(
          "error", "At most " + BULK_LIMIT + " comments at once; tick fewer.");
      return back;
    }
    String token = token(client);
    int done = 0;
    String refused = null;
    for (String id : new LinkedHashSet<>(ids)) {
      var answer = checked(api.moderate(token, id, action));
      if (answer.ok()) {
        done++;
      } else if (refused == null) {
        refused = answer.problem();
      }
    }
    String comments = done == 1 ? "1 comment" : done + " comments";
    String message =
        switch (action) {
          case "approve" -> "Approved " + comments + ".";
          case "reject" -> "Rejected " + comments + ".";
          default -> "Marked " + comments + " as spam.";
        };
    redirect.addFlashAttribute("message", message);
    if (refused != null) {
      redirect.addFlashAttribute("error", "Not all of them: " + refused);
    }
    return back;
  }

  /** WordPress's "Edit comment": a typo, an address the commenter should not have posted. */
  @GetMapping("/admin/comments/{id}/edit")
  String editing(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "PENDING") String from,
      @RequestParam(defaultValue = "") String post,
      Model model) {
    var answer = checked(api.comment(token(client), id));
    model.addAttribute("from", LISTS.contains(from) ? from : "PENDING");
    model.addAttribute("post", post);
    model.addAttribute("id", id);
    if (answer.ok()) {
      model.addAttribute("authorName", answer.body().path("authorName").asString());
      model.addAttribute("body", answer.body().path("body").asString());
    } else {
      model.addAttribute("error", answer.problem());
    }
    return "admin/comment-edit";
  }

  @PostMapping("/admin/comments/{id}/edit")
  String edit(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String authorName,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "PENDING") String from,
      @RequestParam(defaultValue = "") String post,
      Model model,
      RedirectAttributes redirect) {
    var answer = checked(api.editComment(token(client), id, authorName, body));
    if (!answer.ok()) {
      // the text stays in the form, to be put right
      model.addAttribute("from", LISTS.contains(from) ? from : "PENDING");
      model.addAttribute("post", post);
      model.addAttribute("id", id);
      model.addAttribute("authorName", authorName);
      model.addAttribute("body", body);
      model.addAttribute("error", answer.problem());
      return "admin/comment-edit";
    }
    redirect.addFlashAttribute(
        "message", "Saved the comment by " + answer.body().path("authorName").asString() + ".");
    return back(from, post);
  }

  /** Back to the list the moderator was on: a state, of one post or of all. */
  private static String back(String from, String post) {
    return back(from, post, "");
  }

  /** The same, found by the words the moderator searched for. */
  private static String back(String from, String post, String text) {
    var query = new LinkedHashMap<String, Object>();
    query.put("status", LISTS.contains(from) ? from : "PENDING");
    // what the queue would refuse is not carried back either (nor would it fit in the headers)
    query.put("post", post.length() <= LONGEST_POST_ID ? post : "");
    query.put("q", text.length() <= LONGEST_SEARCH ? text : "");
    return "redirect:" + ApiUris.of("/admin/comments", query);
  }

  /**
   * WordPress's "Approve and reply": the held comment is shown, and the staff member's answer under
   * it, at once and marked as theirs (comment-service takes who they are from their token).
   */
  @PostMapping("/admin/comments/{id}/reply")
  String reply(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @AuthenticationPrincipal OidcUser user,
      @PathVariable String id,
      @RequestParam(defaultValue = "") String postId,
      @RequestParam(defaultValue = "") String body,
      @RequestParam(defaultValue = "PENDING") String from,
      @RequestParam(defaultValue = "") String post,
      RedirectAttributes redirect) {
    String back = back(from, post);
    if (body.isBlank()) {
      redirect.addFlashAttribute("error", "Write the reply first.");
      return back;
    }
    String token = token(client);
    var approved = checked(api.moderate(token, id, "approve"));
    var answer =
        approved.ok()
            ? checked(
                api.reply(
                    token,
                    postId,
                    id,
                    StaffMember.of(user).name(),
                    user.getEmail() == null ? "staff@inkwell.invalid" : user.getEmail(),
                    body))
            : approved;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "Approved, and your reply is under it." : answer.problem());
    return back;
  }

  @GetMapping("/admin/comments/settings")
  String settings(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    String token = token(client);
    var settings = checked(api.commentSettings(token));
    var blocklist = checked(api.blocklist(token));
    if (!settings.ok() || !blocklist.ok()) {
      model.addAttribute("error", (settings.ok() ? blocklist : settings).problem());
      return "admin/comment-settings";
    }
    model.addAttribute("policy", settings.body().path("policy").asString());
    model.addAttribute("closeAfterDays", settings.body().path("closeAfterDays").asInt(0));
    model.addAttribute("policies", POLICIES);
    model.addAttribute(
        "blocked",
        blocklist
            .body()
            .valueStream()
            .map(
                entry ->
                    new Blocked(
                        entry.path("id").asString(),
                        entry.path("kind").asString(),
                        entry.path("value").asString()))
            .toList());
    return "admin/comment-settings";
  }

  @PostMapping("/admin/comments/settings")
  String chooseSettings(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String policy,
      @RequestParam(defaultValue = "0") String closeAfterDays,
      RedirectAttributes redirect) {
    Integer days = days(closeAfterDays);
    if (!POLICIES.containsKey(policy) || days == null) {
      redirect.addFlashAttribute(
          "error", "Choose one of the policies, and a number of days from 0 (never) up.");
      return "redirect:/admin/comments/settings";
    }
    var answer = checked(api.chooseCommentSettings(token(client), policy, days));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "Saved: it holds for the next comment." : answer.problem());
    return "redirect:/admin/comments/settings";
  }

  @PostMapping("/admin/comments/blocklist")
  String block(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String kind,
      @RequestParam(defaultValue = "") String value,
      RedirectAttributes redirect) {
    if (!BLOCKABLE.contains(kind) || value.isBlank()) {
      redirect.addFlashAttribute("error", "Say what to block: a word, a domain or an address.");
      return "redirect:/admin/comments/settings";
    }
    var answer = checked(api.block(token(client), kind, value.strip()));
    String blocked = answer.ok() ? answer.body().path("value").asString() : null;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : answer.status() == 201
                ? "Blocked: comments with “" + blocked + "” go to spam from now on."
                : "“" + blocked + "” was on the blocklist already.");
    return "redirect:/admin/comments/settings";
  }

  @PostMapping("/admin/comments/blocklist/{entryId}/remove")
  String unblock(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String entryId,
      RedirectAttributes redirect) {
    var answer = checked(api.unblock(token(client), entryId));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "Removed from the blocklist." : answer.problem());
    return "redirect:/admin/comments/settings";
  }

  /** A whole number of days, 0 to 100 years; anything else is null. */
  private static Integer days(String text) {
    try {
      int days = Integer.parseInt(text.strip());
      return days >= 0 && days <= 36_500 ? days : null;
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Map<String, String> policies() {
    Map<String, String> policies = new LinkedHashMap<>();
    policies.put(
        "HOLD_FIRST_TIME",
        "Hold a first comment: an address with an approved comment is trusted after that");
    policies.put("HOLD_ALL", "Hold every comment until a moderator approves it");
    policies.put("APPROVE_ALL", "Show every comment at once");
    return policies;
  }

  /** One blocklist entry: {@code kind} is WORD, DOMAIN or ADDRESS. */
  record Blocked(String id, String kind, String value) {}
}
