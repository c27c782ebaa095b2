package io.inkwell.gateway;

import org.springframework.cloud.gateway.filter.headers.observation.DefaultGatewayObservationConvention;
import org.springframework.cloud.gateway.filter.headers.observation.GatewayObservationConvention;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's calls to the services are measured under a name of their own, {@code
 * spring.cloud.gateway.http.client.requests}. Spring Cloud Gateway names them {@code
 * http.client.requests}, as Spring's web clients name theirs (the gateway's own calls: its
 * registration with Spring Boot Admin), with other tags; Prometheus takes one set of tags per name,
 * so whichever came second was dropped, with a warning in the log (spring-cloud-gateway#3153, whose
 * proposed fix gives them this name). Their traces are as they were.
 */
@Configuration(proxyBeanMethods = false)
class ProxiedCallMetrics {

  private static final String NAME = "spring.cloud.gateway.http.client.requests";

  @Bean
  GatewayObservationConvention proxiedCallsMeasuredApart() {
    return new DefaultGatewayObservationConvention() {
      @Override
      public String getName() {
        return NAME;
      }
    };
  }
}
