package io.inkwell.gateway;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * An upload's route waits for its answer from when the upload has been sent, not from when it
 * began. The library's response timeout runs from the first byte of the request: a picture sent
 * from a phone at 1 Mbit/s (40 seconds for 5 MB) or an episode over a home line was answered 504
 * while it was still arriving. A POST to an upload path (pictures, export files, subscriber lists,
 * audio, video and documents) may take {@code upload-timeout} in all, 30 minutes (100 MB at about
 * half a megabit a second), and once its last byte is sent the service has its route's own time to
 * answer (504 after it, as for any request).
 */
@Component
class UploadTimeouts implements GlobalFilter, Ordered {

  private final List<PathPattern> uploadPaths;
  private final Duration uploadTimeout;
  private final Duration defaultResponseTimeout;

  UploadTimeouts(GatewaySettings settings, HttpClientProperties httpClient) {
    this.uploadPaths =
        Stream.concat(settings.uploadPaths().stream(), settings.fileUploadPaths().stream())
            .map(PathPatternParser.defaultInstance::parse)
            .toList();
    this.uploadTimeout = settings.uploadTimeout();
    this.defaultResponseTimeout = httpClient.getResponseTimeout();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
    var request = exchange.getRequest();
    var path = request.getPath().pathWithinApplication();
    if (route == null
        || request.getMethod() != HttpMethod.POST
        || uploadPaths.stream().noneMatch(pattern -> pattern.matches(path))) {
      return chain.filter(exchange);
    }
    Duration answerWithin = responseTimeout(route);
    exchange.getAttributes().put(GATEWAY_ROUTE_ATTR, withResponseTimeout(route, uploadTimeout));
    Sinks.Empty<Void> sent = Sinks.empty();
    var noticed =
        new ServerHttpRequestDecorator(request) {
          @Override
          public Flux<DataBuffer> getBody() {
            return super.getBody().doOnComplete(sent::tryEmitEmpty);
          }
        };
    var routed = chain.filter(exchange.mutate().request(noticed).build());
    if (answerWithin == null) {
      return routed;
    }
    return routed.timeout(
        sent.asMono().then(Mono.delay(answerWithin)),
        Mono.error(
            () ->
                new TimeoutException(
                    "No answer within " + answerWithin + " of the upload's last byte")));
  }

  /** The route's own wait for an answer; null when it has none. */
  private Duration responseTimeout(Route route) {
    Object own = route.getMetadata().get(RESPONSE_TIMEOUT_ATTR);
    if (own == null) {
      return defaultResponseTimeout;
    }
    long millis =
        own instanceof Number number ? number.longValue() : Long.parseLong(own.toString());
    return millis < 0 ? null : Duration.ofMillis(millis);
  }

  private static Route withResponseTimeout(Route route, Duration timeout) {
    var metadata = new HashMap<>(route.getMetadata());
    metadata.put(RESPONSE_TIMEOUT_ATTR, timeout.toMillis());
    return Route.async()
        .id(route.getId())
        .uri(route.getUri())
        .order(route.getOrder())
        .asyncPredicate(route.getPredicate())
        .replaceFilters(route.getFilters())
        .replaceMetadata(metadata)
        .build();
  }

  /** Inside the route's circuit breaker, which counts a service that does not answer. */
  @Override
  public int getOrder() {
    return 1_000;
  }
}
