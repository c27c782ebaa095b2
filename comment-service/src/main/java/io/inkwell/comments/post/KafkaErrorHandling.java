package io.inkwell.comments.post;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class KafkaErrorHandling {

  /**
   * An event that still fails after a few retries with backoff goes to {@code <topic>-dlt}, so that
   * one bad event never blocks the events behind it.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<Object, Object> template) {
    var backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxAttempts(3);
    return new DefaultErrorHandler(new DeadLetterPublishingRecoverer(template), backOff);
  }

  /**
   * The dead-letter topics of the topics this service reads, made at start like every topic of the
   * platform, with the cluster's replicas and as many partitions as the topic read. Left to the
   * broker, the first letter made one with its defaults (a single replica on a cluster left as it
   * came: letters lost with one broker), or none where the broker makes no topics it is not asked
   * for, and then no letter could be written and the event that failed was tried again for ever,
   * holding up every event behind it.
   */
  @Bean
  KafkaAdmin.NewTopics deadLetterTopics(
      @Value("${inkwell.comments.post-events-topic:blog.post-events}") String postEvents,
      @Value("${inkwell.comments.staff-events-topic:blog.staff-events}") String staffEvents,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return new KafkaAdmin.NewTopics(
        TopicBuilder.name(postEvents + "-dlt").partitions(3).replicas(replicas).build(),
        TopicBuilder.name(staffEvents + "-dlt").partitions(3).replicas(replicas).build());
  }
}
