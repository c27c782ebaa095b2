package io.inkwell.posts.post.web;

import io.inkwell.posts.post.PostSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** The imports, which may take a zip archive and are bounded as they are read instead. */
  private static final Set<String> ARCHIVE_IMPORTS =
      Set.of(
          "/api/imports/blogger",
          "/api/imports/wordpress",
          "/api/imports/ghost",
          "/api/imports/substack",
          "/api/imports/medium");

  /** Lists and feeds get an ETag from their content, so readers' conditional GETs answer 304. */
  @Bean
  FilterRegistrationBean<ShallowEtagHeaderFilter> listEtags() {
    var registration = new FilterRegistrationBean<>(new ShallowEtagHeaderFilter());
    registration.addUrlPatterns(
        "/api/posts",
        "/api/tags",
        "/api/authors",
        "/feed.atom",
        "/feed.rss",
        "/tags/*",
        "/authors/*");
    return registration;
  }

  /**
   * Refuses a request body far beyond what any post can be before it is read: a post is at most
   * {@code max-body-size} of Markdown, and JSON escaping can at most double it. An upload of a
   * picture or a file is bounded by {@code spring.servlet.multipart.*} and their own limits
   * instead, and an export, which may come as a zip archive, as it is read ({@code ExportFile},
   * {@code ExportArchive}).
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> requestSizeLimit(PostSettings settings) {
    long limit = 2 * settings.maxBodySize().toBytes() + 64 * 1024;
    OncePerRequestFilter filter =
        new OncePerRequestFilter() {
          @Override
          protected void doFilterInternal(
              HttpServletRequest request, HttpServletResponse response, FilterChain chain)
              throws ServletException, IOException {
            if (request.getContentLengthLong() > limit) {
              // bytes, as JSON is UTF-8 and needs no charset (the servlet's writer declares
              // ISO-8859-1)
              byte[] problem =
                  ("{\"type\":\"https://inkwell.dev/problems/payload-too-large\","
                          + "\"title\":\"Payload too large\",\"status\":413,"
                          + "\"detail\":\"The request body is larger than "
                          + limit
                          + " bytes.\"}")
                      .getBytes(StandardCharsets.UTF_8);
              response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
              response.setContentType("application/problem+json");
              response.setContentLength(problem.length);
              response.getOutputStream().write(problem);
              return;
            }
            chain.doFilter(request, response);
          }

          @Override
          protected boolean shouldNotFilter(HttpServletRequest request) {
            return "POST".equals(request.getMethod())
                && ("/api/images".equals(request.getRequestURI())
                    || "/api/files".equals(request.getRequestURI())
                    || ARCHIVE_IMPORTS.contains(request.getRequestURI()));
          }
        };
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
