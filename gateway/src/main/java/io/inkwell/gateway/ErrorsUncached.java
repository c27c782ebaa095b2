package io.inkwell.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * No error leaves the gateway as an answer a cache may keep. A service names an answer's caching as
 * soon as it has it (a published post: public, a minute, with its ETag), and when that answer then
 * fails (a 406 for an {@code Accept} it cannot meet) the error would carry it: a CDN or proxy in
 * front of the blog would hand the error to every reader of the address for that minute, which one
 * odd request could do on purpose (a cache-poisoned denial of service). The services drop it
 * themselves (their {@code ProblemHandler}); this holds for every service and page, and for the
 * gateway's own refusals: a 4xx or 5xx says {@code no-store}, without an ETag or date to
 * revalidate.
 */
@Component
class ErrorsUncached implements WebFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    var response = exchange.getResponse();
    response.beforeCommit(
        () -> {
          var status = response.getStatusCode();
          if (status != null && status.isError()) {
            HttpHeaders headers = response.getHeaders();
            String caching = headers.getCacheControl();
            if (caching == null || !caching.contains("no-store")) {
              headers.setCacheControl("no-store");
            }
            headers.remove(HttpHeaders.ETAG);
            headers.remove(HttpHeaders.LAST_MODIFIED);
            headers.remove(HttpHeaders.EXPIRES);
          }
          return Mono.empty();
        });
    return chain.filter(exchange);
  }

  /** Around everything, so that the gateway's own refusals are seen too. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
