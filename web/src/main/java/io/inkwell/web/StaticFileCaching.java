package io.inkwell.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers keep the stylesheets, scripts and icons. Pages link them by addresses with a
 * hash of their content ({@code /css/inkwell-3f2a….css}, Spring's content version strategy), so
 * those are kept a year and never asked again: a new build links new addresses. The same files
 * asked by their plain names (the gateway's error pages, {@code /favicon.ico}, the language files
 * Prism's autoloader fetches from {@code /webjars/prismjs/components/}) are kept an hour. Left
 * alone, Spring Security marks them {@code no-store}, and every page view fetched them again.
 */
@Component
class StaticFileCaching extends OncePerRequestFilter {

  private static final Pattern FILES =
      Pattern.compile(
          "/(?:css/.+|js/.+|webjars/.+|favicon[^/]*\\.(?:ico|svg)|apple-touch-icon[^/]*\\.png)");

  private static final Pattern VERSIONED = Pattern.compile(".*-[0-9a-f]{32}\\.[a-z]+");

  static final String A_YEAR = "public, max-age=31536000, immutable";

  static final String AN_HOUR = "public, max-age=3600";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !FILES.matcher(request.getRequestURI()).matches()
        || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI();
    response.setHeader(
        HttpHeaders.CACHE_CONTROL, VERSIONED.matcher(path).matches() ? A_YEAR : AN_HOUR);
    chain.doFilter(request, response);
  }
}
