package io.inkwell.auth.web;

import io.inkwell.auth.AuthSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form staff see on their way into the admin, in the blog's name and colours. Spring
 * Security's form login processes what it posts.
 */
@Controller
class SignInPage {

  private final AuthSettings settings;

  SignInPage(AuthSettings settings) {
    this.settings = settings;
  }

  @GetMapping("/login")
  String signIn(Model model) {
    model.addAttribute("blogName", settings.blogName());
    return "login";
  }
}
