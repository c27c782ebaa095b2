package io.inkwell.comments.security;

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
 * comment-service checks every token again, whatever the gateway did: readers read and post
 * comments without signing in; moderation is for editors, the blog's comment settings for admins.
 * The actuator is for the operators' network, not routed by the gateway.
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
                    .requestMatchers("/api/posts/*/comments", "/api/posts/*/comments/count")
                    .permitAll()
                    .requestMatchers(HttpMethod.GET, "/api/comments/recent", "/api/comments/counts")
                    .permitAll()
                    // a HEAD is answered as a GET without its body, so it is allowed as the GET is
                    .requestMatchers(
                        HttpMethod.HEAD, "/api/comments/recent", "/api/comments/counts")
                    .permitAll()
                    .requestMatchers(HttpMethod.PUT, "/api/comments/settings")
                    .hasRole("ADMIN")
                    .requestMatchers(
                        HttpMethod.POST, "/api/comments/erasure", "/api/comments/personal-data")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/comments", "/api/comments/**")
                    .hasRole("EDITOR")
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
        // Bearer tokens in a header, no cookies: there is no session for a forged request to ride.
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
