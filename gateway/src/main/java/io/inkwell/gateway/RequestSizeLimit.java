package io.inkwell.gateway;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses bodies above the configured size before they reach any service: at once when the
 * Content-Length says so, and by counting when the body comes chunked without one. Pictures
 * uploaded to the upload paths may be larger than any other body, and audio, video and documents
 * uploaded to the file upload paths larger still. An address or headers longer than the services
 * are set to take are refused too (a browser carrying too many cookies), as a problem rather than
 * an error page of theirs or Netty's empty answer.
 */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

  /**
   * How far beyond the limit a body is still read, and dropped, after the 413: a client that sends
   * all of its body before it reads (Python's http.client, Node's http) reads the answer then,
   * where a connection closed under it ends in a reset that loses it, and the connection carries
   * the next request. A body declared larger ends the connection at once.
   */
  private static final long MAX_DISCARDED_BYTES = DataSize.ofMegabytes(64).toBytes();

  private final long maxRequestBytes;
  private final long maxUploadBytes;
  private final long maxFileUploadBytes;
  private final long maxUriLength;
  private final long maxHeaderSize;
  private final List<PathPattern> uploadPaths;
  private final List<PathPattern> fileUploadPaths;

  RequestSizeLimit(GatewaySettings settings) {
    this.maxRequestBytes = settings.maxRequestSize().toBytes();
    this.maxUploadBytes = settings.maxUploadSize().toBytes();
    this.maxUriLength = settings.maxUriLength().toBytes();
    this.maxHeaderSize = settings.maxHeaderSize().toBytes();
    this.maxFileUploadBytes = settings.maxFileUploadSize().toBytes();
    this.uploadPaths = patterns(settings.uploadPaths());
    this.fileUploadPaths = patterns(settings.fileUploadPaths());
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var request = exchange.getRequest();
    String query = request.getURI().getRawQuery();
    long uriLength =
        request.getURI().getRawPath().length() + (query == null ? 0 : query.length() + 1);
    if (uriLength > maxUriLength) {
      return Problems.write(
          exchange, HttpStatus.URI_TOO_LONG, "uri-too-long", uriTooLong(maxUriLength));
    }
    if (headerSize(request.getHeaders()) > maxHeaderSize) {
      return Problems.write(
          exchange,
          HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
          "headers-too-large",
          headersTooLarge(maxHeaderSize));
    }
    boolean post = request.getMethod() == HttpMethod.POST;
    var path = request.getPath().pathWithinApplication();
    long maxBytes =
        post && fileUploadPaths.stream().anyMatch(pattern -> pattern.matches(path))
            ? maxFileUploadBytes
            : post && uploadPaths.stream().anyMatch(pattern -> pattern.matches(path))
                ? maxUploadBytes
                : maxRequestBytes;
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > maxBytes) {
      if (length - maxBytes > MAX_DISCARDED_BYTES
          || request.getHeaders().getFirst("Expect") != null) {
        // not worth reading to the end, or never sent: the connection ends with this answer
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      }
      return Problems.write(
          exchange,
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          PayloadTooLarge.detail(maxBytes));
    }
    if (length >= 0) {
      return chain.filter(exchange);
    }
    var counted =
        new ServerHttpRequestDecorator(exchange.getRequest()) {
          private final AtomicLong seen = new AtomicLong();

          @Override
          public Flux<DataBuffer> getBody() {
            return super.getBody()
                .map(
                    buffer -> {
                      if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        throw new PayloadTooLarge(maxBytes);
                      }
                      return buffer;
                    });
          }
        };
    return chain.filter(exchange.mutate().request(counted).build());
  }

  private static List<PathPattern> patterns(List<String> paths) {
    return paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
  }

  static String uriTooLong(long maxUriLength) {
    return "The address is longer than " + maxUriLength + " characters.";
  }

  static String headersTooLarge(long maxHeaderSize) {
    return "The request's headers are larger than "
        + maxHeaderSize
        + " bytes; clearing this site's cookies may help.";
  }

  /** The headers' bytes as they came: each line's name, value, ": " and line end. */
  private static long headerSize(HttpHeaders headers) {
    long size = 0;
    for (var header : headers.headerSet()) {
      for (String value : header.getValue()) {
        size += header.getKey().length() + value.length() + 4;
      }
    }
    return size;
  }

  /** Right after Spring Security's filter chain (order -100): a 413 carries its headers too. */
  @Override
  public int getOrder() {
    return -95;
  }
}
