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
 * The reader site's pages may be kept by the reader's own browser, though never shown from there
 * without asking again ({@code private, no-cache}), so that the Back button shows the page a reader
 * left at once from the browser's back/forward cache, which Spring Security's {@code no-store}
 * rules out in Firefox and Safari (and in Chrome once a cookie changed), and reloads it from the
 * browser's own copy. The admin, the pages a subscriber's link opens and secret previews of drafts
 * keep {@code no-store}: what they show is one person's.
 */
@Component
class ReaderPageCaching extends OncePerRequestFilter {

  private static final Pattern READER_PAGES =
      Pattern.compile(
          "/|/posts/[^/]+|/pages/[^/]+|/tags(?:/[^/]+)?|/authors/[^/]+|/search|/subscribe"
              + "|/archive(?:/\\d{4}/\\d{2})?");

  static final String OWN_BROWSER_ONLY = "private, no-cache";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !READER_PAGES.matcher(request.getRequestURI()).matches()
        || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader(HttpHeaders.CACHE_CONTROL, OWN_BROWSER_ONLY);
    chain.doFilter(request, response);
  }
}
