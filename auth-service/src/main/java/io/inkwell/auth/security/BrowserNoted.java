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
 * list of the browsers they are signed in at ("Firefox on Windows"), and among the browsers their
 * account knows (one it did not is mailed to them); then goes on where the form always did, to the
 * request the sign-in interrupted.
 */
class BrowserNoted extends SavedRequestAwareAuthenticationSuccessHandler {

  /** Enough for any real browser's; a made-up one longer than that is cut. */
  private static final int LONGEST = 512;

  private final SignedInBrowsers browsers;

  BrowserNoted(SignedInBrowsers browsers) {
    this.browsers = browsers;
  }

  @Override
  public void onAuthenticationSuccess(
      HttpServletRequest request, HttpServletResponse response, Authentication signedIn)
      throws ServletException, IOException {
    String header = request.getHeader("User-Agent");
    String agent = header == null ? null : header.substring(0, Math.min(header.length(), LONGEST));
    if (agent != null) {
      request.getSession().setAttribute(SignedInBrowsers.USER_AGENT, agent);
    }
    browsers.signedIn(signedIn.getName(), agent);
    if (request.getSession().getAttribute(TwoStepCodes.RECOVERY_CODES) != null) {
      // two-step sign-in was set up on the way in: its recovery codes first, then on
      clearAuthenticationAttributes(request);
      getRedirectStrategy().sendRedirect(request, response, "/two-step/recovery-codes");
      return;
    }
    super.onAuthenticationSuccess(request, response, signedIn);
  }
}
