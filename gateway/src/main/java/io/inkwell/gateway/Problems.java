package io.inkwell.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Writes RFC 9457 problem+json answers from the gateway itself. */
final class Problems {

  static final String TYPES = "https://inkwell.dev/problems/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  record Problem(String type, String title, int status, String detail, String instance) {}

  static Mono<Void> write(
      ServerHttpResponse response, HttpStatus status, String type, String detail, String path) {
    var problem = new Problem(TYPES + type, status.getReasonPhrase(), status.value(), detail, path);
    byte[] body = JSON.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    response.getHeaders().setContentLength(body.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
  }
}
