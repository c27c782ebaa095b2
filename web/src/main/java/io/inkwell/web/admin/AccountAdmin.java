package io.inkwell.web.admin;

import static io.inkwell.web.admin.StaffPages.checked;
import static io.inkwell.web.admin.StaffPages.token;

import io.inkwell.web.api.BlogApi;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.annotation.RegisteredOAuth2AuthorizedClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One's own account: the profile readers see (name, bio, website), password, whether comments on
 * one's posts are mailed, two-step sign-in, and the browsers one is signed in at.
 */
@Controller
class AccountAdmin implements StaffPage {

  private final AdminApi api;
  private final BlogApi blog;
  private final OtherBrowsers otherBrowsers;

  AccountAdmin(AdminApi api, BlogApi blog, OtherBrowsers otherBrowsers) {
    this.api = api;
    this.blog = blog;
    this.otherBrowsers = otherBrowsers;
  }

  @GetMapping("/admin/account")
  String account(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      Authentication signedIn,
      Model model) {
    var browsers = checked(api.signedInBrowsers(token(client), OtherBrowsers.sid(signedIn)));
    if (browsers.ok()) {
      model.addAttribute("browsers", browsers.body().path("items"));
    }
    var me = checked(api.me(token(client)));
    model.addAttribute("commentMails", !me.ok() || me.body().path("commentMails").asBoolean(true));
    model.addAttribute("reviewMails", !me.ok() || me.body().path("reviewMails").asBoolean(true));
    if (me.ok()) {
      model.addAttribute("name", me.body().path("name").asString(""));
      model.addAttribute("bio", me.body().path("bio").asString(""));
      model.addAttribute("website", me.body().path("website").asString(""));
      model.addAttribute("avatar", me.body().path("avatar").asString(""));
      model.addAttribute("twoStep", me.body().path("twoStep").asBoolean(false));
      model.addAttribute("twoStepRequired", me.body().path("twoStepRequired").asBoolean(false));
      model.addAttribute("recoveryCodesLeft", me.body().path("recoveryCodesLeft").asInt(0));
    }
    return "admin/account";
  }

  /**
   * The profile; a picture chosen here goes to the blog's library first (as the editor's uploads
   * do), and the profile keeps its address.
   */
  @PostMapping("/admin/account/profile")
  String profile(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String bio,
      @RequestParam(defaultValue = "") String website,
      @RequestParam(defaultValue = "") String avatar,
      @RequestParam(defaultValue = "false") boolean removePicture,
      @RequestParam(name = "picture", required = false) MultipartFile picture,
      HttpSession session,
      RedirectAttributes redirect)
      throws IOException {
    String chosen = removePicture ? "" : avatar;
    List<String> added = List.of();
    if (picture != null && !picture.isEmpty()) {
      var uploaded =
          checked(
              api.uploadImage(token(client), picture.getOriginalFilename(), picture.getBytes()));
      if (!uploaded.ok()) {
        redirect.addFlashAttribute("error", uploaded.problem());
        return "redirect:/admin/account";
      }
      added = AdminApi.added(uploaded).stream().toList();
      chosen = uploaded.body().path("url").asString();
    }
    var answer = checked(api.setProfile(token(client), name, bio, website, chosen));
    if (answer.ok()) {
      var saved = answer.body();
      // the header greets them by it at once, not at their next sign-in
      session.setAttribute(StaffPages.RENAMED, saved.path("name").asString(name.strip()));
      blog.rememberProfile(
          saved.path("id").asString(),
          saved.path("name").asString(name.strip()),
          saved.path("bio").asString(""),
          saved.path("website").asString(""),
          saved.path("avatar").asString(""));
    } else {
      api.withdraw(token(client), added);
    }
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Your profile is saved: your author page shows it now, your posts within a minute."
            : answer.problem());
    return "redirect:/admin/account";
  }

  @PostMapping("/admin/account/notifications")
  String notifications(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "false") boolean commentMails,
      @RequestParam(defaultValue = "false") boolean reviewMails,
      @ModelAttribute("staff") StaffMember staff,
      RedirectAttributes redirect) {
    // only editors and up are asked to review, and only they see the box
    Boolean review = staff.isEditor() ? reviewMails : null;
    var answer = checked(api.setMailPreferences(token(client), commentMails, review));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok() ? answer.problem() : mailsSaved(commentMails, review));
    return "redirect:/admin/account";
  }

  private static String mailsSaved(boolean commentMails, Boolean reviewMails) {
    String comments =
        commentMails
            ? "You will get a mail when a reader comments on one of your posts"
            : "You will get no mails about comments";
    if (reviewMails == null) {
      return comments + ".";
    }
    return comments
        + (reviewMails
            ? ", and one when a draft is submitted for review."
            : ", and none about drafts submitted for review.");
  }

  /**
   * A new password signs every other browser out (this one stays signed in, as in WordPress), so
   * whoever knew the old one is asked for the new one.
   */
  @PostMapping("/admin/account/password")
  String changePassword(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      @RequestParam(defaultValue = "") String confirmation,
      Authentication signedIn,
      HttpSession session,
      RedirectAttributes redirect) {
    if (!newPassword.equals(confirmation)) {
      redirect.addFlashAttribute("error", "The two new passwords are not the same.");
      return "redirect:/admin/account";
    }
    var answer =
        checked(
            api.changePassword(
                token(client), currentPassword, newPassword, OtherBrowsers.sid(signedIn)));
    if (answer.ok()) {
      otherBrowsers.endAllBut(signedIn, session.getId());
    }
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Your password is changed. Every other browser is signed out."
            : answer.problem());
    return "redirect:/admin/account";
  }

  /**
   * A secret for an authenticator app while two-step sign-in is set up, kept in the session until a
   * code of it confirms it.
   *
   * @param key the secret, in groups of four letters, for an app that cannot scan
   * @param qrCode the QR code of its {@code otpauth://} address, as auth-service draws it (SVG)
   */
  record TwoStepSetup(String key, String qrCode) implements Serializable {

    private static final String ATTRIBUTE = TwoStepSetup.class.getName();

    /** The QR code as an image's address: an SVG image runs no script, whatever it holds. */
    public String qrCodeImage() {
      return "data:image/svg+xml;base64,"
          + Base64.getEncoder().encodeToString(qrCode.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A new secret for their authenticator app, shown with its QR code until a code confirms it. */
  @PostMapping("/admin/account/two-step")
  String beginTwoStep(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      HttpSession session,
      RedirectAttributes redirect) {
    var answer = checked(api.beginTwoStep(token(client)));
    if (answer.ok()) {
      var setup =
          new TwoStepSetup(
              answer.body().path("key").asString(), answer.body().path("qrCode").asString());
      session.setAttribute(TwoStepSetup.ATTRIBUTE, setup);
      redirect.addFlashAttribute("setup", setup);
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/account#two-step";
  }

  /** The code the app shows turns two-step sign-in on; the recovery codes are shown this once. */
  @PostMapping("/admin/account/two-step/confirm")
  String confirmTwoStep(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String code,
      HttpSession session,
      RedirectAttributes redirect) {
    var answer = checked(api.confirmTwoStep(token(client), code.strip()));
    if (answer.ok()) {
      session.removeAttribute(TwoStepSetup.ATTRIBUTE);
      showOnce(answer, redirect);
      redirect.addFlashAttribute(
          "message",
          "Two-step sign-in is on: from now on, signing in asks for a code of your app.");
    } else {
      // the same secret is still being set up: its QR code stays on the page
      redirect.addFlashAttribute("setup", session.getAttribute(TwoStepSetup.ATTRIBUTE));
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/account#two-step";
  }

  /** GitHub's "Regenerate recovery codes": the new ones shown this once, the old ones gone. */
  @PostMapping("/admin/account/two-step/recovery-codes")
  String renewRecoveryCodes(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String currentPassword,
      RedirectAttributes redirect) {
    var answer = checked(api.renewRecoveryCodes(token(client), currentPassword));
    if (answer.ok()) {
      showOnce(answer, redirect);
      redirect.addFlashAttribute(
          "message", "Here are your new recovery codes; the ones you had before work no more.");
    } else {
      redirect.addFlashAttribute("error", answer.problem());
    }
    return "redirect:/admin/account#two-step";
  }

  /** The recovery codes of the answer, for the next page to show this once. */
  private static void showOnce(AdminApi.Answer answer, RedirectAttributes redirect) {
    var recovery = new ArrayList<String>();
    answer.body().path("recoveryCodes").forEach(one -> recovery.add(one.asString()));
    redirect.addFlashAttribute("recoveryCodes", recovery);
  }

  @PostMapping("/admin/account/two-step/off")
  String turnTwoStepOff(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String currentPassword,
      RedirectAttributes redirect) {
    var answer = checked(api.turnTwoStepOff(token(client), currentPassword));
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok()
            ? "Two-step sign-in is off: your password alone signs you in."
            : answer.problem());
    return "redirect:/admin/account#two-step";
  }

  /** WordPress's "Log Out Everywhere Else": a computer left signed in, a lost phone. */
  @PostMapping("/admin/account/browsers/sign-out-elsewhere")
  String signOutElsewhere(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      Authentication signedIn,
      HttpSession session,
      RedirectAttributes redirect) {
    var answer = checked(api.signOutElsewhere(token(client), OtherBrowsers.sid(signedIn)));
    if (answer.ok()) {
      otherBrowsers.endAllBut(signedIn, session.getId());
    }
    int count = answer.ok() ? answer.body().path("signedOut").asInt() : 0;
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        !answer.ok()
            ? answer.problem()
            : count == 1
                ? "You are signed out of 1 other browser."
                : "You are signed out of " + count + " other browsers.");
    return "redirect:/admin/account#browsers";
  }

  @PostMapping("/admin/account/browsers/sign-out")
  String signOutAt(
      @RegisteredOAuth2AuthorizedClient("inkwell") OAuth2AuthorizedClient client,
      @RequestParam(defaultValue = "") String sid,
      Authentication signedIn,
      RedirectAttributes redirect) {
    if (sid.isBlank()) {
      redirect.addFlashAttribute("error", "Say which browser to sign out.");
      return "redirect:/admin/account#browsers";
    }
    var answer = checked(api.signOutAt(token(client), sid));
    if (answer.ok() || answer.status() == 404) {
      otherBrowsers.endAt(signedIn, sid);
    }
    redirect.addFlashAttribute(
        answer.ok() ? "message" : "error",
        answer.ok() ? "That browser is signed out." : answer.problem());
    return "redirect:/admin/account#browsers";
  }
}
