package io.inkwell.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what is on a topic, from the beginning to its current end; sees what was consumed. */
public final class Topics {

  private Topics() {}

  public static List<ConsumerRecord<String, String>> readAll(
      String bootstrapServers, String topic) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.GROUP_ID_CONFIG,
            "test-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false);
    try (var consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /**
   * Whether a consumer group has committed past a record: the service has processed it, whatever it
   * did with it.
   */
  public static boolean consumed(String bootstrapServers, String group, RecordMetadata record) {
    return consumed(
        bootstrapServers,
        group,
        new TopicPartition(record.topic(), record.partition()),
        record.offset());
  }

  /** The same, for a record read from the topic. */
  public static boolean consumed(
      String bootstrapServers, String group, ConsumerRecord<?, ?> record) {
    return consumed(
        bootstrapServers,
        group,
        new TopicPartition(record.topic(), record.partition()),
        record.offset());
  }

  private static boolean consumed(
      String bootstrapServers, String group, TopicPartition partition, long offset) {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      OffsetAndMetadata committed =
          admin
              .listConsumerGroupOffsets(group)
              .partitionsToOffsetAndMetadata()
              .get()
              .get(partition);
      return committed != null && committed.offset() > offset;
    } catch (ExecutionException e) {
      throw new IllegalStateException("Could not read the offsets of " + group, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * How many partitions each of these topics has, as the broker describes them; a topic that is not
   * there fails the call (UnknownTopicOrPartitionException).
   */
  public static Map<String, Integer> partitions(String bootstrapServers, List<String> topics)
      throws ExecutionException, InterruptedException {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      return admin.describeTopics(topics).allTopicNames().get().values().stream()
          .collect(Collectors.toMap(TopicDescription::name, topic -> topic.partitions().size()));
    }
  }
}
