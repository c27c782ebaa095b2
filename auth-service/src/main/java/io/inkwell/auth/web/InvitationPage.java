package io.inkwell.auth.web;

import io.inkwell.auth.staff.StaffManagement;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where an invitation mail's link leads: the invitee chooses their password, and the link works no
 * more. A link scanner's GET only shows the form.
 */
@Controller
class InvitationPage {

  private final StaffManagement staff;

  InvitationPage(StaffManagement staff) {
    this.staff = staff;
  }

  @GetMapping("/invitation")
  String show(
      @RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
    var account = staff.invitation(token);
    if (account.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("state", "invalid");
      return "invitation";
    }
    model.addAttribute("state", "open");
    model.addAttribute("name", account.get().name());
    model.addAttribute("email", account.get().email());
    model.addAttribute("token", token);
    return "invitation";
  }

  @PostMapping("/invitation")
  String accept(
      @RequestParam(defaultValue = "") String token,
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
    if (!staff.acceptInvitation(token, password)) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("state", "invalid");
      return "invitation";
    }
    model.addAttribute("state", "accepted");
    return "invitation";
  }
}
