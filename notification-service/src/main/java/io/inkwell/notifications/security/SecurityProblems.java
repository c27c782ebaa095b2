package io.inkwell.notifications.security;

import com.nimbusds.jose.KeySourceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * 401 and 403 as problem+json, keeping the {@code WWW-Authenticate} header RFC 6750 asks for. The
 * detail never says why a token failed beyond what the header says. A token that cannot be checked
 * at all, because auth-service's signing keys cannot be fetched (it is away, and the keys kept from
 * it ran out after 5 minutes), is a 503 with {@code Retry-After}, said in one line of the log: the
 * token may well be good, and nothing here is broken.
 */
@Component
class SecurityProblems
    implements AuthenticationEntryPoint, AccessDeniedHandler, AuthenticationFailureHandler {

  private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);

  private final BearerTokenAuthenticationEntryPoint bearer =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    bearer.commence(request, response, e);
    write(
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthorized",
        "Sign in: this needs a valid access token (Authorization: Bearer ...).");
  }

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    if (!(e instanceof AuthenticationServiceException)) {
      commence(request, response, e);
      return;
    }
    if (!keysOutOfReach(e)) {
      // anything else that went wrong checking a token stays an error, as Spring has it
      throw e;
    }
    log.warn("A token could not be checked: {}", e.getMessage());
    response.setHeader(HttpHeaders.RETRY_AFTER, "10");
    write(
        response,
        HttpStatus.SERVICE_UNAVAILABLE,
        "sign-in-unavailable",
        "Access tokens cannot be checked just now; try again in a few seconds.");
  }

  /** Whether the failure is the signing keys' address not answering, or not as it should. */
  private static boolean keysOutOfReach(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof KeySourceException
          || cause instanceof RestClientException
          || cause instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    denied.handle(request, response, e);
    write(response, HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
  }

  private static void write(
      HttpServletResponse response, HttpStatus status, String type, String detail)
      throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String body =
        """
        {"type":"https://inkwell.dev/problems/%s","title":"%s","status":%d,"detail":"%s"}"""
            .formatted(type, status.getReasonPhrase(), status.value(), detail);
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
