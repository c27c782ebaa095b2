package io.inkwell.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.testsupport.Topics;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Every topic this service reads has its dead-letter topic from the start, made by the service as
 * it makes its other topics, not by the broker when the first event fails (with the broker's
 * defaults, or never where the broker makes no topics unasked, and the failed event then blocks the
 * ones behind it). Most of these never get a letter in the tests.
 */
class DeadLetterTopicsTests extends IntegrationTest {

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Test
  void theDeadLetterTopicOfEveryTopicReadIsThereWithAsManyPartitions() throws Exception {
    List<String> read =
        List.of("blog.post-events", "blog.comment-events", "blog.staff-events", "blog.site-events");
    Map<String, Integer> partitions =
        Topics.partitions(
            brokers, read.stream().flatMap(topic -> Stream.of(topic, topic + "-dlt")).toList());

    assertThat(partitions)
        .containsEntry("blog.post-events-dlt", partitions.get("blog.post-events"))
        .containsEntry("blog.comment-events-dlt", partitions.get("blog.comment-events"))
        .containsEntry("blog.staff-events-dlt", partitions.get("blog.staff-events"))
        .containsEntry("blog.site-events-dlt", 1);
  }
}
