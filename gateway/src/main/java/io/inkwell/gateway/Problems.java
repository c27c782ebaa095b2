package io.inkwell.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem+json answers from the gateway itself; to a browser opening a page (not
 * {@code /api}, HTML accepted) the same status as a short page in the blog's theme, so that a
 * person sent too large a file or signing in too often reads a sentence, not JSON.
 */
final class Problems {

  static final String TYPES = "https://inkwell.dev/problems/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  record Problem(String type, String title, int status, String detail, String instance) {}

  /** The answer for this exchange's request: a page for a browser's page, else problem+json. */
  static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String detail) {
    var request = exchange.getRequest();
    String path = request.getPath().value();
    boolean page =
        !path.startsWith("/api/")
            && request.getHeaders().getAccept().stream()
                .anyMatch(
                    accepted ->
                        accepted.isCompatibleWith(MediaType.TEXT_HTML)
                            && !accepted.isWildcardType());
    return page
        ? writePage(exchange.getResponse(), status, detail)
        : write(exchange.getResponse(), status, type, detail, path);
  }

  private static Mono<Void> writePage(
      ServerHttpResponse response, HttpStatus status, String detail) {
    String heading =
        switch (status) {
          case CONTENT_TOO_LARGE -> "That is too large";
          case TOO_MANY_REQUESTS -> "Slow down a little";
          case SERVICE_UNAVAILABLE, GATEWAY_TIMEOUT -> "Back in a moment";
          case NOT_FOUND -> "Nothing here";
          default -> status.getReasonPhrase();
        };
    String html =
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s</title><link rel="stylesheet" href="/css/inkwell.css"></head>
        <body><main id="main" class="wrap"><h1>%1$s</h1><p>%2$s</p>
        <p><a href="/">Back to the blog</a></p></main></body></html>
        """
            .formatted(HtmlUtils.htmlEscape(heading), HtmlUtils.htmlEscape(detail));
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    response
        .getHeaders()
        .setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  static Mono<Void> write(
      ServerHttpResponse response, HttpStatus status, String type, String detail, String path) {
    var problem = new Problem(TYPES + type, status.getReasonPhrase(), status.value(), detail, path);
    byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
