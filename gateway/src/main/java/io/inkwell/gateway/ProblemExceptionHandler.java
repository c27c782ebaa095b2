package io.inkwell.gateway;

import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every failure of the gateway as problem+json: a service that cannot be reached answers 503 at
 * once (with {@code Retry-After}), one that does not answer in time 504, a path no route knows 404,
 * a token that cannot be checked as auth-service's signing keys cannot be fetched ({@link
 * SigningKeys}) 503 {@code sign-in-unavailable}. Never a stack trace.
 */
@Component
@Order(-2) // before Boot's own handler
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  /** Seconds a client waits after a busy service: its requests in flight end in moments. */
  private static final String BUSY_RETRY_AFTER = "1";

  /** When to ask again: once the circuit breaker, open, tries the service again. */
  private final String retryAfter;

  ProblemExceptionHandler(
      @Value("${resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state:10s}")
          Duration breakerWait) {
    this.retryAfter = String.valueOf(Math.max(1, breakerWait.toSeconds()));
  }

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    var response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    String path = exchange.getRequest().getPath().value();
    if (signingKeysUnreachable(error)) {
      log.warn("A token could not be checked on {}: {}", path, error.getMessage());
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
      return Problems.write(
          exchange,
          HttpStatus.SERVICE_UNAVAILABLE,
          "sign-in-unavailable",
          "Access tokens cannot be checked just now; try again in a few seconds.");
    }
    if (isUnreachable(error) || isCircuitOpen(error)) {
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, retryAfter);
      return Problems.write(
          exchange,
          HttpStatus.SERVICE_UNAVAILABLE,
          "service-unavailable",
          "The service behind this path is not reachable right now; try again shortly.");
    }
    if (error instanceof BulkheadFullException) {
      log.debug("{} is busy: {}", path, error.getMessage());
      response.getHeaders().set(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER);
      return Problems.write(
          exchange,
          HttpStatus.SERVICE_UNAVAILABLE,
          "service-busy",
          "The service behind this path has as many requests as it takes just now; try again in a"
              + " moment.");
    }
    if (isTimeout(error)) {
      return Problems.write(
          exchange,
          HttpStatus.GATEWAY_TIMEOUT,
          "gateway-timeout",
          "The service behind this path did not answer in time; try again shortly.");
    }
    if (error instanceof PayloadTooLarge) {
      // the rest of the body is left unread: the connection ends with this answer
      exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      return Problems.write(
          exchange, HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", error.getMessage());
    }
    if (error instanceof ResponseStatusException status) {
      HttpStatus code = HttpStatus.valueOf(status.getStatusCode().value());
      return Problems.write(
          exchange,
          code,
          code == HttpStatus.NOT_FOUND ? "not-found" : "bad-request",
          code == HttpStatus.NOT_FOUND
              ? "Nothing is found at this address."
              : String.valueOf(status.getReason()));
    }
    if (isUnreadableHeader(error)) {
      return Problems.write(
          exchange, HttpStatus.BAD_REQUEST, "bad-request", Problems.UNREADABLE_HEADER);
    }
    log.error("Unexpected gateway error on {}", path, error);
    return Problems.write(
        exchange,
        HttpStatus.INTERNAL_SERVER_ERROR,
        "internal",
        "Something went wrong on our side; the request may be retried.");
  }

  /**
   * A header Spring Security's firewall refused when it was read (an Accept of raw bytes, read to
   * choose the handler), which may come wrapped in the failure to parse it.
   */
  private static boolean isUnreadableHeader(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ServerExchangeRejectedException) {
        return true;
      }
      for (Throwable suppressed : cause.getSuppressed()) {
        if (suppressed instanceof ServerExchangeRejectedException) {
          return true;
        }
      }
    }
    return false;
  }

  /** auth-service's signing keys, none of which the gateway has yet, could not be fetched. */
  private static boolean signingKeysUnreachable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof SigningKeys.Unreachable) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnreachable(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The circuit breaker answers for a service that failed too often (Resilience4j). */
  private static boolean isCircuitOpen(Throwable error) {
    return error instanceof ServiceUnavailableException
        || (error instanceof ResponseStatusException status
            && status.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value());
  }

  private static boolean isTimeout(Throwable error) {
    if (error instanceof ResponseStatusException status
        && status.getStatusCode().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
      return true;
    }
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof TimeoutException) {
        return true;
      }
    }
    return false;
  }
}
