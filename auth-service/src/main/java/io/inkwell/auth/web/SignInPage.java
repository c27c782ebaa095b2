package io.inkwell.auth.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in form staff see on their way into the admin, in the blog's name and colours. Spring
 * Security's form login processes what it posts.
 */
@Controller
class SignInPage {

  @GetMapping("/login")
  String signIn() {
    return "login";
  }
}
