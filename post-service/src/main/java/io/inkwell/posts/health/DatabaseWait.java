package io.inkwell.posts.health;

import com.mongodb.ConnectionString;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a request waits for a database it cannot reach (down, a network away, no primary) before
 * it is answered 503 and readiness says DOWN: {@code inkwell.mongodb.wait}, not the driver's 30 s,
 * which outlasts the gateway's response timeout and holds a health probe as long. A {@code
 * serverSelectionTimeoutMS} in the URI is the operator's own choice and stays. Meanwhile the
 * scheduled tasks that meet the outage say so in one line each time, not a stack trace.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseWait {

  private static final Logger log = LoggerFactory.getLogger(DatabaseWait.class);

  @Bean
  MongoClientSettingsBuilderCustomizer shortWaitForTheDatabase(
      MongoProperties properties, @Value("${inkwell.mongodb.wait:5s}") Duration wait) {
    boolean chosenInUri =
        new ConnectionString(properties.determineUri()).getServerSelectionTimeout() != null;
    return settings -> {
      if (!chosenInUri) {
        settings.applyToClusterSettings(
            cluster -> cluster.serverSelectionTimeout(wait.toMillis(), TimeUnit.MILLISECONDS));
      }
    };
  }

  /** Every other failure of a scheduled task stays an error with its stack trace. */
  @Bean
  ThreadPoolTaskSchedulerCustomizer tasksThatMeetAnOutageSaySoInOneLine() {
    return scheduler ->
        scheduler.setErrorHandler(
            failure -> {
              if (DatabaseOutage.causedBy(failure)) {
                log.warn("A scheduled task cannot reach the database: {}", failure.getMessage());
              } else {
                log.error("Unexpected error occurred in scheduled task", failure);
              }
            });
  }
}
