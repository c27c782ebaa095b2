package io.inkwell.posts.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.web.client.ResourceAccessException;

class SecurityProblemsTests {

  private final SecurityProblems problems = new SecurityProblems();

  @Test
  void signingKeysOutOfReachAreAServiceUnavailableForAWhile() throws Exception {
    var response = new MockHttpServletResponse();
    var keysAway =
        new AuthenticationServiceException(
            "An error occurred while attempting to decode the Jwt",
            new JwtException(
                "Couldn't retrieve remote JWK set",
                new ResourceAccessException("I/O error", new ConnectException("refused"))));

    problems.onAuthenticationFailure(new MockHttpServletRequest(), response, keysAway);

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("10");
    assertThat(response.getContentAsString()).contains("sign-in-unavailable");
  }

  @Test
  void anythingElseThatWentWrongCheckingATokenStaysAnError() {
    var broken =
        new AuthenticationServiceException(
            "converter failed", new IllegalStateException("a bug of ours"));

    assertThatThrownBy(
            () ->
                problems.onAuthenticationFailure(
                    new MockHttpServletRequest(), new MockHttpServletResponse(), broken))
        .isSameAs(broken);
  }
}
