package io.inkwell.posts.outbox;

import io.inkwell.posts.importer.ImportEnded;
import io.inkwell.posts.post.PostEvent;
import io.inkwell.posts.post.PostSettings;
import io.inkwell.posts.post.TagDescriptions;
import io.inkwell.posts.post.TagEditing;
import io.inkwell.posts.post.TagNamed;
import io.inkwell.posts.post.TagRenamed;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration(proxyBeanMethods = false)
class Topics {

  /** Keyed by post id: one post's events stay in order, several partitions let consumers scale. */
  @Bean
  NewTopic postEvents(
      PostSettings settings,
      @Value("${inkwell.kafka.partitions:3}") int partitions,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(settings.eventsTopic())
        .partitions(partitions)
        .replicas(replicas)
        .build();
  }

  @Bean
  Outbox postOutbox(PostSettings settings) {
    return new Outbox("posts", PostEvent.class, settings.eventsTopic());
  }

  /** Renamed tags, all under the key of the blog's one tag-changes document: in order. */
  @Bean
  Outbox tagOutbox(PostSettings settings) {
    return new Outbox(TagEditing.COLLECTION, TagRenamed.class, settings.eventsTopic());
  }

  /** Imports that ended after their importer was answered, under the key of the import. */
  @Bean
  Outbox importOutbox(PostSettings settings) {
    return new Outbox(ImportEnded.COLLECTION, ImportEnded.class, settings.eventsTopic());
  }

  /** A tag's names, under the key of the tag: in order. */
  @Bean
  Outbox tagNameOutbox(PostSettings settings) {
    return new Outbox(TagDescriptions.COLLECTION, TagNamed.class, settings.eventsTopic());
  }
}
