package io.inkwell.auth.security;

import io.inkwell.auth.staff.SetupCodes;
import io.inkwell.auth.staff.StaffManagement;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Where the sign-in form goes when it did not sign anyone in: a wrong address or password is said
 * one way; a suspended account (right password) another; an address locked by too many wrong
 * passwords a third, whoever's it is. The right password of an account that signs in in two steps
 * leads to the form's code field, and a wrong code back to it; of an account that is to set
 * two-step sign-in up, to the field of the code this mails it first.
 */
class SignInFailures implements AuthenticationFailureHandler {

  private final ExceptionMappingAuthenticationFailureHandler mapped =
      new ExceptionMappingAuthenticationFailureHandler();
  private final Clock clock;
  private final StaffManagement staff;
  private final SetupCodes setupCodes;

  SignInFailures(Clock clock, StaffManagement staff, SetupCodes setupCodes) {
    this.clock = clock;
    this.staff = staff;
    this.setupCodes = setupCodes;
    mapped.setDefaultFailureUrl("/login?error");
    mapped.setExceptionMappings(
        Map.of(
            DisabledException.class.getName(), "/login?suspended",
            LockedException.class.getName(), "/login?locked",
            TwoStepCodes.WrongCode.class.getName(), "/login?code&wrong",
            TwoStepCodes.CodeNotAwaited.class.getName(), "/login?expired"));
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException, ServletException {
    if (failure instanceof TwoStepCodes.CodeRequired required) {
      TwoStepCodes.await(request, required.email(), clock, required.setup());
      if (required.setup() && !TwoStepCodes.mailboxProven(request.getSession(), required.email())) {
        staff.byEmail(required.email()).ifPresent(setupCodes::mail);
      }
      response.sendRedirect(
          request.getContextPath() + (required.setup() ? "/login?setup" : "/login?code"));
      return;
    }
    if (failure instanceof InternalAuthenticationServiceException) {
      // no wrong password but the accounts out of reach (a database away): not "try again"
      // with the form, but the service's own answer (DatabaseOutages)
      throw failure;
    }
    mapped.onAuthenticationFailure(request, response, failure);
  }
}
