package io.inkwell.notifications.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.Contracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An invitee, or a staff member who forgot their password, gets one mail with the link to choose
 * one, from auth-service's event.
 */
class StaffLinkMailTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;

  @Test
  void anInviteeGetsTheLinkOnceEvenWhenTheEventComesTwice() throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/staff-invited.json")));
    String eventId = UUID.randomUUID().toString();
    String grace = "grace-" + eventId + "@example.org";
    event.put("eventId", eventId);
    event.put("email", grace);
    event.put("expiresAt", java.time.Instant.now().plus(Duration.ofDays(7)).toString());
    assertThat(Contracts.violations(event.toString())).isEmpty();

    kafka.send("blog.staff-events", event.path("staffId").asString(), event.toString()).join();
    kafka.send("blog.staff-events", event.path("staffId").asString(), event.toString()).join();

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(grace), mails -> mails.size() == 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Blog owner invited you to write for Inkwell");
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("Hello Grace Hopper")
        .contains(event.path("acceptUrl").asString())
        .contains("https://blog.example.org/admin");
    assertThat(TestMail.header(mail, "Message-ID")).startsWith("<invitation." + eventId + "@");
    // Once sent, the link (a credential) is not kept here.
    await()
        .atMost(PATIENCE)
        .until(
            () -> mongo.findById(eventId, Document.class, "staff_link_mails"),
            stored -> stored != null && stored.getBoolean("sent"));
    assertThat(mongo.findById(eventId, Document.class, "staff_link_mails"))
        .doesNotContainKey("link");
    // a later event for someone else arriving shows the duplicate was processed and ignored
    var other = event.deepCopy();
    String marker = "marker-" + eventId + "@example.org";
    other.put("eventId", UUID.randomUUID().toString());
    other.put("email", marker);
    kafka.send("blog.staff-events", other.path("staffId").asString(), other.toString()).join();
    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(TestMail.to(grace)).hasSize(1);
  }

  @Test
  void aStaffMemberWhoForgotTheirPasswordGetsTheResetLinkOnce() throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(
                Files.readString(Path.of("../contracts/examples/password-reset-requested.json")));
    String eventId = UUID.randomUUID().toString();
    String fay = "fay-" + eventId + "@example.org";
    event.put("eventId", eventId);
    event.put("email", fay);
    event.put("expiresAt", java.time.Instant.now().plus(Duration.ofHours(1)).toString());
    assertThat(Contracts.violations(event.toString())).isEmpty();

    kafka.send("blog.staff-events", event.path("staffId").asString(), event.toString()).join();
    kafka.send("blog.staff-events", event.path("staffId").asString(), event.toString()).join();

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(fay), mails -> mails.size() == 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Reset your password for Inkwell");
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("Hello Grace Hopper")
        .contains(event.path("resetUrl").asString())
        .contains("your password stays as it is");
    assertThat(TestMail.header(mail, "Message-ID")).startsWith("<password-reset." + eventId + "@");
    await()
        .atMost(PATIENCE)
        .until(
            () -> mongo.findById(eventId, Document.class, "staff_link_mails"),
            stored -> stored != null && stored.getBoolean("sent"));
    assertThat(mongo.findById(eventId, Document.class, "staff_link_mails"))
        .doesNotContainKey("link");
    String marker = "marker-" + eventId + "@example.org";
    var other = event.deepCopy();
    other.put("eventId", UUID.randomUUID().toString());
    other.put("email", marker);
    kafka.send("blog.staff-events", other.path("staffId").asString(), other.toString()).join();
    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(TestMail.to(fay)).hasSize(1);
  }
}
