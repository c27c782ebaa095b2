package io.inkwell.auth.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code inkwell.signins{outcome}}: what became of each sign-in at the form, for operators to see
 * someone guessing staff passwords (the overview dashboard, the {@code SignInGuessing} alert).
 * Every outcome is registered at start, so a quiet blog shows zeros, not "No data".
 */
@Component
class SignInOutcomes {

  enum Outcome {
    /** In, with the password (and the code, for two-step sign-in). */
    SIGNED_IN,
    WRONG_PASSWORD,
    /** The right password of an account that signs in in two steps: the code is asked for. */
    CODE_ASKED,
    /**
     * The right password of an account without two-step sign-in on a blog that requires it: it is
     * set up next.
     */
    SETUP_ASKED,
    WRONG_CODE,
    /** Refused at once: too many wrong passwords or codes for the address. */
    LOCKED
  }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  SignInOutcomes(MeterRegistry registry) {
    for (Outcome outcome : Outcome.values()) {
      counters.put(
          outcome,
          Counter.builder("inkwell.signins")
              .description("Sign-ins at the staff sign-in form, by what became of them")
              .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  void count(Outcome outcome) {
    counters.get(outcome).increment();
  }
}
