package io.inkwell.notifications.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

/** Mails are signed with the blog's title as an admin last set it, not an older one. */
class SiteNameTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Autowired private SiteName siteName;

  @AfterEach
  void backToTheConfiguredName() {
    TestSite.backToTheConfiguredName(mongo, siteName);
  }

  @Test
  void mailsFollowTheTitleAnAdminSetAndIgnoreAnOlderOne() throws Exception {
    processed(siteChanged(3, "Notes from Lisbon"));

    MimeMessage confirmation = confirmationTo("reader");
    assertThat(confirmation.getSubject())
        .isEqualTo("Confirm your subscription to Notes from Lisbon");
    assertThat(((InternetAddress) confirmation.getFrom()[0]).getPersonal())
        .as("the sender's name, as an inbox lists it")
        .isEqualTo("Notes from Lisbon");
    assertThat(TestMail.body(confirmation)).contains("new posts of Notes from Lisbon");

    processed(siteChanged(2, "An older name, delivered late"));
    processed(siteChanged(3, "The same version again"));

    assertThat(confirmationTo("another").getSubject())
        .isEqualTo("Confirm your subscription to Notes from Lisbon");
  }

  @Test
  void untilAnAdminNamesTheBlogMailsCarryTheConfiguredName() throws Exception {
    MimeMessage confirmation = confirmationTo("early");

    assertThat(confirmation.getSubject()).isEqualTo("Confirm your subscription to Inkwell");
    assertThat(((InternetAddress) confirmation.getFrom()[0]).getPersonal()).isEqualTo("Inkwell");
  }

  /** The contract's example, with a fresh id and the given version and title. */
  private RecordMetadata siteChanged(long version, String title) {
    var event = Contracts.example("site-changed");
    event.put("version", version);
    event.put("title", title);
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return kafka.send("blog.site-events", "site", event.toString()).join().getRecordMetadata();
  }

  /** Waits until the service's consumer group has committed past the record. */
  private void processed(RecordMetadata sent) {
    await().atMost(PATIENCE).until(() -> Topics.consumed(brokers, "notification-service", sent));
  }

  private MimeMessage confirmationTo(String who) {
    String address = who + "-" + UUID.randomUUID() + "@example.org";
    api().post("/api/subscriptions", ApiClient.json(Map.of("email", address)));
    return await()
        .atMost(PATIENCE)
        .until(() -> TestMail.to(address), mails -> mails.size() == 1)
        .get(0);
  }
}
