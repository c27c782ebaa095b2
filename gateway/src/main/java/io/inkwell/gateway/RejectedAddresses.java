package io.inkwell.gateway;

import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Requests Spring Security's firewall refuses before any route sees them: an address with {@code
 * //}, encoded {@code ..} or {@code ;} in its path is a 400 problem that says why, a method no
 * route takes ({@code TRACE}, {@code CONNECT}, made-up ones) a 405 with {@code Allow}, instead of
 * an empty answer.
 */
@Configuration(proxyBeanMethods = false)
class RejectedAddresses {

  /** The firewall's own list: the methods an address of the blog may be asked with. */
  private static final Set<HttpMethod> ALLOWED =
      Set.of(
          HttpMethod.GET,
          HttpMethod.HEAD,
          HttpMethod.POST,
          HttpMethod.PUT,
          HttpMethod.PATCH,
          HttpMethod.DELETE,
          HttpMethod.OPTIONS);

  @Bean
  ServerExchangeRejectedHandler problemForRejectedAddresses() {
    return (exchange, rejected) -> {
      HttpMethod method = exchange.getRequest().getMethod();
      if (!ALLOWED.contains(method)) {
        exchange.getResponse().getHeaders().setAllow(ALLOWED);
        return Problems.write(
            exchange,
            HttpStatus.METHOD_NOT_ALLOWED,
            "method-not-allowed",
            "The blog does not answer " + method.name() + " requests.");
      }
      return Problems.write(
          exchange,
          HttpStatus.BAD_REQUEST,
          "bad-request",
          "This address is not one the blog answers: it has an empty, encoded or dot segment.");
    };
  }
}
