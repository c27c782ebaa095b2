package io.inkwell.auth.security;

import io.inkwell.auth.staff.SignedInBrowsers;
import org.mongodb.spring.session.config.annotation.web.http.EnableMongoHttpSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;

/**
 * The browser's sign-in session (the form's CSRF token, the request it interrupted, who signed in)
 * is kept in this service's database rather than in the process, as the signing keys and
 * authorizations already are: any instance carries on a sign-in another began, and a restart or a
 * deployment signs nobody out. It ends after 30 minutes without a request, as a servlet session
 * would, or after {@code inkwell.auth.keep-signed-in} when the form's "Keep me signed in" was
 * ticked; Boot applies the {@code server.servlet.session.cookie} settings to its cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoHttpSession(
    collectionName = "sessions",
    maxInactiveIntervalInSeconds = SignedInBrowsers.IDLE_SECONDS)
class Sessions {

  /**
   * Which session an ID token names ({@code sid}, checked when the admin signs out) is the
   * signed-in person's session used last, found in the database. Spring Authorization Server's own
   * registry is kept in the process and takes the session registered last: someone signed in on a
   * laptop and then on a phone got the phone's session named in the laptop's next ID token, and
   * signing out on the laptop was refused.
   */
  @Bean
  SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
    return new SpringSessionBackedSessionRegistry<>(sessions);
  }
}
