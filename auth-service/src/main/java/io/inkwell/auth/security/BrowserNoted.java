package io.inkwell.auth.security;

import io.inkwell.auth.staff.SignedInBrowsers;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * After a sign-in, notes in its session the {@code User-Agent} it came with, for the staff member's
 * list of the browsers they are signed in at ("Firefox on Windows"); then goes on where the form
 * always did, to the request the sign-in interrupted.
 */
class BrowserNoted extends SavedRequestAwareAuthenticationSuccessHandler {

  /** Enough for any real browser's; a made-up one longer than that is cut. */
  private static final int LONGEST = 512;

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
      throws ServletException, IOException {
    String agent = request.getHeader("User-Agent");
    if (agent != null) {
      request
          .getSession()
          .setAttribute(
              SignedInBrowsers.USER_AGENT, agent.substring(0, Math.min(agent.length(), LONGEST)));
    }
    super.onAuthenticationSuccess(request, response, signedIn);
  }
}
