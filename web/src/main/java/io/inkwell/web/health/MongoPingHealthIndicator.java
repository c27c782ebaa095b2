package io.inkwell.web.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Boot's MongoDB health check, which sends {@code hello}: the embedded wire server of the
 * local stack does not know that command, real MongoDB and the wire server both answer {@code
 * ping}. The bean name makes Boot's own indicator back off. Unlike the services', the web's
 * readiness leaves it out: only staff's sessions are kept there ({@code Sessions}), and readers
 * read on without it.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoTemplate mongo;

  MongoPingHealthIndicator(MongoTemplate mongo) {
    super("MongoDB health check failed");
    this.mongo = mongo;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    try {
      mongo.executeCommand(new Document("ping", 1));
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causedBy(e)) {
        throw e;
      }
      // DOWN, without the stack trace Boot would log at every probe while it is away
      builder.down().withDetail("error", "the database does not answer");
      return;
    }
    builder.up().withDetail("database", mongo.getDb().getName());
  }
}
