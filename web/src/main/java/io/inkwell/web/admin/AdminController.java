package io.inkwell.web.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The author admin: posts by state, the editor (save, preview, publish, schedule, unpublish), the
 * moderation queue and the subscriber list. Each page offers only what the role may do; the
 * services decide again.
 */
@Controller
class AdminController {

  private static final Set<String> STATES = Set.of("DRAFT", "SCHEDULED", "PUBLISHED");
  private static final Set<String> MODERATION = Set.of("approve", "reject", "spam");

  private final AdminApi api;
  private final io.inkwell.web.WebSettings settings;

  AdminController(AdminApi api, io.inkwell.web.WebSettings settings) {
    this.api = api;
    this.settings = settings;
  }

  @ModelAttribute("staff")
  StaffMember staff(@AuthenticationPrincipal OidcUser user) {
    return user == null ? null : StaffMember.of(user);
  }

  /**
   * How many comments wait for a moderator, shown beside "Comments" in the menu as WordPress shows
   * it; for editors, on pages (not form posts). Nothing is shown when it cannot be had.
   */
  @ModelAttribute("waitingComments")
  Long waitingComments(
      @AuthenticationPrincipal OidcUser user,
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      HttpServletRequest request) {
    if (user == null || !"GET".equals(request.getMethod()) || !StaffMember.of(user).isEditor()) {
      return null;
    }
    try {
      var answer = api.commentQueueLength(token(client));
      return answer.ok() ? answer.body().path("total").asLong() : null;
    } catch (RuntimeException unavailable) {
      return null;
    }
  }

  @GetMapping("/admin")
  String posts(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "DRAFT") String status,
      @RequestParam(required = false) String cursor,
      Model model) {
    String state = STATES.contains(status) ? status : "DRAFT";
    var answer = checked(api.postsInStatus(token(client), state, cursor));
    model.addAttribute("status", state);
    model.addAttribute("posts", answer.body().path("items"));
    model.addAttribute("nextCursor", answer.body().path("nextCursor").asString(null));
    return "admin/posts";
  }

  @GetMapping("/admin/posts/new")
  String newPost(HttpSession session, Model model) {
    model.addAttribute("post", null);
    model.addAttribute("form", new Form(null, "", "", "", "", "", null));
    restoreUnsaved(session, "new", model);
    return "admin/editor";
  }

  @GetMapping("/admin/posts/{id}")
  String edit(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @ModelAttribute("staff") StaffMember staff,
      HttpSession session,
      Model model) {
    var answer = checked(api.post(token(client), id));
    if (!answer.ok()) {
      model.addAttribute("error", answer.problem());
      return "admin/editor";
    }
    var post = answer.body();
    model.addAttribute("post", post);
    model.addAttribute(
        "form",
        new Form(
            answer.etag(),
            post.path("title").asString(),
            post.path("bodyMarkdown").asString(),
            post.path("excerpt").asString(""),
            String.join(", ", post.path("tags").valueStream().map(t -> t.asString()).toList()),
            post.path("slug").asString(),
            null));
    restoreUnsaved(session, id, model);
    if ("PUBLISHED".equals(post.path("status").asString()) && staff.isEditor()) {
      var deliveries = api.deliveries(token(client), id);
      model.addAttribute("deliveries", deliveries.ok() ? deliveries.body() : null);
    }
    return "admin/editor";
  }

  /** One form, several buttons: {@code action} says which was pressed. */
  @PostMapping({"/admin/posts", "/admin/posts/{id}"})
  String save(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable(required = false) String id,
      @RequestParam String action,
      @ModelAttribute Form form,
      Model model,
      RedirectAttributes redirect) {
    String token = token(client);
    var draft = form.draft();
    if (action.equals("preview")) {
      var preview = checked(api.preview(token, draft));
      model.addAttribute("form", form);
      model.addAttribute("post", id == null ? null : api.post(token, id).body());
      model.addAttribute(
          preview.ok() ? "previewHtml" : "error",
          preview.ok() ? preview.body().path("bodyHtml").asString() : preview.problem());
      return "admin/editor";
    }
    if (action.equals("unpublish")) {
      var answer = checked(api.unpublish(token, id));
      redirect.addFlashAttribute(
          "message", answer.ok() ? "Unpublished: it is a draft again." : answer.problem());
      return "redirect:/admin/posts/" + id;
    }
    var saved =
        checked(id == null ? api.create(token, draft) : api.update(token, id, form.etag(), draft));
    if (!saved.ok()) {
      model.addAttribute("form", form);
      model.addAttribute("post", id == null ? null : api.post(token, id).body());
      model.addAttribute("error", saved.problem());
      return "admin/editor";
    }
    String savedId = saved.body().path("id").asString();
    String message = "Saved.";
    if (action.equals("publish") || action.equals("schedule")) {
      var at = action.equals("schedule") ? form.publishAtInstant(settings.timeZone()) : null;
      if (action.equals("schedule") && at == null) {
        message = "Saved. Choose a date and time to schedule it.";
      } else {
        var published = checked(api.publish(token, savedId, at));
        message = !published.ok() ? published.problem() : at == null ? "Published." : "Scheduled.";
      }
    }
    redirect.addFlashAttribute("message", message);
    return "redirect:/admin/posts/" + savedId;
  }

  /** The live preview's fragment, for the editor's script (the no-script way is the button). */
  @PostMapping("/admin/preview")
  String livePreview(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @ModelAttribute Form form,
      Model model) {
    // Not checked(): a preview must never sign the person out under their unsaved text; the next
    // save does that, and keeps the text.
    var preview = api.preview(token(client), form.draft());
    String html = "";
    if (preview.ok()) {
      html = preview.body().path("bodyHtml").asString();
    } else if (preview.status() == 401) {
      html =
          "<p><em>Your sign-in ran out: save, and your text is kept while you sign in again.</em></p>";
    }
    model.addAttribute("previewHtml", html);
    return "admin/editor :: preview";
  }

  @GetMapping("/admin/comments")
  String comments(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "PENDING") String status,
      Model model) {
    String state = Set.of("PENDING", "SPAM").contains(status) ? status : "PENDING";
    var answer = checked(api.commentQueue(token(client), state));
    model.addAttribute("status", state);
    model.addAttribute("comments", answer.ok() ? answer.body().path("items") : null);
    model.addAttribute("error", answer.ok() ? null : answer.problem());
    return "admin/comments";
  }

  @PostMapping("/admin/comments/{id}/{action}")
  String moderate(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String id,
      @PathVariable String action,
      @RequestParam(defaultValue = "PENDING") String from,
      RedirectAttributes redirect) {
    if (MODERATION.contains(action)) {
      var answer = checked(api.moderate(token(client), id, action));
      redirect.addFlashAttribute(
          "message", answer.ok() ? "Done: " + action + "." : answer.problem());
    }
    return "redirect:/admin/comments?status=" + ("SPAM".equals(from) ? "SPAM" : "PENDING");
  }

  @GetMapping("/admin/subscribers")
  String subscribers(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(required = false) String cursor,
      Model model) {
    var answer = checked(api.subscribers(token(client), cursor));
    model.addAttribute(
        "subscribers",
        answer.ok()
            ? answer.body().path("items").valueStream().map(SubscriberRow::of).toList()
            : null);
    model.addAttribute(
        "nextCursor", answer.ok() ? answer.body().path("nextCursor").asString(null) : null);
    model.addAttribute("error", answer.ok() ? null : answer.problem());
    return "admin/subscribers";
  }

  @GetMapping("/admin/staff")
  String staff(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    var answer = checked(api.staff(token(client)));
    model.addAttribute(
        "members",
        answer.ok() ? answer.body().path("items").valueStream().map(StaffRow::of).toList() : null);
    model.addAttribute("error", answer.ok() ? null : answer.problem());
    model.addAttribute("roles", INVITABLE_ROLES);
    return "admin/staff";
  }

  /** Ghost's way: the invitee gets a mail with a link to choose a password. */
  @PostMapping("/admin/staff")
  String invite(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "AUTHOR") String role,
      RedirectAttributes redirect) {
    var answer = checked(api.invite(token(client), email.strip(), name.strip(), role));
    if (answer.ok()) {
      redirect.addFlashAttribute(
          "message",
          "Invited "
              + answer.body().path("name").asString()
              + ": a mail with a link to choose a password is on its way to "
              + answer.body().path("email").asString()
              + ".");
      redirect.addFlashAttribute(
          "temporaryPassword", answer.body().path("temporaryPassword").asString());
    } else {
      redirect.addFlashAttribute("error", answer.problem());
      redirect.addFlashAttribute("invitee", Map.of("email", email, "name", name, "role", role));
    }
    return "redirect:/admin/staff";
  }

  /** Another role for a staff member; it holds from their next sign-in or token. */
  @PostMapping("/admin/staff/{staffId}/role")
  String changeRole(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String staffId,
      @RequestParam(defaultValue = "") String role,
      RedirectAttributes redirect) {
    var answer = checked(api.changeRole(token(client), staffId, role));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? answer.body().path("name").asString()
                + " is "
                + article(answer.body().path("role").asString())
                + " now; it holds from their next sign-in, within 10 minutes."
            : answer.problem());
    return "redirect:/admin/staff";
  }

  /** Ghost's "Suspend user": they sign in no more, and their posts stay. */
  @PostMapping("/admin/staff/{staffId}/suspended")
  String suspend(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String staffId,
      @RequestParam(defaultValue = "false") boolean suspended,
      RedirectAttributes redirect) {
    var answer = checked(api.setSuspended(token(client), staffId, suspended));
    String name = answer.ok() ? answer.body().path("name").asString() : "";
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : suspended
                ? name + " is suspended: they cannot sign in (within 10 minutes they are out)."
                : name + " can sign in again.");
    return "redirect:/admin/staff";
  }

  private static String article(String role) {
    String lower = role.toLowerCase(java.util.Locale.ROOT);
    return (lower.startsWith("a") || lower.startsWith("e") ? "an " : "a ") + lower;
  }

  @GetMapping("/admin/account")
  String account(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    var me = checked(api.me(token(client)));
    model.addAttribute("commentMails", !me.ok() || me.body().path("commentMails").asBoolean(true));
    return "admin/account";
  }

  @PostMapping("/admin/account/notifications")
  String notifications(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "false") boolean commentMails,
      RedirectAttributes redirect) {
    var answer = checked(api.setCommentMails(token(client), commentMails));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : commentMails
                ? "You will get a mail when a reader comments on one of your posts."
                : "You will get no mails about comments.");
    return "redirect:/admin/account";
  }

  @PostMapping("/admin/account/password")
  String changePassword(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String confirmation,
      RedirectAttributes redirect) {
    if (!newPassword.equals(confirmation)) {
      redirect.addFlashAttribute("error", "The two new passwords are not the same.");
      return "redirect:/admin/account";
    }
    var answer = checked(api.changePassword(token(client), currentPassword, newPassword));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "Your password is changed." : answer.problem());
    return "redirect:/admin/account";
  }

  /**
   * The access token ran out (10 minutes): the person signs in again, which auth-service's own
   * session makes a few redirects. Text the editor was sending is not lost: it waits in the new
   * session and is back in the editor after sign-in, to be saved again.
   */
  @ExceptionHandler(SignInAgain.class)
  String signInAgain(HttpServletRequest request) throws ServletException {
    var editor = EDITOR_POST.matcher(request.getRequestURI());
    boolean unsavedText =
        "POST".equals(request.getMethod())
            && editor.matches()
            && !"unpublish".equals(request.getParameter("action"));
    request.logout();
    if (!unsavedText) {
      return "redirect:" + AdminSecurity.SIGN_IN + "/inkwell";
    }
    String id = editor.group(1) == null ? "new" : editor.group(1);
    request
        .getSession(true)
        .setAttribute(
            UNSAVED,
            new Unsaved(
                id,
                new Form(
                    request.getParameter("etag"),
                    request.getParameter("title"),
                    request.getParameter("body"),
                    request.getParameter("excerpt"),
                    request.getParameter("tags"),
                    request.getParameter("slug"),
                    request.getParameter("publishAt"))));
    // the editor's own address: signing in leads back to it
    return "redirect:" + (id.equals("new") ? "/admin/posts/new" : "/admin/posts/" + id);
  }

  private static void restoreUnsaved(HttpSession session, String id, Model model) {
    if (session.getAttribute(UNSAVED) instanceof Unsaved unsaved && unsaved.id().equals(id)) {
      session.removeAttribute(UNSAVED);
      model.addAttribute("form", unsaved.form());
      model.addAttribute("message", "Your sign-in had run out. Your text is back: save it again.");
    }
  }

  static final String UNSAVED = "inkwell.unsavedDraft";
  private static final java.util.regex.Pattern EDITOR_POST =
      java.util.regex.Pattern.compile("/admin/posts(?:/([^/]+))?");

  /** Editor text that could not be saved because the sign-in ran out. */
  record Unsaved(String id, Form form) implements java.io.Serializable {}

  private static AdminApi.Answer checked(AdminApi.Answer answer) {
    if (answer.status() == 401) {
      throw new SignInAgain();
    }
    return answer;
  }

  private static String token(OAuth2AuthorizedClient client) {
    return client.getAccessToken().getTokenValue();
  }

  private static final List<String> INVITABLE_ROLES =
      List.of("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN");

  /**
   * One line of the staff list.
   *
   * @param role as the API names it ({@code EDITOR})
   */
  record StaffRow(
      String id, String name, String email, String role, Instant since, boolean suspended) {

    static StaffRow of(tools.jackson.databind.JsonNode member) {
      return new StaffRow(
          member.path("id").asString(),
          member.path("name").asString(),
          member.path("email").asString(),
          member.path("role").asString(),
          instant(member.path("createdAt").asString(null)),
          member.path("suspended").asBoolean(false));
    }

    public boolean owner() {
      return "OWNER".equals(role);
    }
  }

  /** One line of the subscriber list. */
  record SubscriberRow(String email, String state, String tags, Instant since) {

    static SubscriberRow of(tools.jackson.databind.JsonNode subscriber) {
      var tags = subscriber.path("tags").valueStream().map(t -> t.asString()).toList();
      String state = subscriber.path("status").asString().toLowerCase(java.util.Locale.ROOT);
      return new SubscriberRow(
          subscriber.path("email").asString(),
          subscriber.path("paused").asBoolean() ? state + " (paused)" : state,
          tags.isEmpty() ? "every post" : String.join(", ", tags),
          instant(subscriber.path("createdAt").asString(null)));
    }
  }

  /** An API timestamp, or null when there is none (the page then shows no date). */
  private static Instant instant(String value) {
    try {
      return value == null ? null : Instant.parse(value);
    } catch (java.time.format.DateTimeParseException unreadable) {
      return null;
    }
  }

  /**
   * The editor's fields; tags are comma-separated, {@code publishAt} a local date-time in the
   * blog's zone.
   */
  record Form(
      String etag,
      String title,
      String body,
      String excerpt,
      String tags,
      String slug,
      String publishAt)
      implements java.io.Serializable {

    AdminApi.Draft draft() {
      List<String> tagList =
          tags == null
              ? List.of()
              : Arrays.stream(tags.split(","))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .toList();
      return new AdminApi.Draft(title, body, excerpt, tagList, slug);
    }

    java.time.Instant publishAtInstant(ZoneId zone) {
      try {
        return publishAt == null || publishAt.isBlank()
            ? null
            : LocalDateTime.parse(publishAt).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
