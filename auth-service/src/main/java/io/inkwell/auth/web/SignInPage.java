package io.inkwell.auth.web;

import io.inkwell.auth.security.TwoStepCodes;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in form staff see on their way into the admin, in the blog's name and colours. Spring
 * Security's form login processes what it posts; after the right password of an account that signs
 * in in two steps, the same page asks for the code ({@code TwoStepCodes} takes it).
 */
@Controller
class SignInPage {

  private final Clock clock;

  SignInPage(Clock clock) {
    this.clock = clock;
  }

  @GetMapping("/login")
  String signIn(HttpSession session, @RequestParam(required = false) String again, Model model) {
    if (again != null) {
      session.removeAttribute(TwoStepCodes.AWAITED);
    }
    var awaited = TwoStepCodes.awaited(session, clock);
    if (awaited != null) {
      model.addAttribute("codeFor", awaited.email());
      model.addAttribute("keepSignedIn", awaited.keepSignedIn());
    }
    return "login";
  }
}
