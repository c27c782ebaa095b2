package io.inkwell.comments.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.comments.IntegrationTest;
import org.junit.jupiter.api.Test;

class OperationsTests extends IntegrationTest {

  @Test
  void readinessIncludesTheDatabase() {
    var readiness = api().get("/actuator/health/readiness");

    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.text("status")).isEqualTo("UP");
    assertThat(readiness.json().path("components").path("mongo").path("status").asString())
        .isEqualTo("UP");
    assertThat(readiness.json().path("components").has("kafka"))
        .as("readers read and post comments while Kafka is away")
        .isFalse();
    assertThat(
            api()
                .get("/actuator/health")
                .json()
                .path("components")
                .path("kafka")
                .path("status")
                .asString())
        .isEqualTo("UP");
    assertThat(api().get("/actuator/health/liveness").status()).isEqualTo(200);
  }

  @Test
  void metricsAreExposedForPrometheusTaggedWithTheService() {
    var metrics = api().get("/actuator/prometheus");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.raw().body())
        .contains("jvm_memory_used_bytes")
        .contains("application=\"comment-service\"");
  }
}
