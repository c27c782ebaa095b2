package io.inkwell.web.admin;

import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * This server's sessions of one staff member at their other browsers. A browser is named as
 * auth-service names it, by the {@code sid} of the ID token its sign-in brought: signing out there
 * ends auth-service's session (the next sign-in step asks for the password) and this server's
 * session of that browser too, so its tokens are not used for the minutes they have left.
 */
@Component
class OtherBrowsers {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  OtherBrowsers(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /** The {@code sid} auth-service names this sign-in's browser by; null when it named none. */
  static String sid(Authentication signedIn) {
    return signedIn != null && signedIn.getPrincipal() instanceof OidcUser user
        ? user.getIdToken().getClaimAsString("sid")
        : null;
  }

  /** Ends the person's sessions here but {@code current}. */
  void endAllBut(Authentication signedIn, String current) {
    end(signedIn, session -> !session.getId().equals(current));
  }

  /** Ends the person's sessions here that the sign-in {@code sid} names led to. */
  void endAt(Authentication signedIn, String sid) {
    end(
        signedIn,
        session -> {
          SecurityContext context =
              session.getAttribute(
                  HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
          return context != null && sid.equals(sid(context.getAuthentication()));
        });
  }

  private void end(Authentication signedIn, Predicate<Session> which) {
    sessions.findByPrincipalName(signedIn.getName()).values().stream()
        .filter(which)
        .map(Session::getId)
        .toList()
        .forEach(sessions::deleteById);
  }
}
