package io.inkwell.comments.health;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Whether the Kafka cluster answers (Boot has no Kafka health indicator): the brokers are asked for
 * the cluster's description with a short timeout, over one admin client kept open.
 */
@Component("kafkaHealthIndicator")
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private static final int TIMEOUT_MS = 2_000;

  private final KafkaAdmin admin;
  private AdminClient client;

  KafkaHealthIndicator(KafkaAdmin admin) {
    super("Kafka health check failed");
    this.admin = admin;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) throws Exception {
    var cluster = client().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
    int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
    builder.up().withDetail("brokers", brokers);
  }

  private synchronized AdminClient client() {
    if (client == null) {
      client = AdminClient.create(admin.getConfigurationProperties());
    }
    return client;
  }

  @Override
  public synchronized void destroy() {
    if (client != null) {
      client.close();
    }
  }
}
