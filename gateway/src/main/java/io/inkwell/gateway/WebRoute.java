package io.inkwell.gateway;

import static org.springframework.cloud.gateway.support.RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The web client takes every path the routes of {@code application.yml} leave, but for the files of
 * the gateway's own Swagger UI: the gateway's routes are looked at before its static resources, so
 * a catch-all route would send {@code /swagger-ui/index.html} to the reader site's 404. Other
 * webjars ({@code /webjars/prismjs/…}, which colours code in posts) are the web client's. Nor does
 * it take {@code /actuator}: where the gateway's actuator has a port of its own (docker-compose,
 * Kubernetes), the web client's would otherwise answer there, to anyone.
 */
@Configuration(proxyBeanMethods = false)
class WebRoute {

  /** After every route of the configuration (order 0). */
  private static final int LAST = 1;

  /**
   * The admin's forms that wait for the API's longest work, whose routes wait 120 s for it: an
   * import of a whole blog, of a subscriber list or of redirects, a tag renamed or deleted on every
   * post, an episode's file. Their pages wait for it longer than others.
   */
  private static final String[] LONG_ADMIN_ACTIONS = {
    "/admin/import",
    "/admin/subscribers/import",
    "/admin/settings/redirects/import",
    "/admin/tags/*/rename",
    "/admin/tags/*/delete",
    "/admin/files"
  };

  /**
   * Longer than the web client waits for the API in the admin ({@code
   * inkwell.web.admin-api-timeout}, 130 s), so that the admin's own page says what came of it, not
   * the gateway's 504 after the default response timeout of 10 s, while the work goes on behind it.
   */
  private static final long LONG_ADMIN_ANSWER_MILLIS = 140_000;

  @Bean
  RouteLocator webClient(
      RouteLocatorBuilder routes, @Value("${inkwell.gateway.web-url}") String web) {
    return routes
        .routes()
        .route(
            "web-long-admin-actions",
            route ->
                route
                    .order(LAST)
                    .method(HttpMethod.POST)
                    .and()
                    .path(LONG_ADMIN_ACTIONS)
                    // not the reader site's breaker, which one of these, let through to try whether
                    // the web client is back, would hold half open for minutes
                    .filters(
                        filters ->
                            filters.circuitBreaker(breaker -> breaker.setName("web-long-requests")))
                    .metadata(RESPONSE_TIMEOUT_ATTR, LONG_ADMIN_ANSWER_MILLIS)
                    .uri(web))
        .route(
            "web",
            route ->
                route
                    .order(LAST + 1)
                    .not(
                        path ->
                            path.path("/swagger-ui/**", "/webjars/swagger-ui/**", "/actuator/**"))
                    .filters(filters -> filters.circuitBreaker(breaker -> breaker.setName("web")))
                    .uri(web))
        .build();
  }
}
