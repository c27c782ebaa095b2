package io.inkwell.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where the {@code unknown-api} route forwards an /api path that no service has, so an API client
 * gets a problem+json 404 instead of the web client's HTML page.
 */
@RestController
class UnknownApiPath {

  @RequestMapping("/unknown-api")
  Mono<Void> notFound(ServerWebExchange exchange) {
    // the route put the path the client asked for in this header (replacing any the client sent)
    String path = exchange.getRequest().getHeaders().getFirst("X-Inkwell-Unknown-Path");
    return Problems.write(
        exchange.getResponse(),
        HttpStatus.NOT_FOUND,
        "not-found",
        "Nothing is found at this address.",
        path);
  }
}
