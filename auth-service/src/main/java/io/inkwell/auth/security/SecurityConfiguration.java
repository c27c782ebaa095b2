package io.inkwell.auth.security;

import static org.springframework.security.config.Customizer.withDefaults;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.staff.SetupCodes;
import io.inkwell.auth.staff.SignInAttempts;
import io.inkwell.auth.staff.SignedInBrowsers;
import io.inkwell.auth.staff.StaffManagement;
import io.inkwell.auth.staff.TwoStep;
import io.inkwell.auth.staff.TwoStepPolicy;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.session.security.web.authentication.SpringSessionRememberMeServices;

/**
 * Three filter chains: the OAuth2/OIDC protocol endpoints; the staff and integration API, which
 * takes this server's own bearer tokens; and everything else behind the sign-in form.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain protocolEndpoints(
      HttpSecurity http, StaffManagement staff, TwoStepPolicy policy) throws Exception {
    http.addFilterAfter(new RefusedSessions(staff, policy), SecurityContextHolderFilter.class)
        .oauth2AuthorizationServer(
            server -> {
              http.securityMatcher(server.getEndpointsMatcher());
              server.oidc(withDefaults());
            })
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"),
                    new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, SecurityProblems problems) throws Exception {
    http.securityMatcher("/api/**")
        .authorizeHttpRequests(
            requests ->
                requests
                    // every staff member's own account (not an integration's: it has none)
                    .requestMatchers("/api/staff/me", "/api/staff/me/**")
                    .hasRole("CONTRIBUTOR")
                    .requestMatchers("/api/staff", "/api/staff/**", "/api/integrations/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/integrations")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .denyAll())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(withDefaults())
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain signIn(
      HttpSecurity http,
      AuthSettings settings,
      TwoStep twoStep,
      SignInAttempts attempts,
      StaffManagement staff,
      Clock clock,
      SignInOutcomes outcomes,
      SignedInBrowsers browsers,
      SetupCodes setupCodes)
      throws Exception {
    var noted = new BrowserNoted(browsers);
    var keepSignedIn = keepSignedIn(settings);
    var failures = new SignInFailures(clock, staff, setupCodes);
    var codes = new TwoStepCodes(twoStep, attempts, staff, clock, outcomes, setupCodes);
    codes.setAuthenticationSuccessHandler(noted);
    codes.setAuthenticationFailureHandler(failures);
    codes.setRememberMeServices(keepSignedIn);
    codes.setSessionAuthenticationStrategy(new ChangeSessionIdAuthenticationStrategy());
    codes.setSecurityContextRepository(new HttpSessionSecurityContextRepository());
    http.addFilterBefore(codes, UsernamePasswordAuthenticationFilter.class)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login",
                        "/invitation",
                        "/password-reset",
                        "/two-step/setup-code",
                        "/sign-in.css",
                        "/error",
                        "/actuator/**",
                        "/v3/api-docs/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login").successHandler(noted).failureHandler(failures).permitAll())
        .rememberMe(remember -> remember.rememberMeServices(keepSignedIn))
        .exceptionHandling(
            errors -> errors.accessDeniedHandler(SecurityConfiguration::formExpired));
    return http.build();
  }

  /**
   * "Keep me signed in" lengthens the session of that sign-in, and Spring Session gives it a cookie
   * that outlives the browser; nothing else is remembered (no second, token cookie). The session
   * stays what it is: signing out, a new password or a suspension ends it as any other.
   */
  private static SpringSessionRememberMeServices keepSignedIn(AuthSettings settings) {
    var keep = new SpringSessionRememberMeServices();
    keep.setRememberMeParameterName("remember-me");
    keep.setValiditySeconds(Math.toIntExact(settings.keepSignedIn().toSeconds()));
    return keep;
  }

  /**
   * A form whose CSRF token no longer matches (the page stayed open while its session ran out) is
   * shown again, fresh, with a word about what happened; not a bare 403.
   */
  private static void formExpired(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    if (!(denied instanceof CsrfException)) {
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    String page = request.getServletPath();
    if (!"/invitation".equals(page) && !"/password-reset".equals(page)) {
      page = "/login";
    }
    String token = request.getParameter("token");
    response.sendRedirect(
        token == null
            ? page + "?expired"
            : page + "?expired&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
  }

  /** An owner may do all an admin may, an admin all an editor may, and so on down. */
  @Bean
  static RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.fromHierarchy(
        """
        ROLE_OWNER > ROLE_ADMIN
        ROLE_ADMIN > ROLE_EDITOR
        ROLE_EDITOR > ROLE_AUTHOR
        ROLE_AUTHOR > ROLE_CONTRIBUTOR
        """);
  }

  /** bcrypt today; the stored {id} prefix lets a stronger encoder take over without a reset. */
  /**
   * Staff sign in with their address and password. Whether an account is suspended is checked after
   * the password, so that only its owner learns it (the form says so then), not anyone who tries an
   * address.
   */
  @Bean
  AuthenticationProvider staffSignIn(
      StaffManagement staff,
      PasswordEncoder passwords,
      SignInAttempts attempts,
      TwoStep twoStep,
      TwoStepPolicy policy,
      SignInOutcomes outcomes) {
    var provider = new DaoAuthenticationProvider(staff);
    provider.setPasswordEncoder(passwords);
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    return new WrongPasswordsLock(provider, attempts, twoStep, policy, outcomes);
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthSettings settings) {
    return AuthorizationServerSettings.builder().issuer(settings.issuer()).build();
  }

  /**
   * This server's own API checks tokens as every other service does: signature, issuer, aud; and
   * that their holder has not lost access since they were issued.
   */
  @Bean
  JwtDecoder jwtDecoder(
      JWKSource<SecurityContext> keys, AuthSettings settings, CurrentAccess currentAccess) {
    NimbusJwtDecoder decoder =
        (NimbusJwtDecoder) OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(settings.issuer()),
            new JwtClaimValidator<List<String>>(
                "aud", aud -> aud != null && aud.contains(settings.audience())),
            currentAccess));
    return decoder;
  }

  @Bean
  JwtAuthenticationConverter jwtAuthenticationConverter() {
    var authorities = new JwtGrantedAuthoritiesConverter();
    authorities.setAuthoritiesClaimName("roles");
    authorities.setAuthorityPrefix("ROLE_");
    var converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(authorities);
    return converter;
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
