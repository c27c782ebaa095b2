package io.inkwell.notifications.review;

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

/**
 * A contributor's "Submit for review" reaches the editors: post-service's {@code PostSubmitted}, as
 * the contract shows it, mails each owner, admin and editor once who did not turn review mails off,
 * and nobody else.
 */
class ReviewRequestTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private ReviewRequests reviewRequests;
  @Autowired private MongoTemplate mongo;

  @Value("${spring.kafka.bootstrap-servers}")
  private String brokers;

  @Test
  void theEditorsAreAskedOnceAndTheAuthorAndTheOtherWritersNot() throws Exception {
    String run = UUID.randomUUID().toString();
    String editor = announce("editor-" + run, "EDITOR", false, true);
    String suspended = announce("away-" + run, "ADMIN", true, true);
    String busy = announce("busy-" + run, "EDITOR", false, false);
    String author = announce("author-" + run, "AUTHOR", false, true);
    String contributorId = "contributor-" + run;
    String contributor = announce(contributorId, "CONTRIBUTOR", false, true);
    var submitted = Contracts.example("post-submitted");
    submitted.put("eventId", UUID.randomUUID().toString());
    submitted.put("postId", "post-" + run);
    submitted.putObject("author").put("id", contributorId).put("name", "Cora Contributor");
    assertThat(Contracts.violations(submitted.toString())).isEmpty();

    kafka.send("blog.post-events", "post-" + run, submitted.toString()).join();
    var again =
        kafka
            .send("blog.post-events", "post-" + run, submitted.toString())
            .join()
            .getRecordMetadata();

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(editor), mails -> !mails.isEmpty()).get(0);
    assertThat(mail.getSubject()).isEqualTo("Ready for review: \"Wrapping up the WPC\"");
    assertThat(TestMail.body(mail))
        .contains("Cora Contributor submitted \"Wrapping up the WPC\" for review")
        .contains("https://blog.example.org/admin/posts/post-" + run);
    // once the redelivered event has been read, still one
    await()
        .atMost(PATIENCE)
        .until(() -> Topics.consumed(brokers, "notification-service-reviews", again));
    assertThat(TestMail.to(editor)).hasSize(1);
    assertThat(TestMail.to(suspended)).isEmpty();
    assertThat(TestMail.to(busy)).as("turned review mails off").isEmpty();
    assertThat(TestMail.to(author)).isEmpty();
    assertThat(TestMail.to(contributor)).isEmpty();
  }

  /** A staff account as auth-service announces it; its address. */
  private String announce(String staffId, String role, boolean suspended, boolean reviewMails) {
    String email = staffId + "@example.org";
    var event = Contracts.example("staff-changed");
    event.put("eventId", UUID.randomUUID().toString());
    event.put("staffId", staffId);
    event.put("email", email);
    event.put("role", role);
    event.put("suspended", suspended);
    event.put("reviewMails", reviewMails);
    event.put("occurredAt", Instant.now().toString());
    kafka.send("blog.staff-events", staffId, event.toString()).join();
    await().atMost(PATIENCE).until(() -> mongo.findById(staffId, Document.class, "staff") != null);
    return email;
  }

  /** The records of review mails done go after a month, with the addresses they hold. */
  @Test
  void theRecordsOfReviewMailsSentOrGivenUpGoAfterAMonth() {
    Instant old = Instant.now().minus(Duration.ofDays(31));
    String sent = reviewRequest(true, 1, old);
    String givenUp = reviewRequest(false, 5, old);
    String recent = reviewRequest(true, 1, Instant.now().minus(Duration.ofDays(1)));

    reviewRequests.forgetOldRecords();

    assertThat(mongo.findById(sent, Document.class, "review_requests")).isNull();
    assertThat(mongo.findById(givenUp, Document.class, "review_requests")).isNull();
    assertThat(mongo.findById(recent, Document.class, "review_requests")).isNotNull();
  }

  private String reviewRequest(boolean sent, int attempts, Instant createdAt) {
    String id = UUID.randomUUID().toString();
    mongo.insert(
        new Document("_id", id)
            .append("postId", "post-" + id)
            .append("to", "editor-" + id + "@example.org")
            .append("title", "For review")
            .append("authorName", "Ada")
            .append("sent", sent)
            .append("attempts", attempts)
            .append("createdAt", java.util.Date.from(createdAt)),
        "review_requests");
    return id;
  }
}
