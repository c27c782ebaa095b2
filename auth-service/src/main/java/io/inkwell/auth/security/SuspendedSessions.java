package io.inkwell.auth.security;

import io.inkwell.auth.staff.StaffAccount;
import io.inkwell.auth.staff.StaffManagement;
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
 * Signs out, at the authorization endpoint, a session whose account was suspended after it signed
 * in: the browser is then asked for a password, which a suspended account cannot pass, instead of
 * getting a code that would lead to no token (and a client that starts over).
 */
class SuspendedSessions extends OncePerRequestFilter {

  private final StaffManagement staff;

  SuspendedSessions(StaffManagement staff) {
    this.staff = staff;
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
        && staff.byEmail(signedIn.getName()).map(StaffAccount::suspended).orElse(true)) {
      new SecurityContextLogoutHandler().logout(request, response, signedIn);
    }
    chain.doFilter(request, response);
  }
}
