package io.inkwell.auth.web;

import io.inkwell.auth.health.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A database that does not answer, wherever a request meets it: in a controller, or in the filters
 * before one (the browser's session, which lives in it, ADR 22; the sign-in form; the token
 * endpoint). The request is answered 503 with {@code Retry-After}, a problem for programs and a
 * short page for browsers, instead of a 500 after Tomcat logs a stack trace and its error page
 * meets the same database again. The outermost filter, so that it sees what the others throw.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutages extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);
  private static final String RETRY_AFTER_SECONDS = "10";
  private static final byte[] PAGE = page();
  private static final byte[] PROBLEM =
      """
      {"type":"https://inkwell.dev/problems/database-unavailable","title":"Try again shortly",\
      "status":503,"detail":"The blog's staff accounts cannot be reached just now; try again in \
      a few seconds."}"""
          .getBytes(StandardCharsets.UTF_8);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException failure) {
      if (!DatabaseOutage.causedBy(failure) || response.isCommitted()) {
        throw failure;
      }
      log.warn(
          "The database cannot be reached ({} {}): {}",
          request.getMethod(),
          request.getRequestURI(),
          failure.getMessage());
      answer(request, response);
    }
  }

  private static void answer(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    boolean browser = acceptsHtml(request.getHeader(HttpHeaders.ACCEPT));
    response.reset();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType(
        browser ? "text/html;charset=UTF-8" : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    byte[] body = browser ? PAGE : PROBLEM;
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** A browser asks for HTML by name; a program for JSON, or for anything. */
  private static boolean acceptsHtml(String accept) {
    try {
      return MediaType.parseMediaTypes(accept).stream()
          .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    } catch (InvalidMediaTypeException unreadable) {
      return false;
    }
  }

  private static byte[] page() {
    try (InputStream in =
        DatabaseOutages.class.getResourceAsStream("/pages/database-unavailable.html")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
