package io.inkwell.auth.security;

import org.mongodb.spring.session.config.annotation.web.http.EnableMongoHttpSession;
import org.springframework.context.annotation.Configuration;

/**
 * The browser's sign-in session (the form's CSRF token, the request it interrupted, who signed in)
 * is kept in this service's database rather than in the process, as the signing keys and
 * authorizations already are: any instance carries on a sign-in another began, and a restart or a
 * deployment signs nobody out. It ends after 30 minutes without a request, as a servlet session
 * would; Boot applies the {@code server.servlet.session.cookie} settings to its cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoHttpSession(collectionName = "sessions", maxInactiveIntervalInSeconds = 30 * 60)
class Sessions {}
