package io.inkwell.web;

import org.mongodb.spring.session.config.annotation.web.http.EnableMongoHttpSession;
import org.springframework.context.annotation.Configuration;

/**
 * A signed-in staff member's session (their tokens, the CSRF token of the form they have open, a
 * notice for the next page) is kept in the web's own MongoDB database, not in the process: a
 * restart or a deployment signs nobody out and loses no open editor, and any number of instances
 * serve the admin. Readers get no session, so reading the blog never touches that database (and
 * readiness does not wait for it); only a refused comment form, returned with its text, makes one.
 * A session ends after 30 minutes without a request, as a servlet session would; Boot applies the
 * {@code server.servlet.session.cookie} settings to its cookie.
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoHttpSession(collectionName = "sessions", maxInactiveIntervalInSeconds = 30 * 60)
class Sessions {}
