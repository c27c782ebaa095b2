package io.inkwell.notifications.reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.Contracts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A commenter who asked to hear of replies gets one mail per reply, from comment-service's {@code
 * CommentPosted} event as the contract shows it.
 */
class ReplyNoticeTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;

  private ObjectNode commentPosted(String notifyEmail) throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/comment-posted.json")));
    event.put("eventId", UUID.randomUUID().toString());
    if (notifyEmail == null) {
      event.remove("notifyEmail");
    } else {
      event.put("notifyEmail", notifyEmail);
    }
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  private void send(ObjectNode event) {
    kafka.send("blog.comment-events", event.path("postId").asString(), event.toString()).join();
  }

  private double sentComments() {
    var metrics = api().get("/actuator/prometheus").raw().body();
    return metrics
        .lines()
        .filter(
            line ->
                line.startsWith("inkwell_emails_sent_total") && line.contains("kind=\"comment\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  @Test
  void theParentsAuthorIsToldOfAReplyOnceEvenWhenTheEventComesTwice() throws Exception {
    String ada = "ada-" + UUID.randomUUID() + "@example.org";
    var event = commentPosted(ada);
    double before = sentComments();

    send(event);
    send(event);

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Linus replied to your comment on Wrapping up the WPC");
    assertThat(TestMail.body(mail))
        .contains("Thanks for the notes!")
        .contains("https://blog.example.org/posts/wrapping-up-the-wpc");
    assertThat(TestMail.header(mail, "Message-ID")).contains(event.path("eventId").asString());
    await().atMost(PATIENCE).until(() -> sentComments() >= before + 1);
    // a later event for someone else arriving shows the duplicate was processed and ignored
    String bob = "bob-" + UUID.randomUUID() + "@example.org";
    send(commentPosted(bob));
    await().atMost(PATIENCE).until(() -> TestMail.to(bob).size() == 1);
    assertThat(TestMail.to(ada)).hasSize(1);
  }

  @Test
  void aCommentWhoseParentDidNotAskSendsNothing() throws Exception {
    long before = replyMails();
    var quiet = commentPosted(null);
    String marker = "carl-" + UUID.randomUUID() + "@example.org";

    send(quiet);
    send(commentPosted(marker));

    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(replyMails()).isEqualTo(before + 1);
  }

  private static long replyMails() {
    return TestMail.all().stream()
        .filter(
            mail -> {
              try {
                return mail.getSubject().contains("replied to your comment");
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .count();
  }
}
