package io.inkwell.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Addresses Spring Security's firewall refuses before any route sees them ({@code //}, encoded
 * {@code ..} or {@code ;} in a path): a 400 problem that says why, instead of an empty answer.
 */
@Configuration(proxyBeanMethods = false)
class RejectedAddresses {

  @Bean
  ServerExchangeRejectedHandler problemForRejectedAddresses() {
    return (exchange, rejected) ->
        Problems.write(
            exchange,
            HttpStatus.BAD_REQUEST,
            "bad-request",
            "This address is not one the blog answers: it has an empty, encoded or dot segment.");
  }
}
