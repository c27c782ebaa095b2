package io.inkwell.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.Contracts;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blogger's "Notify me": a reader who asked, commenting, to hear of later comments on the post (or
 * of replies to their comment), and confirmed it with the link of the mail that asks, gets one mail
 * per later comment (or reply), never about their own, until they stop it with the mail's link;
 * what is kept of them is shown and forgotten on request. Events are comment-service's {@code
 * CommentPosted} as the contract shows it, all on one post, so one partition keeps them in order.
 */
class CommentFollowerTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);
  private static final String CONFIRM = "Confirm mails about new comments on Wrapping up the WPC";
  private static final String CONFIRM_REPLIES =
      "Confirm mails about replies to your comment on Wrapping up the WPC";

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;
  @Autowired private CommentFollowers followers;

  private final String post = UUID.randomUUID().toString();

  @Test
  void aFollowerHearsOfEachLaterCommentOnceAndNeverOfTheirOwn() throws Exception {
    String ada = address("ada");
    follow("Ada", ada);
    var bobs = comment("Bob", address("bob"), false);
    send(bobs);
    send(bobs);
    send(comment("Ada", ada, false));
    send(comment("Carl", address("carl"), true));

    await().atMost(PATIENCE).until(() -> TestMail.to(ada).size() >= 3);
    assertThat(subjects(ada))
        .containsExactly(
            CONFIRM,
            "Bob commented on Wrapping up the WPC",
            "Carl commented on Wrapping up the WPC");
    MimeMessage mail = TestMail.to(ada).get(1);
    assertThat(TestMail.body(mail))
        .contains("Thanks for the notes!")
        .contains(
            "https://blog.example.org/posts/wrapping-up-the-wpc#comment-"
                + bobs.path("commentId").asString())
        .doesNotContain(bobs.path("authorEmail").asString());
    assertThat(TestMail.header(mail, "List-Unsubscribe"))
        .contains("https://blog.example.org/api/subscriptions/replies/stop?token=");
  }

  @Test
  void aFollowerStopsWithTheMailsLinkAndAskingAgainInALaterCommentDoesNotUndoIt() throws Exception {
    String ada = address("ada");
    follow("Ada", ada);
    send(comment("Bob", address("bob"), false));
    var first =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 2).get(1);

    var stopped =
        api()
            .postAs(
                "/api/subscriptions/replies/stop?token=" + TestMail.token(first),
                "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
    assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
    // someone typing Ada's address into the form again, ticking the box
    send(comment("Not Ada", ada, true));
    String dan = address("dan");
    send(comment("Dan", dan, true));
    send(comment("Erin", address("erin"), false));

    await().atMost(PATIENCE).until(() -> TestMail.to(dan).size() == 1);
    assertThat(subjects(ada))
        .as("no new confirmation either")
        .containsExactly(CONFIRM, "Bob commented on Wrapping up the WPC");
  }

  /**
   * Ticking the box asks; only the address's owner, with the link of the mail that asks, makes it
   * so. A link scanner opening the link confirms nothing (the web client's page has a button); a
   * forged token is a problem. Once confirmed, following another post of the blog needs no mail.
   */
  @Test
  void nobodyIsMailedCommentsTheyDidNotConfirmAndAConfirmedAddressFollowsOtherPostsAtOnce()
      throws Exception {
    String ada = address("ada");
    send(comment("Ada", ada, true));
    var asking =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    assertThat(asking.getSubject()).isEqualTo(CONFIRM);
    assertThat(TestMail.body(asking))
        .contains("https://blog.example.org/subscriptions/comments?token=")
        .contains("each new comment on \"Wrapping up the WPC\"");
    send(comment("Bob", address("bob"), false));
    String dan = address("dan");
    send(comment("Dan", dan, true));
    await().atMost(PATIENCE).until(() -> TestMail.to(dan).size() == 1);
    var forged = api().post("/api/subscriptions/comments/confirm?token=forged.token", "");
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.header("Content-Type")).startsWith("application/problem+json");

    confirm(asking);
    confirm(asking);
    send(comment("Carl", address("carl"), false));
    String otherPost = UUID.randomUUID().toString();
    send(onPost(otherPost, comment("Ada", ada, true)));
    send(onPost(otherPost, comment("Erin", address("erin"), false)));

    await().atMost(PATIENCE).until(() -> TestMail.to(ada).size() >= 3);
    assertThat(subjects(ada))
        .as("not of Bob's, before she confirmed; no second confirmation for the other post")
        .containsExactlyInAnyOrder(
            CONFIRM,
            "Carl commented on Wrapping up the WPC",
            "Erin commented on Wrapping up the WPC");
  }

  /**
   * "Email me when someone replies" is confirmed as following is: no reply mail comes before the
   * address's owner pressed the button of the page the mail that asks links to, then one per reply
   * and none about other comments. Asking for replies on another post, or for every comment later
   * on, needs no second confirmation.
   */
  @Test
  void repliesAreMailedOnlyToAnAddressWhoseOwnerConfirmedAskingForThem() throws Exception {
    String ada = address("ada");
    var adas = asksForReplies(comment("Ada", ada, false));
    send(adas);
    var asking =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    assertThat(asking.getSubject()).isEqualTo(CONFIRM_REPLIES);
    assertThat(TestMail.body(asking))
        .contains("https://blog.example.org/subscriptions/comments?token=")
        .contains("replies to your comment on \"Wrapping up the WPC\"");
    send(replyTo(adas, comment("Bob", address("bob"), false)));
    // Gus's asking comes after Bob's reply on the same partition: once it is mailed, Bob's reply
    // has been handled, before Ada confirms
    String gus = address("gus");
    send(comment("Gus", gus, true));
    await().atMost(PATIENCE).until(() -> TestMail.to(gus).size() == 1);

    var confirmed =
        api().post("/api/subscriptions/comments/confirm?token=" + TestMail.token(asking), "");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.text("status")).isEqualTo("REPLIES");
    send(comment("Carl", address("carl"), false));
    send(replyTo(adas, comment("Dan", address("dan"), false)));
    String otherPost = UUID.randomUUID().toString();
    var onTheOther = onPost(otherPost, asksForReplies(comment("Ada", ada, false)));
    send(onTheOther);
    send(replyTo(onTheOther, onPost(otherPost, comment("Erin", address("erin"), false))));

    await().atMost(PATIENCE).until(() -> TestMail.to(ada).size() >= 3);
    assertThat(subjects(ada))
        .as("not of Bob's reply, before she confirmed, nor of Carl's comment")
        .containsExactlyInAnyOrder(
            CONFIRM_REPLIES,
            "Dan replied to your comment on Wrapping up the WPC",
            "Erin replied to your comment on Wrapping up the WPC");

    // she ticks "Notify me" with a later comment: she follows every comment at once
    send(comment("Ada", ada, true));
    send(comment("Fay", address("fay"), false));
    await().atMost(PATIENCE).until(() -> TestMail.to(ada).size() >= 4);
    assertThat(subjects(ada)).hasSize(4).contains("Fay commented on Wrapping up the WPC");
  }

  /**
   * Whoever gets a mail asking to confirm comment mails they did not ask for stops every comment
   * mail of the blog to their address with its second link (or its one-click unsubscribe): no later
   * comment asks them again, on any post. A follower stops them all with the same link of a mail
   * about a comment, and follows no post any more.
   */
  @Test
  void theOtherLinkOfTheMailThatAsksStopsEveryCommentMailOfTheBlogForGood() throws Exception {
    String ada = address("ada");
    String bob = address("bob");
    follow("Bob", bob);
    send(comment("Not Ada", ada, true));
    var asking =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    assertThat(TestMail.body(asking)).contains("Did not ask? Never mail me about comments on");
    String oneClick = TestMail.header(asking, "List-Unsubscribe").replaceAll("^<([^>]+)>.*", "$1");
    assertThat(oneClick).contains("/api/subscriptions/replies/stop?token=");
    assertThat(
            api()
                .postAs(
                    oneClick.substring(oneClick.indexOf("/api/")),
                    "application/x-www-form-urlencoded",
                    "List-Unsubscribe=One-Click")
                .status())
        .isEqualTo(200);
    // Bob, who follows the post, stops every comment mail with the other link of a mail about one
    var bobsMail =
        await().atMost(PATIENCE).until(() -> TestMail.to(bob), mails -> mails.size() == 2).get(1);
    var never =
        java.util.regex.Pattern.compile("/subscriptions/comments/never\\?token=([A-Za-z0-9_.-]+)")
            .matcher(TestMail.body(bobsMail).replace("=\r\n", ""));
    assertThat(never.find()).isTrue();
    assertThat(api().post("/api/subscriptions/replies/stop?token=" + never.group(1), "").status())
        .isEqualTo(200);

    String otherPost = UUID.randomUUID().toString();
    send(comment("Not Ada again", ada, true));
    send(onPost(otherPost, asksForReplies(comment("Still not Ada", ada, false))));
    send(comment("Carl", address("carl"), false));
    String dan = address("dan");
    send(onPost(otherPost, comment("Dan", dan, true)));
    send(comment("Erin", address("erin"), true));

    await().atMost(PATIENCE).until(() -> TestMail.to(dan).size() == 1);
    String fay = address("fay");
    send(comment("Fay", fay, true));
    await().atMost(PATIENCE).until(() -> TestMail.to(fay).size() == 1);
    assertThat(subjects(ada)).as("nothing after the stop").containsExactly(CONFIRM);
    assertThat(subjects(bob))
        .as("of the comment before his stop, not of Carl's, nor Erin's")
        .containsExactly(CONFIRM, "Not Ada commented on Wrapping up the WPC");
    var late =
        api().post("/api/subscriptions/comments/confirm?token=" + TestMail.token(asking), "");
    assertThat(late.status()).as("nothing left to confirm").isEqualTo(400);
  }

  /**
   * Whoever said, with the link of the mail that asked them to confirm a subscription to the blog,
   * that they never asked, is not asked about comments either, whoever types their address.
   */
  @Test
  void whoeverRefusedTheBlogsSubscriptionIsNotAskedAboutComments() throws Exception {
    String ada = address("ada");
    api().post("/api/subscriptions", "{\"email\": \"" + ada + "\"}");
    var never =
        java.util.regex.Pattern.compile("/subscriptions/never\\?token=([A-Za-z0-9_.-]+)")
            .matcher(TestMail.body(TestMail.to(ada).get(0)).replace("=\r\n", ""));
    assertThat(never.find()).isTrue();
    assertThat(api().post("/api/subscriptions/never?token=" + never.group(1), "").status())
        .isEqualTo(200);

    send(comment("Not Ada", ada, true));
    send(asksForReplies(comment("Still not Ada", ada, false)));
    String bob = address("bob");
    send(comment("Bob", bob, true));
    await().atMost(PATIENCE).until(() -> TestMail.to(bob).size() == 1);
    assertThat(TestMail.to(ada)).as("the subscription's asking only").hasSize(1);
  }

  /** The commenter also ticked "Email me when someone replies". */
  private static ObjectNode asksForReplies(ObjectNode comment) {
    comment.put("notifyOnReply", true);
    return comment;
  }

  /** The comment answers the parent, whose author asked for replies, as comment-service says. */
  private static ObjectNode replyTo(ObjectNode parent, ObjectNode comment) {
    comment.put("parentId", parent.path("commentId").asString());
    comment.put("notifyEmail", parent.path("authorEmail").asString());
    return comment;
  }

  /** A reader ticks the box and confirms with the link of the mail that asks. */
  private void follow(String name, String email) throws Exception {
    send(comment(name, email, true));
    confirm(
        await().atMost(PATIENCE).until(() -> TestMail.to(email), mails -> !mails.isEmpty()).get(0));
  }

  /** The button of the page the confirmation mail's link opens. */
  private void confirm(MimeMessage asking) {
    var confirmed =
        api().post("/api/subscriptions/comments/confirm?token=" + TestMail.token(asking), "");
    assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
    assertThat(confirmed.text("status")).isEqualTo("FOLLOWING");
  }

  private static ObjectNode onPost(String postId, ObjectNode event) {
    event.put("postId", postId);
    return event;
  }

  @Test
  void whatIsKeptOfAFollowerIsShownAndForgottenOnRequest() throws Exception {
    String ada = address("ada");
    follow("Ada", ada);
    String body = "{\"email\": \"" + ada.toUpperCase(java.util.Locale.ROOT) + "\"}";
    var kept =
        await()
            .atMost(PATIENCE)
            .until(
                () -> admin().post("/api/subscribers/personal-data", body).json(),
                shown -> shown.path("following").size() == 1);
    assertThat(kept.path("following").get(0).path("postUrl").asString())
        .isEqualTo("https://blog.example.org/posts/wrapping-up-the-wpc");
    assertThat(kept.path("following").get(0).path("confirmedAt").isNull()).isFalse();
    assertThat(kept.path("following").get(0).path("repliesOnly").asBoolean()).isFalse();

    assertThat(admin().post("/api/subscribers/erasure", body).status()).isEqualTo(200);
    send(comment("Bob", address("bob"), false));
    String carl = address("carl");
    send(comment("Carl", carl, true));
    send(comment("Dan", address("dan"), false));

    await().atMost(PATIENCE).until(() -> TestMail.to(carl).size() == 1);
    assertThat(subjects(ada)).as("the confirmation only").containsExactly(CONFIRM);
    assertThat(admin().post("/api/subscribers/personal-data", body).json().path("following"))
        .isEmpty();
  }

  /**
   * An address ticked in a comment form that nobody confirmed is not kept for ever: once the link
   * of the mail that asked no longer works, the asking is forgotten, and what is kept of the
   * address no longer shows it. A confirmed following, or an asking still to be confirmed, stays.
   */
  @Test
  void anAskingNobodyConfirmedIsForgottenOnceItsLinkNoLongerWorks() throws Exception {
    String ada = address("ada");
    String bob = address("bob");
    String carl = address("carl");
    follow("Carl", carl);
    send(comment("Ada", ada, true));
    send(comment("Bob", bob, true));
    await()
        .atMost(PATIENCE)
        .until(() -> !TestMail.to(ada).isEmpty() && !TestMail.to(bob).isEmpty());
    // Ada's and Carl's askings were eight days and an hour ago, past the cut-off of eight days
    // whatever the millisecond; Bob's is today's
    Instant pastTheCutOff = Instant.now().minus(Duration.ofDays(8).plusHours(1));
    for (String asked : List.of(ada, carl)) {
      mongo.updateFirst(
          Query.query(Criteria.where("_id").is(ReplyStops.key(post, asked))),
          new Update().set("askedAt", pastTheCutOff).set("since", pastTheCutOff),
          CommentFollowers.Follower.class);
    }

    followers.forgetUnconfirmed();

    assertThat(kept(ada)).as("forgotten").isEmpty();
    assertThat(kept(bob)).as("its link still works").hasSize(1);
    assertThat(kept(carl)).as("confirmed").hasSize(1);
    var late =
        api()
            .post(
                "/api/subscriptions/comments/confirm?token="
                    + TestMail.token(TestMail.to(ada).get(0)),
                "");
    assertThat(late.status()).as("nothing left to confirm").isEqualTo(400);
  }

  /** What the personal-data answer shows of the comment mails the address asked for. */
  private JsonNode kept(String email) {
    return admin()
        .post("/api/subscribers/personal-data", "{\"email\": \"" + email + "\"}")
        .json()
        .path("following");
  }

  /** A visible comment on this test's post, from the address given. */
  private ObjectNode comment(String name, String email, boolean follows) throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/comment-posted.json")));
    event.put("eventId", UUID.randomUUID().toString());
    event.put("commentId", UUID.randomUUID().toString());
    event.put("postId", post);
    event.put("authorName", name);
    event.put("authorEmail", email);
    event.put("notifyOnComments", follows);
    event.remove("notifyEmail");
    event.remove("parentId");
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  private void send(ObjectNode event) {
    kafka.send("blog.comment-events", event.path("postId").asString(), event.toString()).join();
  }

  private static String address(String name) {
    return name + "-" + UUID.randomUUID() + "@example.org";
  }

  private static List<String> subjects(String to) throws MessagingException {
    var subjects = new java.util.ArrayList<String>();
    for (MimeMessage mail : TestMail.to(to)) {
      subjects.add(mail.getSubject());
    }
    return subjects;
  }
}
