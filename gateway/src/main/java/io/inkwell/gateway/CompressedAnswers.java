package io.inkwell.gateway;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServer;

/**
 * What Reactor Netty's compression ({@code server.compression}) leaves to the gateway. It says
 * {@code Vary: Accept-Encoding} on every answer of a type the gateway compresses: the same address
 * answers a client that takes gzip differently from one that does not, and a cache in front of the
 * gateway (a CDN, a proxy) must keep the two apart, as nginx's {@code gzip_vary} and Tomcat tell
 * it. And it leaves a part of a file (206, asked with {@code Range}, as a download manager resuming
 * the blog's export does) as it is: its {@code Content-Range} counts the bytes of the file, not of
 * a gzipped part, which would be taken for a part of a gzipped whole.
 *
 * <p>A 304 says {@code Vary: Accept-Encoding} too, since it must carry the {@code Vary} its 200
 * would have (RFC 9110, 15.4.5) and has no type to tell: nearly every answer a client revalidates
 * here is a page, a feed or JSON; on a picture's 304 the surplus only makes a cache keep the
 * picture once per encoding. ETags stay as the services made them, also on a gzipped answer (where
 * nginx weakens them): clients send them back in {@code If-Match}, which compares strongly, and an
 * editor's save would be refused as a conflict.
 */
@Component
class CompressedAnswers implements WebFilter, Ordered, NettyServerCustomizer {

  @Override
  public HttpServer apply(HttpServer server) {
    var compressed = server.configuration().compressPredicate();
    if (compressed == null) {
      // compression is off
      return server;
    }
    return server.compress(
        (request, response) ->
            response.status().code() != HttpStatus.PARTIAL_CONTENT.value()
                && compressed.test(request, response));
  }

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
          if ((compressible(headers.getFirst(HttpHeaders.CONTENT_TYPE))
                  || HttpStatus.NOT_MODIFIED.equals(response.getStatusCode()))
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
