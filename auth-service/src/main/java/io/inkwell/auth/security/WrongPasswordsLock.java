package io.inkwell.auth.security;

import io.inkwell.auth.staff.SignInAttempts;
import io.inkwell.auth.staff.TwoStep;
import io.inkwell.auth.staff.TwoStepPolicy;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;

/**
 * The sign-in form's password check, refused at once for an address that too many wrong passwords
 * locked ({@link SignInAttempts}), before the address is even looked up: a locked address that is
 * nobody's is answered as one that is staff's. The right password of an account that signs in in
 * two steps signs nobody in yet: {@link TwoStepCodes} asks for the code; nor does that of an
 * account without it where the blog requires it ({@link TwoStepPolicy}): it is set up first.
 */
class WrongPasswordsLock implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInAttempts attempts;
  private final TwoStep twoStep;
  private final TwoStepPolicy policy;
  private final SignInOutcomes outcomes;

  WrongPasswordsLock(
      AuthenticationProvider passwords,
      SignInAttempts attempts,
      TwoStep twoStep,
      TwoStepPolicy policy,
      SignInOutcomes outcomes) {
    this.passwords = passwords;
    this.attempts = attempts;
    this.twoStep = twoStep;
    this.policy = policy;
    this.outcomes = outcomes;
  }

  @Override
  public Authentication authenticate(Authentication attempt) {
    String email = attempt.getName();
    if (attempts.locked(email)) {
      outcomes.count(SignInOutcomes.Outcome.LOCKED);
      throw new LockedException("Too many wrong passwords for this address; it is locked a while");
    }
    try {
      Authentication signedIn = passwords.authenticate(attempt);
      // wrong codes after a right password count on: the password again starts no new count
      if (twoStep.required(email)) {
        outcomes.count(SignInOutcomes.Outcome.CODE_ASKED);
        throw TwoStepCodes.CodeRequired.of(email);
      }
      if (policy.required()) {
        outcomes.count(SignInOutcomes.Outcome.SETUP_ASKED);
        throw TwoStepCodes.CodeRequired.afterSetup(email);
      }
      attempts.cleared(email);
      outcomes.count(SignInOutcomes.Outcome.SIGNED_IN);
      return signedIn;
    } catch (BadCredentialsException wrong) {
      outcomes.count(SignInOutcomes.Outcome.WRONG_PASSWORD);
      attempts.failed(email);
      throw wrong;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return passwords.supports(authentication);
  }
}
