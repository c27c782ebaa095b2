package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.showProblem;
import static io.inkwell.web.admin.StaffPages.token;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/** The staff list (Ghost's "Staff"): invite, change a role, suspend, remove; for admins. */
@Controller
class StaffAdmin implements StaffPage {

  private static final List<String> INVITABLE_ROLES =
      List.of("CONTRIBUTOR", "AUTHOR", "EDITOR", "ADMIN");

  private final AdminApi api;

  StaffAdmin(AdminApi api) {
    this.api = api;
  }

  @GetMapping("/admin/staff")
  String staff(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client, Model model) {
    var answer = checked(api.staff(token(client)));
    model.addAttribute(
        "members",
        answer.ok() ? answer.body().path("items").valueStream().map(StaffRow::of).toList() : null);
    showProblem(answer, model);
    model.addAttribute("policy", policy(client));
    model.addAttribute("roles", INVITABLE_ROLES);
    return "admin/staff";
  }

  /**
   * Ghost's and GitHub's "Require two-factor authentication": staff without it set it up at their
   * next sign-in, right after the password and a code mailed to them. Only with it on for oneself.
   */
  @PostMapping("/admin/staff/security-policy")
  String requireTwoStep(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "false") boolean twoStepRequired,
      RedirectAttributes redirect) {
    var answer = checked(api.requireTwoStep(token(client), twoStepRequired));
    long without = answer.ok() ? answer.body().path("staffWithoutTwoStep").asLong() : 0;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : !twoStepRequired
                ? "Two-step sign-in is up to each staff member again."
                : without == 0
                    ? "Two-step sign-in is required of all staff; everyone has it on already."
                    : "Two-step sign-in is required of all staff: "
                        + without
                        + (without == 1 ? " member sets" : " members set")
                        + " it up at their next sign-in.");
    return "redirect:/admin/staff#two-step-policy";
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

  /** For a staff member who lost their phone and their recovery codes. */
  @PostMapping("/admin/staff/{staffId}/two-step/off")
  String turnTwoStepOff(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String staffId,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.turnTwoStepOffFor(token(client), staffId));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Two-step sign-in of "
                + name
                + (required(client)
                    ? " is off: they set it up anew at their next sign-in."
                    : " is off: their password alone signs them in.")
            : answer.problem());
    return "redirect:/admin/staff";
  }

  private boolean required(OAuth2AuthorizedClient client) {
    var policy = policy(client);
    return policy != null && policy.path("twoStepRequired").asBoolean();
  }

  /** {@code {twoStepRequired, staffWithoutTwoStep}}; null while auth-service cannot say. */
  private JsonNode policy(OAuth2AuthorizedClient client) {
    var policy = checked(api.securityPolicy(token(client)));
    return policy.ok() ? policy.body() : null;
  }

  /** Asks first: removing cannot be undone. */
  @GetMapping("/admin/staff/{staffId}/remove")
  String confirmRemove(
      @PathVariable String staffId, @RequestParam(defaultValue = "") String name, Model model) {
    model.addAttribute("id", staffId);
    model.addAttribute("name", name);
    return "admin/remove-staff";
  }

  /** WordPress's and Ghost's "Delete user"; here their posts keep their byline. */
  @PostMapping("/admin/staff/{staffId}/remove")
  String remove(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @PathVariable String staffId,
      @RequestParam(defaultValue = "") String name,
      RedirectAttributes redirect) {
    var answer = checked(api.removeStaff(token(client), staffId));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? (name.isBlank() ? "The staff member" : name)
                + " is removed: they cannot sign in, and their address is gone; their posts stay."
            : answer.problem());
    return "redirect:/admin/staff";
  }

  private static String article(String role) {
    String lower = role.toLowerCase(Locale.ROOT);
    return (lower.startsWith("a") || lower.startsWith("e") ? "an " : "a ") + lower;
  }

  /**
   * One line of the staff list.
   *
   * @param role as the API names it ({@code EDITOR})
   * @param lastSignedIn when they last signed in with their password; null for never
   */
  record StaffRow(
      String id,
      String name,
      String email,
      String role,
      Instant since,
      boolean suspended,
      boolean twoStep,
      Instant lastSignedIn) {

    static StaffRow of(tools.jackson.databind.JsonNode member) {
      return new StaffRow(
          member.path("id").asString(),
          member.path("name").asString(),
          member.path("email").asString(),
          member.path("role").asString(),
          AdminApi.instant(member.path("createdAt").asString(null)),
          member.path("suspended").asBoolean(false),
          member.path("twoStep").asBoolean(false),
          AdminApi.instant(member.path("lastSignedInAt").asString(null)));
    }

    public boolean owner() {
      return "OWNER".equals(role);
    }
  }
}
