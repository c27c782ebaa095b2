package io.inkwell.web.health;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Whether the web can reach the database of staff's sessions now, as the gauge {@code
 * inkwell_database_reachable} (1 or 0) that the {@code DatabaseUnreachable} alert reads: the
 * driver's own view of the cluster, a server that takes writes or none, which its monitor keeps up
 * to date whether requests come or not. Readers who carry a session cookie are served without their
 * session meanwhile ({@link DatabaseOutages}).
 */
@Component
public class DatabaseReachability
    implements ClusterListener, MeterBinder, MongoClientSettingsBuilderCustomizer {

  private volatile boolean reachable;

  /** Whether the driver last saw a server that takes writes. */
  public boolean reachable() {
    return reachable;
  }

  @Override
  public void customize(MongoClientSettings.Builder settings) {
    settings.applyToClusterSettings(cluster -> cluster.addClusterListener(this));
  }

  @Override
  public void clusterDescriptionChanged(ClusterDescriptionChangedEvent event) {
    reachable = event.getNewDescription().hasWritableServer();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("inkwell.database.reachable", this, it -> it.reachable ? 1 : 0)
        .description("1 while a server of the web's session database takes writes, else 0")
        .register(registry);
  }
}
