package io.inkwell.gateway;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Says {@code Vary: Accept-Encoding} on every answer of a type the gateway compresses ({@code
 * server.compression}, done by Reactor Netty, which does not say it): the same address answers a
 * client that takes gzip differently from one that does not, and a cache in front of the gateway (a
 * CDN, a proxy) must keep the two apart, as nginx's {@code gzip_vary} and Tomcat tell it.
 */
@Component
class CompressedAnswers implements WebFilter, Ordered {

  private final List<MimeType> compressed;

  CompressedAnswers(@Value("${server.compression.mime-types}") String[] mimeTypes) {
    this.compressed = Arrays.stream(mimeTypes).map(MimeTypeUtils::parseMimeType).toList();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          var headers = response.getHeaders();
          if (compressible(headers.getFirst(HttpHeaders.CONTENT_TYPE))
              && !headers.getVary().contains(HttpHeaders.ACCEPT_ENCODING)) {
            headers.add(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
          }
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  private boolean compressible(String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return compressed.stream().anyMatch(type::isCompatibleWith);
    } catch (InvalidMediaTypeException unreadable) {
      // a service's type nobody can read: Reactor Netty leaves it uncompressed as well
      return false;
    }
  }

  /** Around everything, so that the gateway's own refusals say it too. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
