package io.inkwell.comments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running comment-service against the module's real Kafka broker and MongoDB wire server. All
 * subclasses share one application context.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.consumer.properties.metadata.max.age.ms=1000"
    })
public abstract class IntegrationTest {

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void mongo(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> TestMongo.uri("comments"));
  }

  protected ApiClient api() {
    return new ApiClient("http://localhost:" + port);
  }
}
