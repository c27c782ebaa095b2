package io.inkwell.notifications.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

  /**
   * An event that still fails after a few retries with backoff goes to {@code <topic>.DLT}, so that
   * one bad event never blocks the events behind it.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template) {
    var backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxAttempts(3);
    return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), backOff);
  }
}
