package io.inkwell.auth.security;

import io.inkwell.auth.staff.StaffAccount;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.auth.staff.TwoStepPolicy;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs out, at the authorization endpoint, a session that may not sign in any more: its account
 * was suspended after it signed in, or the blog came to require two-step sign-in of an account
 * without it. The browser is then asked for a password (which a suspended account cannot pass, and
 * after which the other sets two-step sign-in up), instead of getting a code that would lead to no
 * token (and a client that starts over). Web asks here again for each access token, so within 10
 * minutes.
 */
class RefusedSessions extends OncePerRequestFilter {

  private final StaffManagement staff;
  private final TwoStepPolicy policy;

  RefusedSessions(StaffManagement staff, TwoStepPolicy policy) {
    this.staff = staff;
    this.policy = policy;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"/oauth2/authorize".equals(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var signedIn = SecurityContextHolder.getContext().getAuthentication();
    if (signedIn instanceof UsernamePasswordAuthenticationToken
        && signedIn.isAuthenticated()
        && staff.byEmail(signedIn.getName()).map(this::refused).orElse(true)) {
      new SecurityContextLogoutHandler().logout(request, response, signedIn);
    }
    chain.doFilter(request, response);
  }

  private boolean refused(StaffAccount account) {
    return account.suspended() || (!account.twoStep() && policy.required());
  }
}
