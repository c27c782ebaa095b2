package io.inkwell.web.admin;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Where a sign-in that auth-service did not complete ends (a suspended account, a refused code): a
 * page that says so and offers to try again, instead of starting the sign-in over by itself, which
 * could go round in circles.
 */
@Controller
class SignInFailedPage {

  static final String PATH = "/sign-in-failed";

  @GetMapping(PATH)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String show() {
    return "sign-in-failed";
  }
}
