package io.inkwell.web.admin;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The reader site is open; {@code /admin} needs a staff member signed in at auth-service
 * (authorization code + PKCE). The tokens stay in the server-side session, never in the page. Every
 * admin form carries a CSRF token; the reader's forms (comment, subscribe) change nothing of a
 * signed-in session and are left without one, as Ghost and WordPress do.
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurity {

  /** The gateway sends /oauth2/** to auth-service, so sign-in starts under /admin. */
  static final String SIGN_IN = "/admin/sign-in";

  @Bean
  SecurityFilterChain web(HttpSecurity http) throws Exception {
    http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers("/admin/**").authenticated().anyRequest().permitAll())
        .oauth2Login(
            login ->
                login
                    .loginPage(SIGN_IN + "/inkwell")
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(SIGN_IN))
                    .defaultSuccessUrl("/admin", false))
        .logout(logout -> logout.logoutUrl("/admin/sign-out").logoutSuccessUrl("/"))
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    "/posts/*/comments", "/subscribe", "/subscriptions/**"));
    return http.build();
  }

  /** The role travels in the ID token auth-service issues; it becomes ROLE_x here. */
  @Bean
  GrantedAuthoritiesMapper rolesFromIdToken() {
    return authorities -> {
      Set<GrantedAuthority> mapped = new HashSet<>(authorities);
      for (GrantedAuthority authority : authorities) {
        if (authority instanceof OidcUserAuthority oidc) {
          List<String> roles = oidc.getIdToken().getClaimAsStringList("roles");
          if (roles != null) {
            roles.forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
          }
        }
      }
      return mapped;
    };
  }
}
