package io.inkwell.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
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

  /**
   * The pages' words in the language, or in English (the base bundle, whose locale has no language)
   * where there are none; never in the machine's own language.
   */
  static ResourceBundle words(String language) {
    return ResourceBundle.getBundle(
        "i18n/pages",
        Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The detail of a refused header, as every service of the platform words it. */
  static final String UNREADABLE_HEADER =
      "A header of the request cannot be read: it holds control characters or bytes that are no"
          + " text.";

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Problem(String type, String title, int status, String detail, String instance) {}

  /** The answer for this exchange's request: a page for a browser's page, else problem+json. */
  static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String type, String detail) {
    var request = exchange.getRequest();
    String path = request.getPath().value();
    return wantsPage(path, acceptOf(request))
        ? writePage(exchange.getResponse(), status, detail, writingOf(exchange))
        : write(exchange.getResponse(), status, type, detail, path);
  }

  /**
   * What the request accepts; nothing in particular when its Accept cannot be read (the refusal of
   * that very header is being written), so that it gets problem+json.
   */
  private static List<MediaType> acceptOf(ServerHttpRequest request) {
    try {
      return request.getHeaders().getAccept();
    } catch (InvalidMediaTypeException | ServerExchangeRejectedException unreadable) {
      return List.of();
    }
  }

  /** Whether a browser is opening a page: outside {@code /api}, HTML named in its Accept. */
  static boolean wantsPage(String path, List<MediaType> accept) {
    return !path.startsWith("/api/")
        && accept.stream()
            .anyMatch(
                accepted ->
                    accepted.isCompatibleWith(MediaType.TEXT_HTML) && !accepted.isWildcardType());
  }

  /** The blog's language as the gateway last heard it; English where it has not. */
  private static SiteLanguage.Writing writingOf(ServerWebExchange exchange) {
    var context = exchange.getApplicationContext();
    var language =
        context == null ? null : context.getBeanProvider(SiteLanguage.class).getIfAvailable();
    return language == null ? SiteLanguage.Writing.ENGLISH : language.current();
  }

  /**
   * A page in the blog's language ({@code i18n/pages*.properties}): in English with the refusal's
   * own detail, in another language with its words for the status, which give no numbers.
   */
  private static Mono<Void> writePage(
      ServerHttpResponse response, HttpStatus status, String detail, SiteLanguage.Writing writing) {
    byte[] body = page(status, detail, writing);
    response.setStatusCode(status);
    response
        .getHeaders()
        .setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  /** The page's bytes (UTF-8). */
  static byte[] page(HttpStatus status, String detail, SiteLanguage.Writing writing) {
    ResourceBundle words = words(writing.language());
    String kind =
        switch (status) {
          case BAD_REQUEST,
              NOT_FOUND,
              METHOD_NOT_ALLOWED,
              CONTENT_TOO_LARGE,
              URI_TOO_LONG,
              REQUEST_HEADER_FIELDS_TOO_LARGE,
              TOO_MANY_REQUESTS,
              SERVICE_UNAVAILABLE ->
              String.valueOf(status.value());
          case GATEWAY_TIMEOUT -> "503";
          default -> "other";
        };
    String heading =
        kind.equals("other") && words.getLocale().getLanguage().isEmpty()
            ? status.getReasonPhrase()
            : words.getString("heading." + kind);
    String text =
        words.getLocale().getLanguage().isEmpty() ? detail : words.getString("text." + kind);
    String html =
        """
        <!DOCTYPE html>
        <html lang="%3$s" dir="%4$s"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s</title><link rel="stylesheet" href="/css/inkwell.css"></head>
        <body><main id="main" class="wrap"><h1>%1$s</h1><p>%2$s</p>
        <p><a href="/">%5$s</a></p></main></body></html>
        """
            .formatted(
                HtmlUtils.htmlEscape(heading, "UTF-8"),
                HtmlUtils.htmlEscape(text, "UTF-8"),
                writing.language(),
                writing.direction(),
                HtmlUtils.htmlEscape(words.getString("back"), "UTF-8"));
    return html.getBytes(StandardCharsets.UTF_8);
  }

  static Mono<Void> write(
      ServerHttpResponse response, HttpStatus status, String type, String detail, String path) {
    byte[] body = problem(status, type, detail, path);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }

  /** The problem's bytes (UTF-8 JSON). */
  static byte[] problem(HttpStatus status, String type, String detail, String path) {
    var problem = new Problem(TYPES + type, status.getReasonPhrase(), status.value(), detail, path);
    return JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
  }
}
