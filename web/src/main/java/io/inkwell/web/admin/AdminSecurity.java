package io.inkwell.web.admin;

import io.inkwell.web.WebSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The reader site is open; {@code /admin} needs a staff member signed in at auth-service
 * (authorization code + PKCE). The tokens stay in the server-side session, never in the page. Every
 * admin form carries a CSRF token; the reader's forms (comment, subscribe) change nothing of a
 * signed-in session and are left without one, as Ghost and WordPress do.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class AdminSecurity {

  /** The gateway sends /oauth2/** to auth-service, so sign-in starts under /admin. */
  static final String SIGN_IN = "/admin/sign-in";

  @Bean
  SecurityFilterChain web(
      HttpSecurity http, ClientRegistrationRepository registrations, WebSettings settings)
      throws Exception {
    // Signing out ends the sign-in at auth-service too (OIDC RP-initiated logout): on a shared
    // computer, the next person to open /admin is asked for a password.
    var signOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    signOut.setPostLogoutRedirectUri("{baseUrl}/");
    http.authorizeHttpRequests(
            requests ->
                requests.requestMatchers("/admin/**").authenticated().anyRequest().permitAll())
        .oauth2Login(
            login ->
                login
                    .loginPage(SIGN_IN + "/inkwell")
                    .authorizationEndpoint(endpoint -> endpoint.baseUri(SIGN_IN))
                    .defaultSuccessUrl("/admin", false)
                    .failureUrl(SignInFailedPage.PATH))
        .logout(logout -> logout.logoutUrl("/admin/sign-out").logoutSuccessHandler(signOut))
        .exceptionHandling(
            errors -> errors.accessDeniedHandler(new ExpiredForms(settings.siteUrl())))
        .csrf(
            csrf ->
                csrf.ignoringRequestMatchers(
                    "/posts/*/comments", "/subscribe", "/subscriptions/**"));
    return http.build();
  }

  /**
   * The registration of {@code application.yml}, plus auth-service's end-session endpoint: the
   * provider is configured address by address (the web starts without waiting for discovery), and
   * those settings cannot name it.
   */
  @Bean
  InMemoryClientRegistrationRepository clientRegistrations(
      OAuth2ClientProperties properties, WebSettings settings) {
    var registrations =
        new OAuth2ClientPropertiesMapper(properties)
            .asClientRegistrations().values().stream()
                .map(
                    registration ->
                        ClientRegistration.withClientRegistration(registration)
                            .providerConfigurationMetadata(
                                Map.of(
                                    "end_session_endpoint", settings.siteUrl() + "/connect/logout"))
                            .build())
                .toList();
    return new InMemoryClientRegistrationRepository(registrations);
  }

  /**
   * A staff member's tokens are kept in their session, and so with it in the session database
   * ({@code Sessions}), rather than in this process's memory, where Spring would keep them: a
   * restarted or another instance finds them and sends nobody back to auth-service.
   */
  @Bean
  OAuth2AuthorizedClientRepository authorizedClients() {
    return new HttpSessionOAuth2AuthorizedClientRepository();
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
