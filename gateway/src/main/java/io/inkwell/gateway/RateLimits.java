package io.inkwell.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j) per client address and limit, kept in memory with the least recently
 * seen clients evicted. With more than one gateway instance each keeps its own buckets: a client
 * gets at most n times the limit.
 */
@Component
class RateLimits implements WebFilter, Ordered {

  private final List<Limit> limits;
  private final ClientAddresses addresses;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();

  RateLimits(GatewaySettings settings, ClientAddresses addresses) {
    this.addresses = addresses;
    var parser = PathPatternParser.defaultInstance;
    this.limits =
        settings.rateLimits().entrySet().stream()
            .map(
                entry ->
                    new Limit(
                        entry.getKey(),
                        entry.getValue().paths().stream().map(parser::parse).toList(),
                        entry.getValue()))
            .toList();
  }

  private record Limit(String name, List<PathPattern> paths, GatewaySettings.RateLimit rule) {

    boolean matches(ServerWebExchange exchange) {
      var request = exchange.getRequest();
      if (!rule.methods().isEmpty() && !rule.methods().contains(request.getMethod())) {
        return false;
      }
      var path = request.getPath().pathWithinApplication();
      return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }

    Bucket newBucket() {
      return Bucket.builder()
          .addLimit(
              Bandwidth.builder()
                  .capacity(rule.capacity())
                  .refillGreedy(rule.capacity(), rule.period())
                  .build())
          .build();
    }
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String client = addresses.client(exchange);
    for (Limit limit : limits) {
      if (!limit.matches(exchange)) {
        continue;
      }
      Bucket bucket = buckets.get(limit.name() + "|" + client, key -> limit.newBucket());
      ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
      if (!probe.isConsumed()) {
        long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        return Problems.write(
            exchange,
            HttpStatus.TOO_MANY_REQUESTS,
            "rate-limited",
            "Too many requests of this kind from your address; try again in " + seconds + " s.");
      }
    }
    return chain.filter(exchange);
  }

  /**
   * Right after Spring Security's filter chain (order -100), so that a 429 carries the security
   * headers too; the sign-in paths are open, so guessing passwords is limited all the same.
   */
  @Override
  public int getOrder() {
    return -90;
  }
}
