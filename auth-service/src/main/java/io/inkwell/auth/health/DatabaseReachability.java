package io.inkwell.auth.health;

import com.mongodb.MongoClientSettings;
import com.mongodb.event.ClusterDescriptionChangedEvent;
import com.mongodb.event.ClusterListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Whether the service can reach its database now, as the gauge {@code inkwell_database_reachable}
 * (1 or 0) that the {@code DatabaseUnreachable} alert reads: the driver's own view of the cluster,
 * a server that takes writes or none, which its monitor keeps up to date whether requests come or
 * not. While the database is away the service answers 503 quickly, which the gateway's breaker does
 * not count as a failure, so this is what tells the operator.
 */
@Component
class DatabaseReachability
    implements ClusterListener, MeterBinder, MongoClientSettingsBuilderCustomizer {

  private volatile boolean reachable;

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
        .description("1 while a server of the service's MongoDB database takes writes, else 0")
        .register(registry);
  }
}
