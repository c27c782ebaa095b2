package io.inkwell.notifications.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Someone who asks to be forgotten (the GDPR's erasure, WordPress's "Erase Personal Data"):
 * notification-service keeps nothing of their address, neither as a subscriber nor in the records
 * of the reply mails it sent them, nor where they stopped reply mails.
 */
class ErasureTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;

  @Test
  void anAdminErasesAnAddressAndNothingOfItIsLeftToMailOrToFind() throws Exception {
    String ada = "ada-" + UUID.randomUUID() + "@example.org";
    String post = UUID.randomUUID().toString();
    assertThat(
            admin()
                .postAs("/api/subscribers/import", "text/csv", "email\n" + ada + "\n")
                .json()
                .path("added")
                .asInt())
        .isEqualTo(1);
    // a reply mail, once asked for and confirmed, whose link stops the next ones about this post
    askForRepliesAndConfirm(ada, post);
    send(replyTo(ada, post));
    stopRepliesWithTheLinkOfTheMailTo(ada);
    assertThat(kept(ada)).as("before: the records of the two mails and the stop").isEqualTo(3);
    var body = ApiClient.json(Map.of("email", " " + ada.toUpperCase(Locale.ROOT) + " "));

    var asEditor = api().withToken(TestTokens.staff("editor-1", "Ed", "EDITOR"));
    // first, as they may ask: what the blog keeps of theirs (WordPress's "Export Personal Data")
    assertThat(asEditor.post("/api/subscribers/personal-data", body).status()).isEqualTo(403);
    var shown = admin().post("/api/subscribers/personal-data", body);
    assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
    assertThat(shown.json().path("subscription").path("email").asString()).isEqualTo(ada);
    assertThat(shown.json().path("subscription").path("status").asString()).isEqualTo("CONFIRMED");
    assertThat(shown.json().path("mails").findValuesAsString("reason"))
        .containsExactly("CONFIRM_REPLIES", "REPLY");
    assertThat(asEditor.post("/api/subscribers/erasure", body).status()).isEqualTo(403);
    var erased = admin().post("/api/subscribers/erasure", body);

    assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
    assertThat(erased.json().path("subscriber").asBoolean()).isTrue();
    assertThat(erased.json().path("mails").asLong()).isEqualTo(2);
    assertThat(admin().get("/api/subscribers?q=" + ada).json().path("total").asLong()).isZero();
    assertThat(kept(ada)).as("nothing of the address is kept").isZero();
    var nothing = admin().post("/api/subscribers/personal-data", body).json();
    assertThat(nothing.hasNonNull("subscription")).isFalse();
    assertThat(nothing.path("mails")).isEmpty();
    var again = admin().post("/api/subscribers/erasure", body);
    assertThat(again.json().path("subscriber").asBoolean()).isFalse();
    assertThat(again.json().path("mails").asLong()).isZero();

    for (String bad : List.of("{\"email\":\"nobody\"}", "{\"email\":[\"a@b.org\"]}", "{}")) {
      for (String path : List.of("/api/subscribers/erasure", "/api/subscribers/personal-data")) {
        var refused = admin().post(path, bad);
        assertThat(refused.status()).as(path + " " + bad).isEqualTo(400);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      }
    }
  }

  /**
   * An address with an accent is erased whether the request writes the accent as a mark of its own
   * or not, and whichever way the records of mails to it were written before.
   */
  @Test
  void anAddressWithAnAccentIsErasedHoweverItsAccentIsWritten() throws Exception {
    String composed = "zo\u00eb-" + UUID.randomUUID() + "@example.org";
    String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
    String post = UUID.randomUUID().toString();
    askForRepliesAndConfirm(decomposed, post);
    send(replyTo(decomposed, post));
    stopRepliesWithTheLinkOfTheMailTo(composed);
    // as the record of a mail addressed before addresses were composed has it
    mongo.updateMulti(
        Query.query(Criteria.where("to").is(composed)),
        new org.springframework.data.mongodb.core.query.Update().set("to", decomposed),
        "comment_notices");
    assertThat(kept(composed) + kept(decomposed)).isEqualTo(3);

    var erased =
        admin().post("/api/subscribers/erasure", ApiClient.json(Map.of("email", composed)));

    assertThat(erased.json().path("mails").asLong()).as(erased.toString()).isEqualTo(2);
    assertThat(kept(composed) + kept(decomposed)).as("nothing of the address is kept").isZero();
  }

  /**
   * The address comments on the post asking to hear of replies, and presses the button of the page
   * the link of the mail that asks opens.
   */
  private void askForRepliesAndConfirm(String address, String postId) throws Exception {
    var own =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/comment-posted.json")));
    own.put("eventId", UUID.randomUUID().toString());
    own.put("postId", postId);
    own.put("authorEmail", address);
    own.put("notifyOnReply", true);
    own.put("notifyOnComments", false);
    own.remove("notifyEmail");
    send(own);
    String composed = java.text.Normalizer.normalize(address, java.text.Normalizer.Form.NFC);
    var asking =
        await()
            .atMost(PATIENCE)
            .until(() -> TestMail.to(composed), mails -> mails.size() == 1)
            .get(0);
    assertThat(
            api()
                .post("/api/subscriptions/comments/confirm?token=" + TestMail.token(asking), "")
                .text("status"))
        .isEqualTo("REPLIES");
  }

  /** Waits for the reply mail to the address and follows its link that stops the next ones. */
  private void stopRepliesWithTheLinkOfTheMailTo(String address) throws Exception {
    var mail =
        await()
            .atMost(PATIENCE)
            .until(() -> TestMail.to(address), mails -> mails.size() == 2)
            .get(1);
    var link =
        Pattern.compile("replies\\?token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)")
            .matcher(TestMail.body(mail).replace("=\r\n", ""));
    assertThat(link.find()).isTrue();
    assertThat(api().post("/api/subscriptions/replies/stop?token=" + link.group(1), "").status())
        .isEqualTo(200);
  }

  /** The records of mails to the address, and of the posts where it stopped reply mails. */
  private long kept(String address) {
    long mails =
        mongo.count(
            Query.query(Criteria.where("to").regex("^" + Pattern.quote(address) + "$", "i")),
            "comment_notices");
    String hash =
        java.util.HexFormat.of()
            .formatHex(
                sha256(
                    address
                        .toLowerCase(Locale.ROOT)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    long stops = mongo.count(Query.query(Criteria.where("_id").regex(hash + "$")), "reply_stops");
    return mails + stops;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The contract's example of a reply on this post to a comment of the address. */
  private static ObjectNode replyTo(String notifyEmail, String postId) throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/comment-posted.json")));
    event.put("eventId", UUID.randomUUID().toString());
    event.put("notifyEmail", notifyEmail);
    event.put("postId", postId);
    return event;
  }

  private void send(ObjectNode event) {
    kafka.send("blog.comment-events", event.path("postId").asString(), event.toString()).join();
  }
}
