package io.inkwell.auth.security;

import io.inkwell.auth.staff.SetupCodes;
import io.inkwell.auth.staff.SignInAttempts;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.auth.staff.TwoStep;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The second step of signing in, for staff who turned it on: the sign-in form, after the right
 * password, asks for a code of their authenticator app (or a recovery code) and posts it to {@code
 * /login} again. Only then is the person signed in, with "Keep me signed in" as they ticked it. The
 * password step is remembered in the session for five minutes (30 while two-step sign-in is set up,
 * which may take installing an app); wrong codes count as wrong passwords do, so ten of them lock
 * the address. On a blog that requires two-step sign-in, a staff member without it sets it up here
 * instead: first the code mailed to the account's address ({@link SetupCodes}) shows that the
 * mailbox is theirs too (wrong ones count as wrong passwords), then the page shows a new secret,
 * and its first code both turns two-step sign-in on and signs them in.
 */
public class TwoStepCodes extends AbstractAuthenticationProcessingFilter {

  /** The session attribute of a sign-in whose password was right and whose code is awaited. */
  public static final String AWAITED = TwoStepCodes.class.getName() + ".awaited";

  /** The session attribute of the secret set up while signing in, until its code is typed. */
  public static final String SETUP = TwoStepCodes.class.getName() + ".setup";

  /** The session attribute of the address whose mailed setup code was typed in this session. */
  public static final String MAILBOX = TwoStepCodes.class.getName() + ".mailbox";

  /** The session attribute of the recovery codes of two-step sign-in set up while signing in. */
  public static final String RECOVERY_CODES = TwoStepCodes.class.getName() + ".recoveryCodes";

  private static final Duration WAIT = Duration.ofMinutes(5);

  /** Long enough to find, install and open an authenticator app for the first time. */
  private static final Duration SETUP_WAIT = Duration.ofMinutes(30);

  private static final RequestMatcher SIGN_IN_FORM =
      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

  private final TwoStep twoStep;
  private final SignInAttempts attempts;
  private final StaffManagement staff;
  private final Clock clock;
  private final SignInOutcomes outcomes;
  private final SetupCodes setupCodes;

  TwoStepCodes(
      TwoStep twoStep,
      SignInAttempts attempts,
      StaffManagement staff,
      Clock clock,
      SignInOutcomes outcomes,
      SetupCodes setupCodes) {
    super(request -> SIGN_IN_FORM.matches(request) && request.getParameter("code") != null);
    this.twoStep = twoStep;
    this.attempts = attempts;
    this.staff = staff;
    this.clock = clock;
    this.outcomes = outcomes;
    this.setupCodes = setupCodes;
    setAuthenticationManager(authentication -> authentication);
  }

  /**
   * Who gave the right password, when, whether they asked to be kept signed in, and whether they
   * are to set two-step sign-in up first (the blog requires it, and they have not).
   */
  public record Awaited(String email, Instant since, boolean keepSignedIn, boolean setup)
      implements Serializable {}

  /**
   * After the right password: the code is asked for next, of a secret set up now if {@code setup}.
   */
  static void await(HttpServletRequest request, String email, Clock clock, boolean setup) {
    if (!(request.getSession().getAttribute(AWAITED) instanceof Awaited before)
        || !before.email().equals(email)) {
      // the secret shown to this person stays theirs to scan, should their password come again
      request.getSession().removeAttribute(SETUP);
      request.getSession().removeAttribute(MAILBOX);
    }
    request
        .getSession()
        .setAttribute(
            AWAITED,
            new Awaited(
                email, clock.instant(), request.getParameter("remember-me") != null, setup));
  }

  /** The sign-in waiting for its code in this session, if it has not waited too long. */
  public static Awaited awaited(HttpSession session, Clock clock) {
    if (session == null || !(session.getAttribute(AWAITED) instanceof Awaited awaited)) {
      return null;
    }
    return awaited.since().plus(awaited.setup() ? SETUP_WAIT : WAIT).isAfter(clock.instant())
        ? awaited
        : null;
  }

  /** Whether the code mailed to this address was typed in this session. */
  public static boolean mailboxProven(HttpSession session, String email) {
    return session != null && email.equals(session.getAttribute(MAILBOX));
  }

  @Override
  public Authentication attemptAuthentication(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    Awaited awaited = awaited(request.getSession(false), clock);
    if (awaited == null) {
      throw new CodeNotAwaited();
    }
    String email = awaited.email();
    if (attempts.locked(email)) {
      outcomes.count(SignInOutcomes.Outcome.LOCKED);
      throw new LockedException("Too many wrong codes for this address; it is locked a while");
    }
    if (awaited.setup() && !mailboxProven(request.getSession(), email)) {
      proveMailbox(request, email);
      // not signed in yet: the page shows the secret to set up next
      response.sendRedirect(request.getContextPath() + "/login?setup");
      return null;
    }
    if (awaited.setup()) {
      setUp(request, email);
    } else if (!twoStep.passes(email, request.getParameter("code"))) {
      outcomes.count(SignInOutcomes.Outcome.WRONG_CODE);
      attempts.failed(email);
      throw new WrongCode();
    }
    request.getSession().removeAttribute(AWAITED);
    attempts.cleared(email);
    var user = staff.loadUserByUsername(email);
    if (!user.isEnabled()) {
      throw new DisabledException("suspended while the code was typed");
    }
    outcomes.count(SignInOutcomes.Outcome.SIGNED_IN);
    // both factors, each when it was given: tokens say when the person signed in (auth_time)
    List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
    authorities.add(
        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
            .issuedAt(awaited.since())
            .build());
    authorities.add(FactorGrantedAuthority.withFactor("TOTP").issuedAt(clock.instant()).build());
    return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
  }

  /**
   * Takes the code mailed to the account's address; a wrong one is a guess at six digits, and
   * counts toward the lock as a wrong password does.
   */
  private void proveMailbox(HttpServletRequest request, String email) {
    var account = staff.byEmail(email).orElseThrow(CodeNotAwaited::new);
    if (!setupCodes.use(account, request.getParameter("code"))) {
      outcomes.count(SignInOutcomes.Outcome.WRONG_CODE);
      attempts.failed(email);
      throw new WrongCode();
    }
    request.getSession().setAttribute(MAILBOX, email);
  }

  /**
   * Turns two-step sign-in on with the secret the sign-in page showed, when the code is one of it
   * (a typo is no guess at anything: it counts toward no lock); its recovery codes are shown next.
   */
  private void setUp(HttpServletRequest request, String email) {
    String staffId = staff.byEmail(email).orElseThrow(CodeNotAwaited::new).id();
    if (request.getSession().getAttribute(SETUP) == null) {
      throw new CodeNotAwaited();
    }
    var recoveryCodes =
        twoStep
            .confirm(staffId, request.getParameter("code"))
            .orElseThrow(
                () -> {
                  outcomes.count(SignInOutcomes.Outcome.WRONG_CODE);
                  return new WrongCode();
                });
    request.getSession().removeAttribute(SETUP);
    request.getSession().setAttribute(RECOVERY_CODES, new ArrayList<>(recoveryCodes));
  }

  /**
   * The right password, and a second step next: the code of the account's authenticator app, or,
   * for an account without two-step sign-in on a blog that requires it, setting it up.
   */
  static class CodeRequired extends AuthenticationException {
    private final String email;
    private final boolean setup;

    private CodeRequired(String email, boolean setup) {
      super(
          setup
              ? "the password was right; the blog requires two-step sign-in, which is set up next"
              : "the password was right; a code of the authenticator app is next");
      this.email = email;
      this.setup = setup;
    }

    static CodeRequired of(String email) {
      return new CodeRequired(email, false);
    }

    static CodeRequired afterSetup(String email) {
      return new CodeRequired(email, true);
    }

    String email() {
      return email;
    }

    boolean setup() {
      return setup;
    }
  }

  /**
   * A code that is not the app's now, was used already, or is no recovery code left; or not the one
   * last mailed, or too old.
   */
  static class WrongCode extends BadCredentialsException {
    WrongCode() {
      super("not a code of the authenticator app, nor a recovery code");
    }
  }

  /** A code posted without a right password before it in this session (or too long after). */
  static class CodeNotAwaited extends AuthenticationException {
    CodeNotAwaited() {
      super("no sign-in waits for a code here");
    }
  }
}
