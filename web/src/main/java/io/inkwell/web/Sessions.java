package io.inkwell.web;

import org.bson.Document;
import org.mongodb.spring.session.config.annotation.web.http.EnableMongoHttpSession;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

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
class Sessions {

  /**
   * The session database in {@code /actuator/health}, checked with {@code ping}, which the local
   * stack's wire server answers (Boot's own check sends {@code hello}); the name makes Boot's back
   * off.
   */
  @Bean("mongoHealthIndicator")
  HealthIndicator sessionDatabaseHealth(MongoTemplate mongo) {
    return () -> {
      try {
        mongo.executeCommand(new Document("ping", 1));
        return Health.up().withDetail("database", mongo.getDb().getName()).build();
      } catch (RuntimeException unreachable) {
        return Health.down(unreachable).build();
      }
    };
  }
}
