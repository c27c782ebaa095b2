package io.inkwell.auth.web;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.staff.StaffManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": a staff member asks for a link by address (the answer is the same
 * whether or not the address has an account), gets it by mail, and chooses a new password on the
 * page it opens. A link scanner's GET only shows the form.
 */
@Controller
class PasswordResetPage {

  private static final String PAGE = "password-reset";

  private final StaffManagement staff;
  private final AuthSettings settings;

  PasswordResetPage(StaffManagement staff, AuthSettings settings) {
    this.staff = staff;
    this.settings = settings;
  }

  @GetMapping("/password-reset")
  String show(
      @RequestParam(required = false) String token, Model model, HttpServletResponse response) {
    if (token == null) {
      model.addAttribute("state", "ask");
      return PAGE;
    }
    var account = staff.passwordReset(token);
    if (account.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("state", "invalid");
      return PAGE;
    }
    model.addAttribute("state", "open");
    model.addAttribute("email", account.get().email());
    model.addAttribute("token", token);
    return PAGE;
  }

  /** Asks for a link: mailed if the address is a staff member's, and said the same way if not. */
  @PostMapping(
      path = "/password-reset",
      params = {"email", "!token"})
  String ask(@RequestParam String email, Model model, HttpServletResponse response) {
    String address = email.strip();
    if (address.isEmpty() || address.length() > 254 || !address.contains("@")) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("state", "ask");
      model.addAttribute("problem", "Enter the email address you sign in with.");
      return PAGE;
    }
    staff.requestPasswordReset(address);
    model.addAttribute("state", "asked");
    model.addAttribute("email", address);
    model.addAttribute("validity", settings.passwordReset().validity().toMinutes());
    return PAGE;
  }

  /** Sets the new password the link's owner chose; the link works no more. */
  @PostMapping(path = "/password-reset", params = "token")
  String reset(
      @RequestParam String token,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation,
      Model model,
      HttpServletResponse response) {
    String problem = NewPassword.problem(password, confirmation);
    if (problem != null) {
      response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
      model.addAttribute("problem", problem);
      return show(token, model, response);
    }
    if (!staff.resetPassword(token, password)) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("state", "invalid");
      return PAGE;
    }
    model.addAttribute("state", "done");
    return PAGE;
  }
}
