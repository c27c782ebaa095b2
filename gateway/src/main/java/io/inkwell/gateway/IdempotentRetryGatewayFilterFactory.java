package io.inkwell.gateway;

import java.util.Set;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.RetryGatewayFilterFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's {@code Retry}, for GET and HEAD only, without holding request bodies
 * ({@code IdempotentRetry} in the routes). The library's filter has every route it is on keep each
 * request's whole body in memory (its {@code AdaptCachedBodyGlobalFilter}), so that a POST could be
 * sent again: as a default filter, every upload went through the gateway as one buffer as large as
 * the upload, and an episode of 100 MB ran the gateway out of memory. GET and HEAD carry no body,
 * so none is kept; a configuration that would retry any other method is refused at start.
 *
 * <p>A 503 that says {@code Retry-After} is not sent again: the service has told the client when to
 * come back (its database is away, its pictures are busy), and asking twice more at once only
 * triples the wait for the same answer.
 */
@Component
class IdempotentRetryGatewayFilterFactory extends RetryGatewayFilterFactory {

  private static final Set<HttpMethod> WITHOUT_BODY = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  @Override
  public GatewayFilter apply(RetryConfig config) {
    if (!WITHOUT_BODY.containsAll(config.getMethods())) {
      throw new IllegalArgumentException(
          "IdempotentRetry retries GET and HEAD only, not " + config.getMethods());
    }
    return super.apply(config);
  }

  @Override
  public boolean exceedsMaxIterations(ServerWebExchange exchange, RetryConfig config) {
    return exchange.getResponse().getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)
        || super.exceedsMaxIterations(exchange, config);
  }

  /** Nothing to keep: the requests it sends again have no body. */
  @Override
  protected void enableBodyCaching(String routeId) {}
}
