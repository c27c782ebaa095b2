package io.inkwell.notifications.subscription;

import static io.inkwell.notifications.Subscribing.confirmedSubscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.Contracts;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.node.ObjectNode;

/**
 * A subscriber who chose a tag keeps getting its posts after an editor renamed or merged it, and
 * their mails name the tags they chose as the blog shows them.
 */
class TagEventsTests extends IntegrationTest {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;

  @Test
  void subscribersOfARenamedTagFollowItToItsNewNameAndGetItsNextPost() {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String old = "wpc-" + mark;
    String merged = "world pipe championships " + mark;
    String fan = "fan-" + mark + "@example.org";
    String already = "already-" + mark + "@example.org";
    String cook = "cook-" + mark + "@example.org";
    confirmedSubscriber(api(), fan, List.of(old, "food " + mark));
    confirmedSubscriber(api(), already, List.of(merged, old));
    confirmedSubscriber(api(), cook, List.of("food " + mark));
    ObjectNode renamed = Contracts.example("tag-renamed");
    renamed.put("from", old);
    renamed.put("to", merged);
    assertThat(Contracts.violations(renamed.toString())).isEmpty();

    kafka.send("blog.post-events", "tags", renamed.toString()).join();
    kafka.send("blog.post-events", "tags", renamed.toString()).join();

    await().atMost(PATIENCE).until(() -> tagsOf(fan).contains(merged));
    assertThat(tagsOf(fan)).containsExactlyInAnyOrder("food " + mark, merged);
    await().atMost(PATIENCE).until(() -> !tagsOf(already).contains(old));
    assertThat(tagsOf(already)).as("chosen once, kept once").containsExactly(merged);
    assertThat(tagsOf(cook)).containsExactly("food " + mark);

    ObjectNode post = Contracts.happening("post-published");
    String postId = UUID.randomUUID().toString();
    post.put("postId", postId);
    post.put("title", "Day three " + mark);
    post.putArray("tags").add(merged);
    kafka.send("blog.post-events", postId, post.toString()).join();

    for (String reader : List.of(fan, already)) {
      await()
          .atMost(PATIENCE)
          .until(() -> TestMail.to(reader).stream().anyMatch(mail -> about(mail, mark)));
    }
    assertThat(TestMail.to(cook)).noneMatch(mail -> about(mail, mark));
  }

  /**
   * Subscribers choose tags (lower case, as posts carry them); their welcome names the tags as
   * post-service last told (TagNamed), a tag with no name of its own as itself.
   */
  @Test
  void theWelcomeNamesTheChosenTagsAsReadersAreShownThem(@Autowired TagNames tagNames)
      throws Exception {
    String mark = UUID.randomUUID().toString().substring(0, 8);
    String wpc = "wpc " + mark;
    String old = "old " + mark;
    for (String[] named :
        List.of(
            new String[] {wpc, "Wpc " + mark},
            new String[] {wpc, "WPC " + mark},
            new String[] {old, "Old " + mark},
            new String[] {old, old})) {
      ObjectNode event = Contracts.example("tag-named");
      event.put("tag", named[0]);
      event.put("name", named[1]);
      assertThat(Contracts.violations(event.toString())).isEmpty();
      kafka.send("blog.post-events", named[0], event.toString()).join();
    }
    await()
        .atMost(PATIENCE)
        .until(() -> tagNames.of(List.of(wpc, old)), List.of("WPC " + mark, old)::equals);

    String reader = "named-" + mark + "@example.org";
    confirmedSubscriber(api(), reader, List.of(wpc, old, "food " + mark));

    var welcome =
        await().atMost(PATIENCE).until(() -> TestMail.to(reader), mails -> mails.size() == 2);
    assertThat(TestMail.body(welcome.get(1)))
        .contains("each new post tagged WPC " + mark + ", old " + mark + ", food " + mark);
  }

  private List<String> tagsOf(String email) {
    Document subscriber =
        mongo.findOne(
            Query.query(Criteria.where("email").is(email)), Document.class, "subscribers");
    return subscriber.getList("tags", String.class);
  }

  private static boolean about(jakarta.mail.internet.MimeMessage mail, String mark) {
    try {
      return mail.getSubject().equals("Day three " + mark);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
