package io.inkwell.notifications.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.testsupport.AtOnce;
import io.inkwell.testsupport.Contracts;
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
 * A commenter who asked to hear of replies (and confirmed it, as {@link CommentFollowerTests} shows
 * by mail) gets one mail per reply, and a post's author one per comment, from comment-service's
 * {@code CommentPosted} and auth-service's {@code StaffChanged} as the contracts show them.
 */
class CommentNoticeTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired private KafkaTemplate<String, String> kafka;
  @Autowired private MongoTemplate mongo;

  @Autowired private CommentNotices notices;
  @Autowired private CommentFollowers followers;

  /** The post of the contract's example. */
  private static final String POST = "a3e1f6c2-7b0d-4c1e-8f22-5d9e0b6a4c31";

  /**
   * Every instance sweeps the notices still unsent: of several that find the same one at once (the
   * mail server came back), one sends it.
   */
  @Test
  void instancesSweepingAtOnceSendAWaitingNoticeOnce() throws Exception {
    String to = "swept-" + UUID.randomUUID() + "@example.org";
    String eventId = UUID.randomUUID().toString();
    mongo.insert(
        new CommentNotice(
            eventId + "/NEW_COMMENT",
            eventId,
            CommentNotice.Reason.NEW_COMMENT,
            to,
            "post-" + eventId,
            "Swept up",
            "https://blog.example.org/posts/swept-up",
            "Ada",
            "A comment that waited for the mail server.",
            CommentNotice.Status.PENDING,
            1,
            Instant.now().minus(Duration.ofMinutes(5))));
    AtOnce.run(
        4,
        () -> {
          notices.retryPending();
          return null;
        });

    assertThat(TestMail.to(to)).hasSize(1);
    assertThat(mongo.findById(eventId + "/NEW_COMMENT", CommentNotice.class).status())
        .isEqualTo(CommentNotice.Status.SENT);
  }

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

  /**
   * The address asked, commenting on the post, to hear of replies and confirmed it with the link of
   * the mail that asked.
   */
  private String confirmedReplies(String email, String postId) {
    followers.ask(
        postId,
        email,
        "Wrapping up the WPC",
        "https://blog.example.org/posts/wrapping-up-the-wpc",
        false);
    followers.confirm(followers.confirmToken(postId, email));
    return email;
  }

  private void send(ObjectNode event) {
    kafka.send("blog.comment-events", event.path("postId").asString(), event.toString()).join();
  }

  /** A staff account as auth-service announces it, with a fresh id unless one is given. */
  private ObjectNode staffChanged(String staffId, String email, String role, Instant at)
      throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/staff-changed.json")));
    event.put("eventId", UUID.randomUUID().toString());
    event.put("staffId", staffId);
    event.put("email", email);
    event.put("role", role);
    event.put("occurredAt", at.toString());
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  private void announce(ObjectNode staffChanged) {
    kafka
        .send("blog.staff-events", staffChanged.path("staffId").asString(), staffChanged.toString())
        .join();
  }

  private ObjectNode commentOnPostBy(String authorId, String notifyEmail) throws Exception {
    var event = commentPosted(notifyEmail);
    event.put("postAuthorId", authorId);
    return event;
  }

  private static java.util.List<String> subjects(String to) {
    return TestMail.to(to).stream()
        .map(
            mail -> {
              try {
                return mail.getSubject();
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void aPostsAuthorIsToldOfEachNewCommentOnceEvenWhenTheEventComesTwice() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String grace = "grace-" + authorId + "@example.org";
    announce(staffChanged(authorId, grace, "AUTHOR", Instant.now()));
    // the author's address arrives before any comment of theirs is dealt with
    await().atMost(PATIENCE).until(() -> mongo.findById(authorId, Document.class, "staff") != null);
    var comment = commentOnPostBy(authorId, null);

    send(comment);
    send(comment);

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(grace), mails -> mails.size() == 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Linus commented on Wrapping up the WPC");
    assertThat(TestMail.body(mail))
        .contains("Thanks for the notes!")
        .contains(
            "https://blog.example.org/posts/wrapping-up-the-wpc#comment-"
                + comment.path("commentId").asString())
        .contains("https://blog.example.org/admin/comments");
    assertThat(TestMail.header(mail, "Message-ID"))
        .startsWith("<comment." + comment.path("eventId").asString() + "@");
    send(commentOnPostBy(authorId, null));
    await().atMost(PATIENCE).until(() -> TestMail.to(grace).size() == 2);
  }

  /**
   * A name and a title written right to left (Arabic, Hebrew) stand between the Unicode isolates in
   * the mails' sentences, subject, text and HTML alike, so that they turn none of the words, quotes
   * and colons around them; a comment's words run in their own direction. Names and titles written
   * left to right are left as they are (the test above).
   */
  @Test
  void namesAndTitlesWrittenRightToLeftTurnNothingAroundThemInTheMails() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String grace = "grace-" + authorId + "@example.org";
    String ada = confirmedReplies("ada-" + authorId + "@example.org", POST);
    announce(staffChanged(authorId, grace, "AUTHOR", Instant.now()));
    await().atMost(PATIENCE).until(() -> mongo.findById(authorId, Document.class, "staff") != null);
    var comment = commentOnPostBy(authorId, ada);
    comment.put("authorName", "علي 2");
    comment.put("postTitle", "שלום (עולם)");
    comment.put("excerpt", "شكرا على الملاحظات!");

    send(comment);

    String name = "\u2068علي 2\u2069";
    String title = "\u2068שלום (עולם)\u2069";
    var toAuthor =
        await().atMost(PATIENCE).until(() -> TestMail.to(grace), mails -> mails.size() == 1).get(0);
    assertThat(toAuthor.getSubject()).isEqualTo(name + " commented on " + title);
    assertThat(TestMail.text(toAuthor)).contains(name + " commented on \"" + title + "\":");
    assertThat(TestMail.html(toAuthor))
        .contains("<p>" + name + " commented on <a href=")
        .contains(">" + title + "</a>")
        .contains("<blockquote dir=\"auto\">شكرا على الملاحظات!</blockquote>");
    var reply =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    assertThat(reply.getSubject()).isEqualTo(name + " replied to your comment on " + title);
  }

  @Test
  void anAuthorAnsweringOnTheirOwnPostIsNotToldOfTheirOwnAnswer() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String jo = "jo-" + authorId + "@example.org";
    announce(staffChanged(authorId, jo, "AUTHOR", Instant.now()));
    await().atMost(PATIENCE).until(() -> mongo.findById(authorId, Document.class, "staff") != null);
    var own = commentOnPostBy(authorId, null);
    own.put("authorStaffId", authorId);
    own.put("excerpt", "My own answer");
    assertThat(Contracts.violations(own.toString())).isEmpty();

    send(own);
    // a reader's comment after it, on the same post: once it is mailed, the answer was handled
    send(commentOnPostBy(authorId, null));

    await().atMost(PATIENCE).until(() -> TestMail.to(jo).size() == 1);
    assertThat(TestMail.body(TestMail.to(jo).get(0))).doesNotContain("My own answer");
  }

  @Test
  void theOwnerHearsOfCommentsOnPostsWhoseBylineHasNoAccount() throws Exception {
    String ownerId = UUID.randomUUID().toString();
    String owner = "owner-" + ownerId + "@example.org";
    announce(staffChanged(ownerId, owner, "OWNER", Instant.now()));
    await().atMost(PATIENCE).until(() -> mongo.findById(ownerId, Document.class, "staff") != null);

    send(commentOnPostBy("imported-byline-" + ownerId, null));

    await()
        .atMost(PATIENCE)
        .until(
            () -> subjects(owner),
            found -> found.equals(java.util.List.of("Linus commented on Wrapping up the WPC")));
  }

  @Test
  void theOwnerHearsOfCommentsOnPostsOfASuspendedAuthorWhoHearsNothing() throws Exception {
    String ownerId = UUID.randomUUID().toString();
    String owner = "owner-" + ownerId + "@example.org";
    announce(staffChanged(ownerId, owner, "OWNER", Instant.now()));
    String authorId = UUID.randomUUID().toString();
    String sam = "sam-" + authorId + "@example.org";
    var suspended = staffChanged(authorId, sam, "AUTHOR", Instant.now());
    suspended.put("suspended", true);
    assertThat(Contracts.violations(suspended.toString())).isEmpty();
    announce(suspended);
    await().atMost(PATIENCE).until(() -> mongo.findById(ownerId, Document.class, "staff") != null);
    await()
        .atMost(PATIENCE)
        .until(
            () -> mongo.findById(authorId, Document.class, "staff"),
            stored -> stored != null && stored.getBoolean("suspended"));

    send(commentOnPostBy(authorId, null));

    await()
        .atMost(PATIENCE)
        .until(
            () -> subjects(owner),
            found -> found.equals(java.util.List.of("Linus commented on Wrapping up the WPC")));
    assertThat(TestMail.to(sam)).isEmpty();
  }

  @Test
  void aRemovedAuthorsAddressIsForgottenAndTheOwnerHearsOfTheirPostsComments() throws Exception {
    String ownerId = UUID.randomUUID().toString();
    String owner = "owner-" + ownerId + "@example.org";
    announce(staffChanged(ownerId, owner, "OWNER", Instant.now()));
    String authorId = UUID.randomUUID().toString();
    String rita = "rita-" + authorId + "@example.org";
    Instant joined = Instant.now();
    announce(staffChanged(authorId, rita, "EDITOR", joined));
    var removed = Contracts.example("staff-removed");
    removed.put("staffId", authorId);
    removed.put("occurredAt", joined.plusSeconds(1).toString());
    assertThat(Contracts.violations(removed.toString())).isEmpty();
    announce(removed);
    // the account as it was before, redelivered late: it brings nothing back
    announce(staffChanged(authorId, rita, "EDITOR", joined));
    var marker = staffChanged(UUID.randomUUID().toString(), "m@example.org", "AUTHOR", joined);
    announce(marker);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                mongo.findById(marker.path("staffId").asString(), Document.class, "staff") != null);
    var kept = mongo.findById(authorId, Document.class, "staff");
    assertThat(kept.getBoolean("removed")).isTrue();
    assertThat(kept).doesNotContainKeys("email", "name");

    send(commentOnPostBy(authorId, null));
    send(commentHeldOnPostBy(authorId));

    await()
        .atMost(PATIENCE)
        .until(
            () -> subjects(owner),
            found ->
                found.containsAll(
                    java.util.List.of(
                        "Linus commented on Wrapping up the WPC",
                        "Please moderate: \"Wrapping up the WPC\"")));
    assertThat(TestMail.to(rita)).isEmpty();
  }

  /** A held comment on a post by this author, as comment-service announces it. */
  private ObjectNode commentHeldOnPostBy(String authorId) throws Exception {
    var event =
        (ObjectNode)
            JSON.readTree(Files.readString(Path.of("../contracts/examples/comment-held.json")));
    event.put("eventId", UUID.randomUUID().toString());
    event.put("postAuthorId", authorId);
    assertThat(Contracts.violations(event.toString())).isEmpty();
    return event;
  }

  @Test
  void theOwnerAndAnEditorWhoWroteThePostAreAskedOnceToModerateAHeldComment() throws Exception {
    String ownerId = UUID.randomUUID().toString();
    String owner = "owner-" + ownerId + "@example.org";
    String editorId = UUID.randomUUID().toString();
    String editor = "edna-" + editorId + "@example.org";
    String authorId = UUID.randomUUID().toString();
    String author = "al-" + authorId + "@example.org";
    announce(staffChanged(ownerId, owner, "OWNER", Instant.now()));
    announce(staffChanged(editorId, editor, "EDITOR", Instant.now()));
    announce(staffChanged(authorId, author, "AUTHOR", Instant.now()));
    for (String id : java.util.List.of(ownerId, editorId, authorId)) {
      await().atMost(PATIENCE).until(() -> mongo.findById(id, Document.class, "staff") != null);
    }
    var onEdnasPost = commentHeldOnPostBy(editorId);

    send(onEdnasPost);
    send(onEdnasPost);
    // An author cannot moderate: for their post, only the owner is asked.
    send(commentHeldOnPostBy(authorId));

    String please = "Please moderate: \"Wrapping up the WPC\"";
    await().atMost(PATIENCE).until(() -> subjects(owner), found -> found.size() == 2);
    assertThat(subjects(owner)).containsExactly(please, please);
    var mail =
        await()
            .atMost(PATIENCE)
            .until(() -> TestMail.to(editor), found -> found.size() == 1)
            .get(0);
    assertThat(mail.getSubject()).isEqualTo(please);
    assertThat(TestMail.body(mail).replace("=\r\n", ""))
        .contains("A comment by Margaret")
        .contains("First time here")
        .contains("https://blog.example.org/admin/comments");
    assertThat(TestMail.header(mail, "Message-ID"))
        .startsWith("<moderate.")
        .contains(onEdnasPost.path("eventId").asString());
    assertThat(TestMail.to(author)).isEmpty();
  }

  @Test
  void anAuthorWhoTurnedCommentMailsOffGetsNone() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String quinn = "quinn-" + authorId + "@example.org";
    var quiet = staffChanged(authorId, quinn, "AUTHOR", Instant.now());
    quiet.put("commentMails", false);
    assertThat(Contracts.violations(quiet.toString())).isEmpty();
    announce(quiet);
    await()
        .atMost(PATIENCE)
        .until(
            () -> mongo.findById(authorId, Document.class, "staff"),
            stored -> stored != null && stored.getBoolean("commentMailsOff"));

    send(commentOnPostBy(authorId, null));
    String marker = confirmedReplies("marker-" + authorId + "@example.org", POST);
    send(commentPosted(marker));

    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(TestMail.to(quinn)).isEmpty();
  }

  @Test
  void aStaffEventOlderThanWhatIsKnownChangesNothing() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String newer = "new-" + authorId + "@example.org";
    String older = "old-" + authorId + "@example.org";
    Instant now = Instant.now();
    announce(staffChanged(authorId, newer, "EDITOR", now));
    announce(staffChanged(authorId, older, "EDITOR", now.minusSeconds(60)));
    var marker = staffChanged(UUID.randomUUID().toString(), "m@example.org", "AUTHOR", now);
    announce(marker);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                mongo.findById(marker.path("staffId").asString(), Document.class, "staff") != null);

    send(commentOnPostBy(authorId, null));

    await().atMost(PATIENCE).until(() -> TestMail.to(newer).size() == 1);
    assertThat(TestMail.to(older)).isEmpty();
  }

  @Test
  void anAuthorWhoAskedForRepliesToTheirOwnCommentGetsOneMailNotTwo() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String dana = confirmedReplies("dana-" + authorId + "@example.org", POST);
    announce(staffChanged(authorId, dana, "AUTHOR", Instant.now()));
    await().atMost(PATIENCE).until(() -> mongo.findById(authorId, Document.class, "staff") != null);

    send(commentOnPostBy(authorId, dana));
    String marker = confirmedReplies("marker-" + authorId + "@example.org", POST);
    send(commentPosted(marker));

    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(subjects(dana))
        .containsExactly("Linus replied to your comment on Wrapping up the WPC");
  }

  /**
   * An author who asked for replies without confirming it still hears of comments as the author.
   */
  @Test
  void anAuthorRepliedToWhoDidNotConfirmAskingForRepliesHearsOfItAsTheAuthor() throws Exception {
    String authorId = UUID.randomUUID().toString();
    String dana = "dana-" + authorId + "@example.org";
    announce(staffChanged(authorId, dana, "AUTHOR", Instant.now()));
    await().atMost(PATIENCE).until(() -> mongo.findById(authorId, Document.class, "staff") != null);

    send(commentOnPostBy(authorId, dana));

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(dana), mails -> !mails.isEmpty()).get(0);
    assertThat(mail.getSubject()).isEqualTo("Linus commented on Wrapping up the WPC");
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
    String ada = confirmedReplies("ada-" + UUID.randomUUID() + "@example.org", POST);
    var event = commentPosted(ada);
    double before = sentComments();

    send(event);
    send(event);

    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    assertThat(mail.getSubject()).isEqualTo("Linus replied to your comment on Wrapping up the WPC");
    assertThat(TestMail.body(mail))
        .contains("Thanks for the notes!")
        // the reply itself, where the conversation goes on
        .contains(
            "https://blog.example.org/posts/wrapping-up-the-wpc#comment-"
                + event.path("commentId").asString());
    assertThat(TestMail.header(mail, "Message-ID")).contains(event.path("eventId").asString());
    await().atMost(PATIENCE).until(() -> sentComments() >= before + 1);
    // a later event for someone else arriving shows the duplicate was processed and ignored
    String bob = confirmedReplies("bob-" + UUID.randomUUID() + "@example.org", POST);
    send(commentPosted(bob));
    await().atMost(PATIENCE).until(() -> TestMail.to(bob).size() == 1);
    assertThat(TestMail.to(ada)).hasSize(1);
  }

  @Test
  void aCommenterStopsReplyMailsAboutOnePostWithOneClickAndStillHearsOfOtherPosts()
      throws Exception {
    String ada = "ada-" + UUID.randomUUID() + "@example.org";
    String post = UUID.randomUUID().toString();
    String otherPost = UUID.randomUUID().toString();
    confirmedReplies(ada, post);
    confirmedReplies(ada, otherPost);
    send(onPost(post, commentPosted(ada)));
    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    var link =
        java.util.regex.Pattern.compile(
                "https://blog\\.example\\.org/subscriptions/replies\\?token=([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)")
            .matcher(TestMail.body(mail).replace("=\r\n", ""));
    assertThat(link.find()).as("the stop link of the mail").isTrue();
    String token = link.group(1);
    assertThat(token).as("no address in a link").doesNotContain(ada);
    assertThat(TestMail.header(mail, "List-Unsubscribe"))
        .contains("<https://blog.example.org/api/subscriptions/replies/stop?token=" + token + ">");

    var oneClick =
        api()
            .postAs(
                "/api/subscriptions/replies/stop?token=" + token,
                "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click");
    assertThat(oneClick.status()).as(oneClick.toString()).isEqualTo(200);
    assertThat(oneClick.text("status")).isEqualTo("STOPPED");
    send(onPost(post, commentPosted(ada)));
    send(onPost(otherPost, commentPosted(ada)));
    // a later reply on the same post (same partition) to someone else: the one before was handled
    String marker = confirmedReplies("marker-" + UUID.randomUUID() + "@example.org", post);
    send(onPost(post, commentPosted(marker)));

    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    await().atMost(PATIENCE).until(() -> TestMail.to(ada).size() == 2);
    assertThat(TestMail.to(ada)).as("the first, and the one about the other post").hasSize(2);
    var forged = api().post("/api/subscriptions/replies/stop?token=forged.token", "");
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
    assertThat(forged.text("detail")).contains("latest reply mail");
  }

  /** A mail client without one-click unsubscribing mails the address List-Unsubscribe names. */
  @Test
  void aCommenterStopsReplyMailsByTheMailListUnsubscribeAsksFor() throws Exception {
    String ada = "ada-" + UUID.randomUUID() + "@example.org";
    String post = UUID.randomUUID().toString();
    confirmedReplies(ada, post);
    send(onPost(post, commentPosted(ada)));
    var mail =
        await().atMost(PATIENCE).until(() -> TestMail.to(ada), mails -> mails.size() == 1).get(0);
    var mailto =
        java.util.regex.Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>")
            .matcher(TestMail.header(mail, "List-Unsubscribe"));
    assertThat(mailto.find()).isTrue();

    TestMail.send(
        ada,
        mailto.group(1),
        java.net.URLDecoder.decode(mailto.group(2), java.nio.charset.StandardCharsets.UTF_8));
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                TestMail.inBlogMailbox().stream()
                    .noneMatch(m -> TestMail.header(m, "From").contains(ada)),
            done -> done);

    send(onPost(post, commentPosted(ada)));
    String marker = confirmedReplies("marker-" + UUID.randomUUID() + "@example.org", post);
    send(onPost(post, commentPosted(marker)));
    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(TestMail.to(ada)).as("no mail after the stop").hasSize(1);
  }

  private static ObjectNode onPost(String postId, ObjectNode event) {
    event.put("postId", postId);
    return event;
  }

  @Test
  void aCommentWhoseParentDidNotAskSendsNothing() throws Exception {
    long before = replyMails();
    var quiet = commentPosted(null);
    String marker = confirmedReplies("carl-" + UUID.randomUUID() + "@example.org", POST);

    send(quiet);
    send(commentPosted(marker));

    await().atMost(PATIENCE).until(() -> TestMail.to(marker).size() == 1);
    assertThat(replyMails()).isEqualTo(before + 1);
  }

  /** A reply mail goes only to an address mail servers take, never to an IP address. */
  @Test
  void aReplyMailGoesToNoAddressMailServersRefuse() throws Exception {
    long before = replyMails();
    String marker = confirmedReplies("dora-" + UUID.randomUUID() + "@example.org", POST);

    send(commentPosted(confirmedReplies("dora@[127.0.0.1]", POST)));
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

  /** Nothing of a commenter's is kept for ever: the records of notices done go after a month. */
  @Test
  void theRecordsOfNoticesSentOrGivenUpGoAfterAMonthAndThoseStillToSendStay() {
    Instant old = Instant.now().minus(Duration.ofDays(31));
    Instant recent = Instant.now().minus(Duration.ofDays(29));
    String sentLongAgo = notice(CommentNotice.Status.SENT, old);
    String failedLongAgo = notice(CommentNotice.Status.FAILED, old);
    String waitingLongAgo = notice(CommentNotice.Status.PENDING, old);
    String sentLately = notice(CommentNotice.Status.SENT, recent);

    notices.forgetOldRecords();

    assertThat(mongo.findById(sentLongAgo, CommentNotice.class)).isNull();
    assertThat(mongo.findById(failedLongAgo, CommentNotice.class)).isNull();
    assertThat(mongo.findById(waitingLongAgo, CommentNotice.class))
        .as("still to be sent when the mail server is back")
        .isNotNull();
    assertThat(mongo.findById(sentLately, CommentNotice.class))
        .as("kept against the event delivered again")
        .isNotNull();
    mongo.remove(mongo.findById(waitingLongAgo, CommentNotice.class));
  }

  /** A notice recorded then, claimed by nobody's sweep meanwhile (a test sender holds it). */
  private String notice(CommentNotice.Status status, Instant createdAt) {
    String eventId = UUID.randomUUID().toString();
    var stored = new org.bson.Document();
    mongo
        .getConverter()
        .write(
            new CommentNotice(
                eventId + "/REPLY",
                eventId,
                CommentNotice.Reason.REPLY,
                "kept-" + eventId + "@example.org",
                "post-" + eventId,
                "Old news",
                "https://blog.example.org/posts/old-news",
                "Ada",
                "Words.",
                status,
                status == CommentNotice.Status.PENDING ? 0 : 1,
                createdAt),
            stored);
    stored.put("claimedUntil", java.util.Date.from(Instant.now().plus(Duration.ofHours(1))));
    mongo.insert(stored, "comment_notices");
    return eventId + "/REPLY";
  }
}
