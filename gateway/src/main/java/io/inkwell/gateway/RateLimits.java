package io.inkwell.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Token buckets (Bucket4j) per client address and limit. A limit marked {@code shared} is counted
 * in MongoDB for every gateway instance together ({@link SharedBuckets}) when a store is
 * configured, so that n gateways do not allow n times the limit; the others, and all of them
 * without a store, are kept in this instance's memory with the least recently seen clients evicted.
 * A store that does not answer in time lets the request through unchecked, counted in {@code
 * inkwell.gateway.rate-limits.unchecked} and logged: the blog stays up without it, and the
 * services' own limits (per commenter, per subscriber address, per staff account) still hold.
 */
@Component
class RateLimits implements WebFilter, Ordered, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

  private final List<Limit> limits;
  private final ClientAddresses addresses;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
  private final SharedBuckets shared;

  /**
   * Until when (System.nanoTime) a shared limit refuses a client, as the store last said: no
   * instance can give a token back sooner, so a client flooding the gateway past its limit is
   * refused from memory rather than costing the store a compare-and-swap per request.
   */
  private final Cache<String, Long> refusedUntil =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  private final Duration sharedTimeout;
  private final Counter unchecked;
  private final AtomicLong lastWarned = new AtomicLong();

  RateLimits(GatewaySettings settings, ClientAddresses addresses, MeterRegistry meters) {
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
    var store = settings.sharedRateLimits();
    this.sharedTimeout = store.timeout();
    this.shared = store.configured() ? SharedBuckets.connect(store.uri(), store.timeout()) : null;
    this.unchecked =
        Counter.builder("inkwell.gateway.rate-limits.unchecked")
            .description(
                "Requests let through unchecked as the shared rate-limit store did not answer")
            .register(meters);
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

    private Bandwidth bandwidth() {
      return Bandwidth.builder()
          .capacity(rule.capacity())
          .refillGreedy(rule.capacity(), rule.period())
          .build();
    }

    BucketConfiguration configuration() {
      return BucketConfiguration.builder().addLimit(bandwidth()).build();
    }

    Bucket newBucket() {
      return Bucket.builder().addLimit(bandwidth()).build();
    }
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String client = addresses.client(exchange);
    return Flux.fromIterable(limits)
        .filter(limit -> limit.matches(exchange))
        .concatMap(limit -> refusal(limit, limit.name() + "|" + client))
        .next()
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            refused ->
                refused.isPresent() ? tooMany(exchange, refused.get()) : chain.filter(exchange));
  }

  /** The wait until the client may ask again when the limit refuses; empty when it takes it. */
  private Mono<Duration> refusal(Limit limit, String key) {
    if (limit.rule().shared() && shared != null) {
      Long until = refusedUntil.getIfPresent(key);
      long now = System.nanoTime();
      if (until != null && until - now > 0) {
        return Mono.just(Duration.ofNanos(until - now));
      }
      return Mono.fromFuture(
              () ->
                  shared
                      .asAsync()
                      .builder()
                      .build(key, () -> CompletableFuture.completedFuture(limit.configuration()))
                      .tryConsumeAndReturnRemaining(1))
          .timeout(sharedTimeout)
          .flatMap(RateLimits::refusal)
          .doOnNext(wait -> refusedUntil.put(key, System.nanoTime() + wait.toNanos()))
          .onErrorResume(
              failure -> {
                unchecked.increment();
                warnNowAndThen(failure);
                return Mono.empty();
              });
    }
    return refusal(buckets.get(key, unused -> limit.newBucket()).tryConsumeAndReturnRemaining(1));
  }

  private static Mono<Duration> refusal(ConsumptionProbe probe) {
    return probe.isConsumed()
        ? Mono.empty()
        : Mono.just(Duration.ofNanos(probe.getNanosToWaitForRefill()));
  }

  private static Mono<Void> tooMany(ServerWebExchange exchange, Duration wait) {
    long seconds = Math.max(1, wait.toSeconds());
    exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
    return Problems.write(
        exchange,
        HttpStatus.TOO_MANY_REQUESTS,
        "rate-limited",
        "Too many requests of this kind from your address; try again in " + seconds + " s.");
  }

  /** Once a minute at most: a store that is down would otherwise fill the log. */
  private void warnNowAndThen(Throwable failure) {
    long now = System.currentTimeMillis();
    long last = lastWarned.get();
    if (now - last > 60_000 && lastWarned.compareAndSet(last, now)) {
      log.warn(
          "The shared rate-limit store did not answer; requests go on unchecked by the shared"
              + " limits: {}",
          failure.toString());
    }
  }

  /**
   * Right after Spring Security's filter chain (order -100), so that a 429 carries the security
   * headers too; the sign-in paths are open, so guessing passwords is limited all the same.
   */
  @Override
  public int getOrder() {
    return -90;
  }

  @Override
  public void destroy() {
    if (shared != null) {
      shared.close();
    }
  }
}
