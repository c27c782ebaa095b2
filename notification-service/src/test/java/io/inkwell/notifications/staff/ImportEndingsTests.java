package io.inkwell.notifications.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * An owner who left an import storing (post-service answered before its end) hears how it ended, as
 * Ghost mails it: post-service's {@code ImportEnded}, as the contract shows it, mails the importer
 * once, however often it is delivered; an integration's import mails nobody.
 */
class ImportEndingsTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Test
  void theImporterIsToldOnceWhatCameIn() throws Exception {
    String run = UUID.randomUUID().toString();
    String owner = announce("owner-" + run);
    var ended = ended("owner-" + run);

    kafka.send("blog.post-events", ended.path("importId").asString(), ended.toString()).join();
    var again =
        kafka
            .send("blog.post-events", ended.path("importId").asString(), ended.toString())
            .join()
            .getRecordMetadata();

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(owner), mails -> !mails.isEmpty()).get(0);
    assertThat(mail.getSubject()).startsWith("Your WordPress import is done");
    assertThat(TestMail.body(mail))
        .contains("Every post of the WordPress export you imported into")
        .contains("is stored, 3977 in all")
        .contains("That is 3957 new posts and 11208 comments; 20 were here already.")
        .contains("https://blog.example.org/admin/import");
    await()
        .atMost(PATIENCE)
        .until(() -> Topics.consumed(brokers, "notification-service-imports", again));
    assertThat(TestMail.to(owner)).hasSize(1);
  }

  @Test
  void anImportThatStoppedSaysWhereAndHowToGoOn() throws Exception {
    String run = UUID.randomUUID().toString();
    String owner = announce("owner-" + run);
    var ended = ended("owner-" + run);
    ended.put("state", "STOPPED");
    ended.put("posts", 120);
    ended.put("alreadyThere", 0);
    ended.put(
        "problem",
        "post-service stopped after 120 of 3977 posts were stored; importing the same file"
            + " again stores the rest and adds nothing twice.");
    assertThat(Contracts.violations(ended.toString())).isEmpty();

    kafka.send("blog.post-events", ended.path("importId").asString(), ended.toString()).join();

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(owner), mails -> !mails.isEmpty()).get(0);
    assertThat(mail.getSubject()).startsWith("Your WordPress import stopped");
    assertThat(TestMail.body(mail))
        .contains("Storing the WordPress export you imported into")
        .contains("stopped before its 3977 posts were all in")
        .contains("post-service stopped after 120 of 3977 posts were stored")
        .contains("importing the same file again stores the rest");
  }

  @Test
  void anIntegrationsImportMailsNobody() {
    var ended = ended("local-stack");

    var read =
        kafka
            .send("blog.post-events", ended.path("importId").asString(), ended.toString())
            .join()
            .getRecordMetadata();

    await()
        .atMost(PATIENCE)
        .until(() -> Topics.consumed(brokers, "notification-service-imports", read));
    assertThat(mongo.findById(ended.path("eventId").asString(), Document.class, "staff_link_mails"))
        .isNull();
  }

  /** Every post event is read here: the others pass by, none held up or sent to dead letters. */
  @Test
  void theOtherPostEventsPassBy() {
    var unpublished = Contracts.example("post-unpublished");
    String eventId = UUID.randomUUID().toString();
    unpublished.put("eventId", eventId);
    unpublished.put("postId", "post-" + eventId);

    var read =
        kafka
            .send("blog.post-events", "post-" + eventId, unpublished.toString())
            .join()
            .getRecordMetadata();

    await()
        .atMost(PATIENCE)
        .until(() -> Topics.consumed(brokers, "notification-service-imports", read));
    assertThat(Topics.readAll(brokers, "blog.post-events-dlt"))
        .noneMatch(letter -> letter.value().contains(eventId));
  }

  /** The contract's example, of a fresh import by this importer. */
  private static ObjectNode ended(String importerId) {
    var event = Contracts.example("import-ended");
    event.put("eventId", UUID.randomUUID().toString());
    event.put("importId", UUID.randomUUID().toString());
    ((ObjectNode) event.path("importer")).put("id", importerId);
    event.put("occurredAt", Instant.now().toString());
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  /** A staff account as auth-service announces it; its address. */
  private String announce(String staffId) {
    String email = staffId + "@example.org";
    var event = Contracts.example("staff-changed");
    event.put("eventId", UUID.randomUUID().toString());
    event.put("staffId", staffId);
    event.put("email", email);
    event.put("role", "OWNER");
    event.put("occurredAt", Instant.now().toString());
    kafka.send("blog.staff-events", staffId, event.toString()).join();
    await().atMost(PATIENCE).until(() -> mongo.findById(staffId, Document.class, "staff") != null);
    return email;
  }
}
