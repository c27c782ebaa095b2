package io.inkwell.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web client takes every path the routes of {@code application.yml} leave, but for the files of
 * the gateway's own Swagger UI: the gateway's routes are looked at before its static resources, so
 * a catch-all route would send {@code /swagger-ui/index.html} to the reader site's 404. Other
 * webjars ({@code /webjars/prismjs/…}, which colours code in posts) are the web client's.
 */
@Configuration(proxyBeanMethods = false)
class WebRoute {

  /** After every route of the configuration (order 0). */
  private static final int LAST = 1;

  @Bean
  RouteLocator webClient(
      RouteLocatorBuilder routes, @Value("${inkwell.gateway.web-url}") String web) {
    return routes
        .routes()
        .route(
            "web",
            route ->
                route
                    .order(LAST)
                    .not(path -> path.path("/swagger-ui/**", "/webjars/swagger-ui/**"))
                    .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName("web")))
                    .uri(web))
        .build();
  }
}
