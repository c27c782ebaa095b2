package io.inkwell.gateway;

import static org.springframework.security.config.Customizer.withDefaults;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * The gateway is an OAuth2 resource server: public paths stay open (reading, feeds, commenting,
 * subscribing, signing in, the web client's pages); every other API path needs a valid access
 * token, which is relayed to the service as it came (the service checks it again and decides what
 * the role may do).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class SecurityConfiguration {

  /** What a reader does without an account, and the sign-in flow itself. */
  private static final String[] PUBLIC_READS = {
    "/api/posts",
    "/api/posts/**",
    "/api/tags",
    "/api/tags/**",
    "/api/archive",
    "/api/pages",
    "/api/site",
    "/api/site/podcast/categories",
    "/api/redirects",
    "/api/authors",
    "/api/authors/*",
    "/api/popular-posts",
    "/api/comments/recent",
    "/api/comments/counts",
    // one picture or file (the libraries' lists need a token)
    "/api/images/*",
    "/api/files/*",
    "/feed.atom",
    "/feed.rss",
    "/tags/**",
    "/authors/*/feed.atom",
    "/authors/*/feed.rss",
    "/*/*/*.html"
  };

  private static final String[] SIGN_IN = {
    "/login",
    "/logout",
    "/invitation",
    "/password-reset",
    "/sign-in.css",
    "/oauth2/**",
    "/.well-known/**",
    "/userinfo",
    "/connect/**",
    "/two-step/**"
  };

  /** The Swagger UI and the services' OpenAPI descriptions. */
  private static final String[] API_DOCS = {
    "/swagger-ui.html",
    "/swagger-ui/**",
    "/webjars/swagger-ui/**",
    "/v3/api-docs/**",
    "/v3/gateway-api-docs/**"
  };

  @Bean
  SecurityWebFilterChain security(
      ServerHttpSecurity http,
      GatewaySettings settings,
      ClientAddresses clients,
      Environment environment) {
    // never on the port readers reach, whatever the setting says
    boolean actuatorOpen =
        settings.actuatorOpen()
            && ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
    return http.authorizeExchange(
            exchanges -> {
              var actuator =
                  exchanges
                      .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                      .permitAll()
                      .pathMatchers("/actuator/prometheus")
                      .permitAll()
                      .pathMatchers("/actuator/**");
              // Spring Boot Admin reads the rest where only this machine reaches the actuator
              (actuatorOpen ? actuator.permitAll() : actuator.hasRole("ADMIN"))
                  .pathMatchers(SIGN_IN)
                  .permitAll()
                  .pathMatchers(API_DOCS)
                  .permitAll()
                  .pathMatchers(HttpMethod.GET, PUBLIC_READS)
                  .permitAll()
                  // feed readers, podcast apps and link checkers ask the headers alone
                  .pathMatchers(HttpMethod.HEAD, PUBLIC_READS)
                  .permitAll()
                  .pathMatchers(HttpMethod.POST, "/api/posts/*/comments", "/api/posts/*/views")
                  .permitAll()
                  .pathMatchers("/api/subscriptions", "/api/subscriptions/**")
                  .permitAll()
                  .pathMatchers(HttpMethod.OPTIONS)
                  .permitAll()
                  .pathMatchers("/api/**")
                  .authenticated()
                  // the web client's pages: it keeps its own sessions and CSRF tokens
                  .anyExchange()
                  .permitAll();
            })
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(withDefaults())
                    .authenticationEntryPoint(
                        (exchange, e) -> {
                          // RFC 6750: say that a bearer token is wanted, and whether this one
                          // failed
                          exchange
                              .getResponse()
                              .getHeaders()
                              .set(
                                  HttpHeaders.WWW_AUTHENTICATE,
                                  e instanceof OAuth2AuthenticationException
                                      ? "Bearer error=\"invalid_token\""
                                      : "Bearer");
                          return Problems.write(
                              exchange.getResponse(),
                              HttpStatus.UNAUTHORIZED,
                              "unauthorized",
                              "Sign in: this needs a valid access token.",
                              exchange.getRequest().getPath().value());
                        })
                    .accessDeniedHandler(
                        (exchange, e) ->
                            Problems.write(
                                exchange.getResponse(),
                                HttpStatus.FORBIDDEN,
                                "forbidden",
                                "Your role does not allow this.",
                                exchange.getRequest().getPath().value())))
        .headers(
            headers ->
                headers
                    // the services decide how their answers are cached (ETags, public feeds)
                    .cache(cache -> cache.disable())
                    .contentSecurityPolicy(
                        csp -> csp.policyDirectives(settings.contentSecurityPolicy()))
                    .referrerPolicy(
                        referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                    // HSTS when the client came over TLS, to us or to a trusted proxy in front
                    .hsts(hsts -> hsts.disable())
                    .writer(
                        exchange -> {
                          if (clients.overTls(exchange)) {
                            exchange
                                .getResponse()
                                .getHeaders()
                                .set(
                                    "Strict-Transport-Security",
                                    "max-age="
                                        + Duration.ofDays(365).toSeconds()
                                        + "; includeSubDomains");
                          }
                          return Mono.empty();
                        }))
        .cors(withDefaults())
        // Bearer tokens, no cookies, reach the API; auth-service guards its own forms with CSRF.
        .csrf(csrf -> csrf.disable())
        // Stateless: no session, no saved requests; /logout belongs to auth-service.
        .requestCache(cache -> cache.disable())
        .logout(logout -> logout.disable())
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .build();
  }

  /** Cross-origin calls only from the configured origins; none by default. */
  @Bean
  CorsConfigurationSource corsConfigurationSource(GatewaySettings settings) {
    var source = new UrlBasedCorsConfigurationSource();
    if (!settings.corsAllowedOrigins().isEmpty()) {
      var cors = new CorsConfiguration();
      cors.setAllowedOrigins(settings.corsAllowedOrigins());
      cors.setAllowedMethods(List.of("GET", "POST", "PUT", "DELETE"));
      cors.setAllowedHeaders(
          List.of("Authorization", "Content-Type", "If-Match", "If-None-Match", "traceparent"));
      cors.setExposedHeaders(List.of("ETag", "Location", "Retry-After"));
      cors.setMaxAge(Duration.ofHours(1));
      source.registerCorsConfiguration("/api/**", cors);
    }
    return source;
  }
}
