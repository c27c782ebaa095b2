package io.inkwell.notifications.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.Contracts;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * one, from auth-service's event, and one setting up two-step sign-in the code it asks for; a staff
 * member whose account's way in changed gets one mail saying so.
 */
class StaffLinkMailTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private StaffLinkMails linkMails;
  @Autowired private MongoTemplate mongo;

  /** The contract's example with a fresh event id, address and expiry. */
  private ObjectNode example(String contract, String person, Duration validFor) throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/" + contract + ".json")));
    String eventId = UUID.randomUUID().toString();
    event.put("eventId", eventId);
    event.put("email", person + "-" + eventId + "@example.org");
    event.put("expiresAt", Instant.now().plus(validFor).toString());
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  private void send(ObjectNode event) {
    kafka.send("blog.staff-events", event.path("staffId").asString(), event.toString()).join();
  }

  /**
   * Sends the event twice and answers the one mail it caused, once the record says it was sent and
   * keeps the link (a credential) no more; a later event's mail arriving shows the duplicate was
   * processed and ignored.
   */
  private MimeMessage theOneMailOf(ObjectNode event) {
    String to = event.path("email").asString();
    String eventId = event.path("eventId").asString();
    send(event);
    send(event);

    var mail = await().atMost(PATIENCE).until(() -> TestMail.to(to), mails -> mails.size() == 1);
    await()
        .atMost(PATIENCE)
        .until(
            () -> mongo.findById(eventId, Document.class, "staff_link_mails"),
            stored -> stored != null && stored.getBoolean("sent"));
    assertThat(mongo.findById(eventId, Document.class, "staff_link_mails"))
        .doesNotContainKey("link")
        .doesNotContainKey("code");
    var other = event.deepCopy();
    String marker = "marker-" + eventId + "@example.org";
    other.put("eventId", UUID.randomUUID().toString());
    other.put("email", marker);
    send(other);
    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(TestMail.to(to)).hasSize(1);
    return mail.get(0);
  }

  @Test
  void anInviteeGetsTheLinkOnceEvenWhenTheEventComesTwice() throws Exception {
    var event = example("staff-invited", "grace", Duration.ofDays(7));

    var mail = theOneMailOf(event);

    assertThat(mail.getSubject()).isEqualTo("Blog owner invited you to write for Inkwell");
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("Hello Grace Hopper")
        .contains(event.path("acceptUrl").asString())
        .contains("https://blog.example.org/admin");
    assertThat(TestMail.header(mail, "Message-ID"))
        .startsWith("<invitation." + event.path("eventId").asString() + "@");
  }

  /**
   * auth-service keeps a staff member's address as typed, {@code bücher.example} and all; the mail
   * goes to the domain's ASCII form, which every mail server routes.
   */
  @Test
  void anInviteeAtAnInternationalisedDomainGetsTheLinkAtItsAsciiForm() throws Exception {
    var event = example("staff-invited", "grace", Duration.ofDays(7));
    String local = event.path("email").asString().split("@")[0];
    event.put("email", local + "@bücher.example");

    send(event);

    String ascii = local + "@xn--bcher-kva.example";
    await().atMost(PATIENCE).until(() -> TestMail.inMailboxOf(ascii) == 1);
    assertThat(TestMail.to(ascii)).hasSize(1);
  }

  @Test
  void aStaffMemberWhoForgotTheirPasswordGetsTheResetLinkOnce() throws Exception {
    var event = example("password-reset-requested", "fay", Duration.ofHours(1));

    var mail = theOneMailOf(event);

    assertThat(mail.getSubject()).isEqualTo("Reset your password for Inkwell");
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("Hello Grace Hopper")
        .contains(event.path("resetUrl").asString())
        .contains("your password stays as it is");
    assertThat(TestMail.header(mail, "Message-ID"))
        .startsWith("<password-reset." + event.path("eventId").asString() + "@");
  }

  @Test
  void aStaffMemberSettingUpTwoStepSignInGetsTheMailedCodeOnce() throws Exception {
    var event = example("two-step-setup-code-requested", "hedy", Duration.ofMinutes(15));
    event.put("code", "038214");

    var mail = theOneMailOf(event);

    assertThat(mail.getSubject()).isEqualTo("Your code to set up two-step sign-in for Inkwell");
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("Hello Grace Hopper")
        .contains("038214")
        .contains("someone knows your password");
    assertThat(TestMail.header(mail, "Message-ID"))
        .startsWith("<two-step-setup-code." + event.path("eventId").asString() + "@");
  }

  @Test
  void aStaffMemberIsToldOnceOfASignInFromABrowserTheirAccountNeverUsed() throws Exception {
    var event = example("staff-security-notice", "grace", Duration.ZERO);
    event.remove("expiresAt");
    event.put("occurredAt", "2026-03-12T19:42:00Z");

    var mail = theOneMailOf(event);

    assertThat(mail.getSubject()).isEqualTo("New sign-in to Inkwell");
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("Hello Grace Hopper")
        .contains("from Firefox on Windows at 19:42 UTC on 12 March 2026")
        .contains(event.path("resetUrl").asString())
        .contains("https://blog.example.org/admin/account");
    assertThat(TestMail.header(mail, "Message-ID"))
        .startsWith("<security-notice." + event.path("eventId").asString() + "@");
  }

  @Test
  void twoStepChangesAreToldWithWhoTurnedItOffAndHowManyRecoveryCodesAreLeft() throws Exception {
    var off = example("staff-security-notice", "hedy", Duration.ZERO);
    off.remove("expiresAt");
    off.put("notice", "TWO_STEP_OFF");
    off.put("changedBy", "Ada <Admin>");
    off.putNull("device");
    var recovered = example("staff-security-notice", "hedy", Duration.ZERO);
    recovered.remove("expiresAt");
    recovered.put("notice", "RECOVERY_CODE_USED");
    recovered.put("recoveryCodesLeft", 9);
    assertThat(Contracts.violations(off.toString())).isEmpty();
    assertThat(Contracts.violations(recovered.toString())).isEmpty();

    var offMail = theOneMailOf(off);
    var recoveredMail = theOneMailOf(recovered);

    assertThat(offMail.getSubject()).isEqualTo("Two-step sign-in is off for Inkwell");
    assertThat(TestMail.body(offMail).replace("=\r\n", ""))
        .contains("by Ada <Admin>: your password alone signs you in now")
        .contains("by Ada &lt;Admin&gt;");
    assertThat(recoveredMail.getSubject()).isEqualTo("A recovery code signed you in to Inkwell");
    assertThat(TestMail.body(recoveredMail).replace("=\r\n", "")).contains("9 of them are left");

    var renewed = example("staff-security-notice", "hedy", Duration.ZERO);
    renewed.remove("expiresAt");
    renewed.put("notice", "RECOVERY_CODES_RENEWED");
    assertThat(Contracts.violations(renewed.toString())).isEmpty();
    var renewedMail = theOneMailOf(renewed);
    assertThat(renewedMail.getSubject()).isEqualTo("New recovery codes for Inkwell");
    assertThat(TestMail.body(renewedMail).replace("=\r\n", ""))
        .contains("the ones you had before work no more");
  }

  /** The records of staff mails done go after a month, with the addresses they hold. */
  @Test
  void theRecordsOfStaffMailsSentOrGivenUpGoAfterAMonth() {
    Instant old = Instant.now().minus(Duration.ofDays(31));
    String sent = linkMail(true, 1, old, old.plus(Duration.ofDays(7)));
    String givenUp = linkMail(false, 5, old, old.plus(Duration.ofDays(7)));
    String runOut = linkMail(false, 1, old, old.plus(Duration.ofDays(7)));
    String recent =
        linkMail(true, 1, Instant.now().minus(Duration.ofDays(1)), Instant.now().plusSeconds(60));

    linkMails.forgetOldRecords();

    for (String gone : new String[] {sent, givenUp, runOut}) {
      assertThat(mongo.findById(gone, Document.class, "staff_link_mails")).as(gone).isNull();
    }
    assertThat(mongo.findById(recent, Document.class, "staff_link_mails")).isNotNull();
  }

  private String linkMail(boolean sent, int attempts, Instant createdAt, Instant expiresAt) {
    String eventId = UUID.randomUUID().toString();
    mongo.insert(
        new Document("_id", eventId)
            .append("kind", "PASSWORD_RESET")
            .append("to", "staff-" + eventId + "@example.org")
            .append("name", "Ada")
            .append("sent", sent)
            .append("attempts", attempts)
            .append("createdAt", java.util.Date.from(createdAt))
            .append("expiresAt", java.util.Date.from(expiresAt)),
        "staff_link_mails");
    return eventId;
  }
}
