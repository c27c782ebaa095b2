package io.inkwell.web.health;

import io.inkwell.web.reader.Words;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * The database of staff's sessions ({@code Sessions}) away, wherever a request meets it: Spring
 * Session reads a session for every request that carries the cookie, in the filters before any
 * page. The outermost filter, so that it sees what they throw.
 *
 * <ul>
 *   <li>A request that met the outage is answered 503 with {@code Retry-After} within {@code
 *       inkwell.mongodb.wait}: the blog's error page for browsers, a problem for programs. Not a
 *       500 after Tomcat logs a stack trace and its error page meets the same database again, long
 *       after the gateway gave up.
 *   <li>While the driver knows the database to be away ({@link DatabaseReachability}), a reader's
 *       page is served without the session its cookie names (a staff member reading the blog, a
 *       reader whose comment was refused a moment ago): readers read on, as they do without a
 *       cookie. The admin and the sign-in's return keep their session, and so their 503.
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutages extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutages.class);
  private static final String RETRY_AFTER_SECONDS = "10";
  private static final byte[] PROBLEM =
      """
      {"type":"https://inkwell.dev/problems/database-unavailable","title":"Try again shortly",\
      "status":503,"detail":"Signed-in sessions cannot be reached just now; try again in a few \
      seconds."}"""
          .getBytes(StandardCharsets.UTF_8);

  private final DatabaseReachability database;
  private final ThymeleafViewResolver views;
  private final Words words;
  private final String sessionCookie;

  DatabaseOutages(
      DatabaseReachability database,
      ThymeleafViewResolver views,
      Words words,
      @Value("${server.servlet.session.cookie.name:JSESSIONID}") String sessionCookie) {
    this.database = database;
    this.views = views;
    this.words = words;
    this.sessionCookie = sessionCookie;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(
          database.reachable() || staffOnly(request) ? request : new WithoutSession(request),
          response);
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

  /** The admin and the return from auth-service's sign-in, which need the session they name. */
  private static boolean staffOnly(HttpServletRequest request) {
    String path = request.getRequestURI();
    return path.startsWith("/admin") || path.startsWith("/login/");
  }

  private void answer(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    response.reset();
    response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    if (!acceptsHtml(request.getHeader(HttpHeaders.ACCEPT))) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setContentLength(PROBLEM.length);
      response.getOutputStream().write(PROBLEM);
      return;
    }
    // the blog's own error page, in its language; rendered here, outside the session's filter
    request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, words);
    try {
      var page = views.resolveViewName("error", words.resolveLocale(request));
      if (page == null) {
        throw new IllegalStateException("No error page among the templates");
      }
      page.render(Map.of(), request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException("The error page could not be shown", e);
    }
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

  /** The request as if it carried no session cookie: Spring Session then looks nothing up. */
  private final class WithoutSession extends HttpServletRequestWrapper {

    WithoutSession(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Cookie[] getCookies() {
      Cookie[] cookies = super.getCookies();
      return cookies == null
          ? null
          : Arrays.stream(cookies)
              .filter(cookie -> !cookie.getName().equals(sessionCookie))
              .toArray(Cookie[]::new);
    }
  }
}
