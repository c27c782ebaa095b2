package io.inkwell.gateway;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An API client gets problem+json from every service, also where a service's answer is not one: an
 * error with no body at all (an {@code Accept} that cannot be read), or a web server's own HTML
 * page (the services answer what Tomcat refuses before they read it, a raw {@code [ ] { } |} in a
 * query as some form libraries write it, with a problem of their own, {@code TomcatRefusals}, but a
 * service without it would not). Such an answer to an {@code /api} path becomes a problem of the
 * same status; the services' own problems pass untouched.
 */
@Component
class ServiceErrorPages implements GlobalFilter, Ordered {

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    var request = exchange.getRequest();
    String path = request.getPath().value();
    if (!path.startsWith("/api/") || HttpMethod.HEAD.equals(request.getMethod())) {
      return chain.filter(exchange);
    }
    var response =
        new ServerHttpResponseDecorator(exchange.getResponse()) {
          @Override
          public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
            HttpStatus status = errorPageStatus(getStatusCode(), getHeaders());
            if (status == null) {
              return super.writeWith(body);
            }
            getHeaders().remove(HttpHeaders.CONTENT_ENCODING);
            return Flux.from(body)
                .doOnNext(DataBufferUtils::release)
                .then(
                    Mono.defer(
                        () ->
                            Problems.write(
                                getDelegate(), status, type(status), detail(status), path)));
          }
        };
    return chain.filter(exchange.mutate().response(response).build());
  }

  /** The status of an error answer that is not JSON, or null for every other answer. */
  private static HttpStatus errorPageStatus(HttpStatusCode code, HttpHeaders headers) {
    if (code == null || !code.isError()) {
      return null;
    }
    MediaType type = headers.getContentType();
    boolean json =
        type != null && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    return json ? null : HttpStatus.resolve(code.value());
  }

  private static String type(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "bad-request";
      case NOT_FOUND -> "not-found";
      case INTERNAL_SERVER_ERROR -> "internal";
      case SERVICE_UNAVAILABLE -> "service-unavailable";
      default -> status.name().toLowerCase().replace('_', '-');
    };
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST ->
          "The service could not read this request. Characters such as [ ] { } | and spaces in an"
              + " address must be percent-encoded.";
      case NOT_FOUND -> "Nothing is found at this address.";
      case METHOD_NOT_ALLOWED -> "This address does not take that method.";
      case NOT_ACCEPTABLE ->
          "The Accept header cannot be read, or names no type this address answers in (the"
              + " API's answers are application/json).";
      case INTERNAL_SERVER_ERROR -> "Something went wrong on our side; the request may be retried.";
      case SERVICE_UNAVAILABLE -> "The service is not ready right now; try again shortly.";
      default -> status.getReasonPhrase() + ".";
    };
  }

  @Override
  public int getOrder() {
    // around the filter that writes the service's answer, so that it writes through this one
    return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
  }
}
