package io.inkwell.gateway;

import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.NewTopic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The language the blog is written in, for the gateway's own pages (a refusal a reader's browser
 * gets, {@link Problems}), so that they speak it as the reader site does (ADR 17): the latest
 * {@code SiteChanged} of {@code blog.site-events} (post-service's Settings; one partition,
 * compacted), read from its start by every instance without a consumer group, as {@link
 * StaffAccess} reads staff events. English until an admin chose another, or while Kafka is away.
 */
@Component
class SiteLanguage {

  private static final Logger log = LoggerFactory.getLogger(SiteLanguage.class);

  /**
   * @param language a BCP 47 tag
   * @param direction {@code ltr} or {@code rtl}
   */
  record Writing(String language, String direction) {

    static final Writing ENGLISH = new Writing("en", "ltr");
  }

  /** What is read of {@code contracts/site-changed.schema.json}; unknown fields are ignored. */
  record SiteChanged(String type, long version, String language, String direction) {}

  private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}");

  private record Known(long version, Writing writing) {}

  private volatile Known known = new Known(0, Writing.ENGLISH);
  private final JsonMapper json;

  SiteLanguage(JsonMapper json) {
    this.json = json;
  }

  /** post-service creates the topic too, alike; whoever starts first does. */
  @Bean
  static NewTopic siteEventsTopic(
      @Value("${inkwell.gateway.site-events-topic:blog.site-events}") String topic,
      @Value("${inkwell.kafka.replicas:1}") short replicas) {
    return TopicBuilder.name(topic).partitions(1).replicas(replicas).compact().build();
  }

  /** The blog's language as last told. */
  Writing current() {
    return known.writing();
  }

  @KafkaListener(
      topicPartitions =
          @TopicPartition(
              topic = "${inkwell.gateway.site-events-topic:blog.site-events}",
              partitionOffsets = @PartitionOffset(partition = "0", initialOffset = "0")),
      properties = "enable.auto.commit=false")
  void on(String message) {
    SiteChanged event;
    try {
      event = json.readValue(message, SiteChanged.class);
    } catch (JacksonException unreadable) {
      log.warn("Ignored an unreadable site event: {}", unreadable.getOriginalMessage());
      return;
    }
    apply(event);
  }

  synchronized void apply(SiteChanged event) {
    if (!"SiteChanged".equals(event.type()) || event.version() <= known.version()) {
      return; // another kind, or older news
    }
    boolean told =
        event.language() != null
            && TAG.matcher(event.language()).matches()
            && ("ltr".equals(event.direction()) || "rtl".equals(event.direction()));
    known =
        new Known(
            event.version(),
            told ? new Writing(event.language(), event.direction()) : Writing.ENGLISH);
  }
}
