package io.inkwell.notifications.security;

import static org.springframework.security.config.Customizer.withDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * notification-service checks every token again, whatever the gateway did: subscribing, confirming,
 * preferences and unsubscribing need no account (their tokens are signed links); delivery reports
 * are for editors, the subscriber list and webhooks for admins. The actuator is for the operators'
 * network, not routed by the gateway.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(HttpSecurity http, SecurityProblems problems) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/**", "/error", "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .requestMatchers("/api/subscriptions", "/api/subscriptions/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/posts/*/deliveries")
                    .hasRole("EDITOR")
                    // a HEAD is answered as a GET without its body, so it is allowed as the GET is
                    .requestMatchers(HttpMethod.HEAD, "/api/posts/*/deliveries")
                    .hasRole("EDITOR")
                    .requestMatchers(
                        "/api/subscribers",
                        "/api/subscribers/**",
                        "/api/webhooks",
                        "/api/webhooks/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(withDefaults())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .withObjectPostProcessor(
                        new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                          @Override
                          public <F extends BearerTokenAuthenticationFilter> F postProcess(
                              F filter) {
                            // a token that cannot be checked now: 503, not Spring's 500
                            filter.setAuthenticationFailureHandler(problems);
                            return filter;
                          }
                        }))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        // Bearer tokens in a header, no cookies: the signed link tokens are in the body or query.
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  /** An owner may do all an admin may, and so on down; integrations act as editors. */
  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(
        """
        ROLE_OWNER > ROLE_ADMIN
        ROLE_ADMIN > ROLE_EDITOR
        ROLE_INTEGRATION > ROLE_EDITOR
        ROLE_EDITOR > ROLE_AUTHOR
        ROLE_AUTHOR > ROLE_CONTRIBUTOR
        """);
  }
}
