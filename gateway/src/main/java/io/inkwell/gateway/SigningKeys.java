package io.inkwell.gateway;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * How the gateway fetches auth-service's signing keys, which it keeps once it has them: within a
 * few seconds, and a fetch that fails (auth-service away, or answering with an error) fails as
 * {@link Unreachable}, which {@code ProblemExceptionHandler} answers 503 {@code
 * sign-in-unavailable} with {@code Retry-After}, as the services do: the token may well be good.
 */
@Component
class SigningKeys implements JwkSetUriReactiveJwtDecoderBuilderCustomizer {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Override
  public void customize(NimbusReactiveJwtDecoder.JwkSetUriReactiveJwtDecoderBuilder builder) {
    var http =
        HttpClient.create()
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) WAIT.toMillis())
            .responseTimeout(WAIT);
    builder.webClient(
        WebClient.builder()
            .clientConnector(new ReactorClientHttpConnector(http))
            .filter(
                (request, next) ->
                    next.exchange(request)
                        .onErrorMap(Unreachable::new)
                        .flatMap(
                            response ->
                                response.statusCode().isError()
                                    ? response
                                        .releaseBody()
                                        .then(
                                            Mono.error(
                                                new Unreachable(
                                                    new IllegalStateException(
                                                        "auth-service answered "
                                                            + response.statusCode()))))
                                    : Mono.just(response)))
            .build());
  }

  /** The signing keys could not be fetched. */
  static final class Unreachable extends RuntimeException {

    Unreachable(Throwable cause) {
      super("The signing keys could not be fetched: " + cause.getMessage(), cause);
    }
  }
}
