package io.inkwell.posts.site;

import io.inkwell.posts.outbox.Outbox;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Where {@link SiteChanged} goes: one partition, compacted, so that whoever reads the topic from
 * the start (a new service, a rebuilt projection) finds at least the latest identity.
 */
@Configuration(proxyBeanMethods = false)
class SiteEvents {

  private final String topic;

  SiteEvents(@Value("${inkwell.posts.site-events-topic:blog.site-events}") String topic) {
    this.topic = topic;
  }

  @Bean
  NewTopic siteEventsTopic(@Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(1).replicas(replicas).compact().build();
  }

  @Bean
  Outbox siteOutbox() {
    return new Outbox(SiteIdentity.COLLECTION, SiteChanged.class, topic);
  }
}
