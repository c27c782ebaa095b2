package io.inkwell.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Refuses bodies above the configured size before they reach any service. */
@Component
class RequestSizeLimit implements WebFilter, Ordered {

  private final long maxBytes;

  RequestSizeLimit(GatewaySettings settings) {
    this.maxBytes = settings.maxRequestSize().toBytes();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    long length = exchange.getRequest().getHeaders().getContentLength();
    if (length > maxBytes) {
      return Problems.write(
          exchange.getResponse(),
          HttpStatus.CONTENT_TOO_LARGE,
          "payload-too-large",
          "The request body is larger than " + maxBytes + " bytes.",
          exchange.getRequest().getPath().value());
    }
    return chain.filter(exchange);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
