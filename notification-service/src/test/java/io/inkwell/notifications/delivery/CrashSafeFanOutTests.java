package io.inkwell.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.NotificationServiceApplication;
import io.inkwell.notifications.TestMail;
import io.inkwell.notifications.subscription.Frequency;
import io.inkwell.notifications.subscription.Subscriber;
import io.inkwell.notifications.subscription.SubscriberStatus;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.TestMongo;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.json.JsonMapper;

/**
 * The promise: a post published to 2,000 confirmed subscribers reaches each exactly once, although
 * the service is stopped three times in the middle of the fan-out and started again. Runs its own
 * instances of the service (on a topic and database of its own) so that it can stop them.
 */
class CrashSafeFanOutTests {

  private static final int SUBSCRIBERS = 2_000;
  private static final String TOPIC = "blog.post-events.crash-test";
  private static final String DATABASE = "notifications-crash-" + UUID.randomUUID();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ConfigurableApplicationContext service;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void everySubscriberGetsThePostExactlyOnceAcrossThreeStopsInTheMiddleOfTheFanOut()
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    service = start();
    List<Subscriber> subscribers =
        IntStream.range(0, SUBSCRIBERS)
            .mapToObj(
                i ->
                    new Subscriber(
                        UUID.randomUUID().toString(),
                        "crash-" + run + "-" + i + "@example.org",
                        SubscriberStatus.CONFIRMED,
                        List.of(),
                        false,
                        Instant.now(),
                        Instant.now(),
                        Frequency.INSTANTLY))
            .toList();
    mongo().insertAll(subscribers);
    String postId = UUID.randomUUID().toString();
    publish(postId);

    for (int stop = 1; stop <= 3; stop++) {
      int reached = stop * 450;
      await().atMost(Duration.ofSeconds(90)).until(() -> mailsOf(run).size() >= reached);
      service.close();
      assertThat(mailsOf(run).size()).as("stopped in the middle").isLessThan(SUBSCRIBERS);
      service = start();
    }

    await()
        .atMost(Duration.ofSeconds(120))
        .until(
            () ->
                mongo()
                    .count(
                        Query.query(
                            Criteria.where("postId")
                                .is(postId)
                                .and("status")
                                .is(DeliveryStatus.SENT)),
                        Delivery.class),
            sent -> sent == SUBSCRIBERS);
    assertThat(mongo().count(Query.query(Criteria.where("postId").is(postId)), Delivery.class))
        .isEqualTo(SUBSCRIBERS);

    List<MimeMessage> mails = mailsOf(run);
    Map<String, Set<String>> messageIdsByRecipient =
        mails.stream()
            .collect(
                Collectors.groupingBy(
                    CrashSafeFanOutTests::recipient,
                    Collectors.mapping(
                        mail -> TestMail.header(mail, "Message-ID"), Collectors.toSet())));
    assertThat(messageIdsByRecipient).hasSize(SUBSCRIBERS);
    assertThat(messageIdsByRecipient.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
    assertThat(mails).as("no message was sent twice, not even the same one").hasSize(SUBSCRIBERS);
  }

  private static ConfigurableApplicationContext start() {
    // Command-line arguments, so they win over application.yml (builder properties would not).
    return new SpringApplicationBuilder(NotificationServiceApplication.class)
        .run(
            "--server.port=0",
            "--spring.mongodb.uri=" + TestMongo.uri(DATABASE),
            "--spring.kafka.bootstrap-servers="
                + System.getProperty("spring.embedded.kafka.brokers"),
            "--spring.kafka.consumer.group-id=crash-test",
            "--spring.mail.host=localhost",
            "--spring.mail.port=" + TestMail.smtpPort(),
            "--inkwell.notifications.post-events-topic=" + TOPIC,
            "--inkwell.notifications.instance-id=crash-test",
            "--inkwell.notifications.send-rate=150",
            "--inkwell.notifications.batch-size=25",
            // a first round at once after the start, as soon as a restart can race it
            "--inkwell.notifications.send-interval=10ms");
  }

  private MongoTemplate mongo() {
    return service.getBean(MongoTemplate.class);
  }

  private static void publish(String postId) throws Exception {
    var event = Contracts.happening("post-published");
    event.put("postId", postId);
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            System.getProperty("spring.embedded.kafka.brokers"));
    try (var producer =
        new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, postId, JSON.writeValueAsString(event))).get();
    }
  }

  private static List<MimeMessage> mailsOf(String run) {
    String prefix = "crash-" + run + "-";
    return TestMail.all().stream().filter(mail -> recipient(mail).startsWith(prefix)).toList();
  }

  private static String recipient(MimeMessage mail) {
    try {
      return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
          .map(Object::toString)
          .findFirst()
          .orElse("");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
