package io.inkwell.web.admin;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every admin page has: the signed-in staff member (their role decides what a page offers),
 * the menu's count of waiting comments, and signing in again when the access token ran out. The
 * admin controllers are the {@link StaffPage}s.
 */
@ControllerAdvice(assignableTypes = StaffPage.class)
class StaffPages {

  static final String UNSAVED = "inkwell.unsavedDraft";

  /** The name the person gave themself on the Account page since signing in. */
  static final String RENAMED = "inkwell.renamed";

  private static final Pattern EDITOR_POST = Pattern.compile("/admin/posts(?:/([^/]+))?");

  /** Editor buttons that send no text to keep. */
  private static final Set<String> LEAVING_TEXT = Set.of("unpublish", "unschedule");

  private final AdminApi api;

  StaffPages(AdminApi api) {
    this.api = api;
  }

  /**
   * The signed-in staff member; by the name they last saved on the Account page, which their ID
   * token, issued before, does not know.
   */
  @ModelAttribute("staff")
  StaffMember staff(@AuthenticationPrincipal OidcUser user, HttpServletRequest request) {
    if (user == null) {
      return null;
    }
    var session = request.getSession(false);
    Object renamed = session == null ? null : session.getAttribute(RENAMED);
    var member = StaffMember.of(user);
    return renamed instanceof String name
        ? new StaffMember(member.id(), name, member.role())
        : member;
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
    return forEditorsPages(user, client, request, api::commentQueueLength);
  }

  /**
   * How many drafts contributors submitted for review, beside "Posts" for editors, as the comments
   * that wait are beside "Comments"; on pages only, and nothing when it cannot be had.
   */
  @ModelAttribute("waitingReviews")
  Long waitingReviews(
      @AuthenticationPrincipal OidcUser user,
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      HttpServletRequest request) {
    return forEditorsPages(user, client, request, api::reviewQueueLength);
  }

  /**
   * The {@code total} of what waits for an editor, asked on an editor's page (not a form post, nor
   * for anyone else); null when it cannot be had, so that the menu shows nothing.
   */
  private static Long forEditorsPages(
      OidcUser user,
      OAuth2AuthorizedClient client,
      HttpServletRequest request,
      java.util.function.Function<String, AdminApi.Answer> ask) {
    if (user == null || !"GET".equals(request.getMethod()) || !StaffMember.of(user).isEditor()) {
      return null;
    }
    try {
      var answer = ask.apply(token(client));
      return answer.ok() ? answer.body().path("total").asLong() : null;
    } catch (RuntimeException unavailable) {
      return null;
    }
  }

  /**
   * The access token ran out (10 minutes): the person signs in again, which auth-service's own
   * session makes a few redirects. Text the editor was sending is not lost: it waits in the new
   * session and is back in the editor after sign-in, to be saved again.
   */
  @ExceptionHandler(SignInAgain.class)
  String signInAgain(HttpServletRequest request) throws ServletException {
    request.logout();
    // the editor's own address: signing in leads back to it
    return "redirect:" + keepUnsavedText(request).orElse(AdminSecurity.SIGN_IN + "/inkwell");
  }

  /**
   * When {@code request} is the editor sending text (not a button that leaves it), keeps that text
   * in the session, to be put back in the editor the next time it opens: the editor's address.
   */
  static Optional<String> keepUnsavedText(HttpServletRequest request) {
    var editor = EDITOR_POST.matcher(request.getRequestURI());
    if (!"POST".equals(request.getMethod())
        || !editor.matches()
        || LEAVING_TEXT.contains(String.valueOf(request.getParameter("action")))) {
      return Optional.empty();
    }
    String id = editor.group(1) == null ? "new" : editor.group(1);
    request
        .getSession(true)
        .setAttribute(
            UNSAVED,
            new AdminController.Unsaved(
                id,
                new AdminController.Form(
                    request.getParameter("etag"),
                    request.getParameter("title"),
                    request.getParameter("body"),
                    request.getParameter("excerpt"),
                    request.getParameter("tags"),
                    request.getParameter("slug"),
                    request.getParameter("publishAt"),
                    request.getParameter("publishedAtWas"),
                    flag(request.getParameter("commentsOpen")),
                    flag(request.getParameter("page")),
                    request.getParameter("coverImage"),
                    request.getParameter("coverAlt"),
                    request.getParameter("metaTitle"),
                    request.getParameter("metaDescription"),
                    request.getParameter("canonicalUrl"),
                    request.getParameter("seasonNumber"),
                    request.getParameter("episodeNumber"),
                    request.getParameter("episodeType"))));
    return Optional.of(id.equals("new") ? "/admin/posts/new" : "/admin/posts/" + id);
  }

  private static Boolean flag(String value) {
    return value == null ? null : Boolean.valueOf(value);
  }

  /** The answer, unless it says the token ran out: then the person signs in again. */
  static AdminApi.Answer checked(AdminApi.Answer answer) {
    if (answer.status() == 401) {
      throw new SignInAgain();
    }
    return answer;
  }

  /**
   * What the API said, on the page, when it refused; when it answered, an error a form post left
   * for this page (a flash attribute) stays to be shown.
   */
  static void showProblem(AdminApi.Answer answer, Model model) {
    if (!answer.ok()) {
      model.addAttribute("error", answer.problem());
    }
  }

  /**
   * An upload's answer as the editor's script takes it ("Insert a picture", "Attach a file"): the
   * Markdown to insert and the address, or what went wrong.
   */
  static ResponseEntity<Map<String, String>> forTheEditor(AdminApi.Answer uploaded) {
    AdminApi.Answer answer = checked(uploaded);
    return answer.ok()
        ? ResponseEntity.ok(
            Map.of(
                "markdown", answer.body().path("markdown").asString(),
                "url", answer.body().path("url").asString()))
        : ResponseEntity.status(answer.status()).body(Map.of("error", answer.problem()));
  }

  static String token(OAuth2AuthorizedClient client) {
    return client.getAccessToken().getTokenValue();
  }
}
