package io.inkwell.web.health;

import com.mongodb.ConnectionString;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long a staff member's request waits for the session database when it cannot be reached (down,
 * a network away, no primary) before it is answered 503: {@code inkwell.mongodb.wait}, not the
 * driver's 30 s, which outlasts the gateway's response timeout (and Tomcat's error page, which
 * reads the session again, would wait as long once more). A {@code serverSelectionTimeoutMS} in the
 * URI is the operator's own choice and stays.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseWait {

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
}
