package io.inkwell.posts.file.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A {@code Range} that a server must ignore (RFC 9110, 14.2: one in another unit than bytes, or
 * whose ranges are not ranges, such as {@code bytes=abc} or {@code bytes=5-1}) is taken off a
 * file's request before Spring MVC reads it, so the whole file is answered, 200, rather than a 416
 * saying that the file has no such part. A part beyond the file's end is still a 416.
 */
@Component
class IgnoredRanges extends OncePerRequestFilter {

  private static final String RANGES = "(?i)bytes=(.*)";

  private static final Pattern SPEC = Pattern.compile("(\\d+)-(\\d*)|-\\d+");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/files/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var ranges = Collections.list(request.getHeaders(HttpHeaders.RANGE));
    boolean ignored = ranges.size() > 1 || (ranges.size() == 1 && !understood(ranges.get(0)));
    chain.doFilter(ignored ? new WithoutRange(request) : request, response);
  }

  /** Whether this is a byte range-set, each range's end (if any) not before its start. */
  static boolean understood(String header) {
    if (!header.strip().matches(RANGES)) {
      return false;
    }
    String set = header.strip().replaceFirst(RANGES, "$1");
    boolean any = false;
    for (String element : set.split(",", -1)) {
      String spec = element.strip();
      if (spec.isEmpty()) {
        continue; // a list may have empty elements (RFC 9110, 5.6.1)
      }
      var range = SPEC.matcher(spec);
      if (!range.matches()
          || (range.group(1) != null
              && !range.group(2).isEmpty()
              && new BigInteger(range.group(2)).compareTo(new BigInteger(range.group(1))) < 0)) {
        return false;
      }
      any = true;
    }
    return any;
  }

  /** The request as if it had asked for the whole file. */
  private static final class WithoutRange extends HttpServletRequestWrapper {

    WithoutRange(HttpServletRequest request) {
      super(request);
    }

    @Override
    public String getHeader(String name) {
      return HttpHeaders.RANGE.equalsIgnoreCase(name) ? null : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return HttpHeaders.RANGE.equalsIgnoreCase(name)
          ? Collections.emptyEnumeration()
          : super.getHeaders(name);
    }

    @Override
    public Enumeration<String> getHeaderNames() {
      return Collections.enumeration(
          Collections.list(super.getHeaderNames()).stream()
              .filter(name -> !HttpHeaders.RANGE.equalsIgnoreCase(name))
              .toList());
    }
  }
}
