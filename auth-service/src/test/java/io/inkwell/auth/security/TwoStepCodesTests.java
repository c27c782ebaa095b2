package io.inkwell.auth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * How long the second step waits after the password: five minutes for a code, thirty for setting
 * two-step sign-in up (which may take installing an app), with the same secret for the same person.
 */
class TwoStepCodesTests {

  private static final Instant PASSWORD = Instant.parse("2026-12-02T09:00:00Z");

  @Test
  void aCodeIsAwaitedFiveMinutesAndASetupThirty() {
    var code = new MockHttpServletRequest();
    TwoStepCodes.await(code, "jo@example.org", at(PASSWORD), false);
    var setup = new MockHttpServletRequest();
    TwoStepCodes.await(setup, "jo@example.org", at(PASSWORD), true);

    assertThat(TwoStepCodes.awaited(code.getSession(), after(Duration.ofMinutes(4)))).isNotNull();
    assertThat(TwoStepCodes.awaited(code.getSession(), after(Duration.ofMinutes(6)))).isNull();
    assertThat(TwoStepCodes.awaited(setup.getSession(), after(Duration.ofMinutes(29))))
        .isNotNull()
        .satisfies(awaited -> assertThat(awaited.setup()).isTrue());
    assertThat(TwoStepCodes.awaited(setup.getSession(), after(Duration.ofMinutes(31)))).isNull();
  }

  @Test
  void theSecretShownStaysThePersonsWhenTheirPasswordComesAgainAndNobodyElses() {
    var request = new MockHttpServletRequest();
    TwoStepCodes.await(request, "jo@example.org", at(PASSWORD), true);
    request.getSession().setAttribute(TwoStepCodes.SETUP, "Jo's secret");

    TwoStepCodes.await(request, "jo@example.org", after(Duration.ofMinutes(40)), true);
    assertThat(request.getSession().getAttribute(TwoStepCodes.SETUP)).isEqualTo("Jo's secret");

    TwoStepCodes.await(request, "kim@example.org", after(Duration.ofMinutes(41)), true);
    assertThat(request.getSession().getAttribute(TwoStepCodes.SETUP)).isNull();
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  private static Clock after(Duration wait) {
    return at(PASSWORD.plus(wait));
  }
}
