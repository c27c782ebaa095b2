package io.inkwell.web.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;

class DatabaseWaitTests {

  @Test
  void aRequestWaitsTheConfiguredTimeForADatabaseItCannotReach() {
    assertThat(waitWith("mongodb://db.example:27017/web", Duration.ofSeconds(5))).isEqualTo(5_000);
  }

  @Test
  void aWaitChosenInTheAddressStays() {
    assertThat(
            waitWith(
                "mongodb://db.example:27017/web?serverSelectionTimeoutMS=12000",
                Duration.ofSeconds(5)))
        .isEqualTo(12_000);
  }

  /** The server selection timeout of the client settings as Boot builds them from this URI. */
  private static long waitWith(String uri, Duration wait) {
    var properties = new MongoProperties();
    properties.setUri(uri);
    var settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri));
    new DatabaseWait().shortWaitForTheDatabase(properties, wait).customize(settings);
    return settings.build().getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS);
  }
}
