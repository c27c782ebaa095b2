package io.inkwell.posts.security;

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
 * post-service checks every token again, whatever the gateway did (ARCHITECTURE.md): reading is
 * open, writing needs the role, and which post a role may change is decided by the post rules
 * ({@code Actor}). The actuator is for the operators' network, not routed by the gateway.
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
                    // the media library may hold pictures of posts not yet published
                    .requestMatchers(HttpMethod.GET, "/api/images", "/api/files")
                    .hasRole("CONTRIBUTOR")
                    // a HEAD is answered as a GET without its body, so it is allowed as the GET is
                    .requestMatchers(HttpMethod.HEAD, "/api/images", "/api/files")
                    .hasRole("CONTRIBUTOR")
                    // the whole blog, drafts and all; what imports bring in and how far they are
                    .requestMatchers("/api/exports/**", "/api/imports/**")
                    .hasRole("ADMIN")
                    // the redirects' list (reading where one address leads stays public)
                    .requestMatchers("/api/redirects/rules", "/api/redirects/rules/**")
                    .hasRole("ADMIN")
                    // how often posts were read is for their authors and editors (PostViews)
                    .requestMatchers(
                        HttpMethod.GET, "/api/views", "/api/views/**", "/api/posts/*/views")
                    .hasRole("CONTRIBUTOR")
                    .requestMatchers(
                        HttpMethod.HEAD, "/api/views", "/api/views/**", "/api/posts/*/views")
                    .hasRole("CONTRIBUTOR")
                    .requestMatchers(HttpMethod.GET)
                    .permitAll()
                    // feed readers, podcast apps and link checkers ask a feed's or a file's
                    // headers (its size and type) before or instead of fetching it
                    .requestMatchers(HttpMethod.HEAD)
                    .permitAll()
                    // a reader's browser counts a view
                    .requestMatchers(HttpMethod.POST, "/api/posts/*/views")
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/api/images", "/api/files")
                    .hasRole("CONTRIBUTOR")
                    // its uploader or an editor (Images.delete, BlogFiles.delete)
                    .requestMatchers(HttpMethod.DELETE, "/api/images/*", "/api/files/*")
                    .hasRole("CONTRIBUTOR")
                    .requestMatchers(HttpMethod.POST, "/api/posts", "/api/posts/preview")
                    .hasRole("CONTRIBUTOR")
                    .requestMatchers(HttpMethod.PUT, "/api/posts/*")
                    .hasRole("CONTRIBUTOR")
                    // who may publish a post may feature it
                    .requestMatchers(HttpMethod.PUT, "/api/posts/*/featured")
                    .hasRole("AUTHOR")
                    .requestMatchers(HttpMethod.POST, "/api/posts/*/publish")
                    .hasRole("AUTHOR")
                    .requestMatchers(HttpMethod.POST, "/api/posts/*/unpublish")
                    .hasRole("EDITOR")
                    .requestMatchers(HttpMethod.DELETE, "/api/posts/*")
                    .hasRole("EDITOR")
                    .requestMatchers(
                        HttpMethod.PUT, "/api/site", "/api/site/navigation", "/api/site/podcast")
                    .hasRole("ADMIN")
                    .requestMatchers(HttpMethod.PUT, "/api/tags/*")
                    .hasRole("EDITOR")
                    .requestMatchers(HttpMethod.POST, "/api/tags/*/rename")
                    .hasRole("EDITOR")
                    .requestMatchers(HttpMethod.DELETE, "/api/tags/*")
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
