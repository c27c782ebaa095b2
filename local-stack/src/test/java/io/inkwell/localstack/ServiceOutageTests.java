package io.inkwell.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.SignIn;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A service that dies is started again and takes up its work where it stopped; one that is stopped
 * does not take the site with it: the gateway answers its paths with a problem+json 503 at once,
 * and everything else keeps working. Runs last, as it kills and stops services of the shared stack.
 */
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceOutageTests {

  private static final int SUBSCRIBERS = 300;

  /**
   * The promise of exactly-once mail, kept through a real crash: notification-service's process is
   * killed (SIGKILL, no shutdown of any kind) in the middle of mailing a post to {@value
   * SUBSCRIBERS} subscribers. The stack starts it again, it takes up the fan-out where it stopped,
   * and every subscriber gets the post as one message (one Message-ID); the only mail the server
   * can get twice is the one in flight at the kill.
   */
  @Test
  @Order(1)
  void aServiceKilledInTheMiddleOfAFanOutIsStartedAgainAndEverySubscriberGetsThePostOnce()
      throws Exception {
    LocalStack stack = TestStack.get();
    var credentials = stack.credentials();
    var owner =
        new ApiClient(stack.gatewayUrl())
            .withToken(
                new SignIn(stack.gatewayUrl())
                    .person(
                        "inkwell-web",
                        stack.gatewayUrl() + "/login/oauth2/code/inkwell",
                        credentials.ownerEmail(),
                        credentials.ownerPassword()));
    String run = UUID.randomUUID().toString().substring(0, 8);
    String prefix = "crash-" + run + "-";
    var list = new StringBuilder("email,status\n");
    for (int i = 0; i < SUBSCRIBERS; i++) {
      list.append(prefix).append(i).append("@example.org,subscribed\n");
    }
    var imported = owner.postAs("/api/subscribers/import", "text/csv", list.toString());
    assertThat(imported.json().path("added").asInt())
        .as(imported.toString())
        .isEqualTo(SUBSCRIBERS);
    var editor = new ApiClient(stack.gatewayUrl()).withToken(TestStack.integrationToken());
    String title = "Through a crash " + run;
    String postId =
        editor
            .post("/api/posts", ApiClient.json(Map.of("title", title, "body", "Still here.")))
            .text("id");
    ServiceProcess notifications = service(stack, "notification-service");
    long killed = notifications.pid();

    assertThat(editor.post("/api/posts/" + postId + "/publish", "").status()).isEqualTo(200);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> mails(prefix, title).size() >= SUBSCRIBERS / 5);
    ProcessHandle.of(killed).orElseThrow().destroyForcibly();
    int beforeTheKill = mails(prefix, title).size();

    assertThat(beforeTheKill).as("killed in the middle of the fan-out").isLessThan(SUBSCRIBERS);
    await()
        // the mail server's thread for the connection that died mid-mail fails, as it should
        .dontCatchUncaughtExceptions()
        .atMost(Duration.ofMinutes(4))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              var report = owner.get("/api/posts/" + postId + "/deliveries");
              return report.status() == 200
                  && report.json().path("pending").asInt() == 0
                  && report.json().path("sent").asInt() >= SUBSCRIBERS;
            });
    assertThat(notifications.pid()).as("started again by the stack").isNotEqualTo(killed);
    Map<String, Set<String>> messageIds = new HashMap<>();
    List<MimeMessage> received = mails(prefix, title);
    for (MimeMessage mail : received) {
      messageIds
          .computeIfAbsent(
              mail.getRecipients(Message.RecipientType.TO)[0].toString(), k -> new HashSet<>())
          .add(mail.getMessageID());
    }
    assertThat(messageIds).as("every subscriber got the post").hasSize(SUBSCRIBERS);
    assertThat(messageIds.values())
        .as("as one message each")
        .allSatisfy(ids -> assertThat(ids).hasSize(1));
    assertThat(received.size() - SUBSCRIBERS)
        .as("sent twice: at most the one in flight at the kill")
        .isLessThanOrEqualTo(1);
  }

  private static ServiceProcess service(LocalStack stack, String name) {
    return stack.services().stream()
        .filter(service -> service.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The mail caught for the subscribers of this run, with this subject. */
  private static List<MimeMessage> mails(String prefix, String subject) throws Exception {
    List<MimeMessage> found = new ArrayList<>();
    for (MimeMessage mail : TestStack.get().receivedMail()) {
      var to = mail.getRecipients(Message.RecipientType.TO);
      if (to != null
          && to.length > 0
          && to[0].toString().startsWith(prefix)
          && subject.equals(mail.getSubject())) {
        found.add(mail);
      }
    }
    return found;
  }

  /**
   * A deployment or a crash of the web in the middle of an author's work: their session, kept in
   * the web's database, outlives the process. The editor they had open saves when the web is back,
   * with the CSRF token of the page the old process gave, and nobody is sent to sign in (not even
   * silently, through auth-service's own session).
   */
  @Test
  @Order(2)
  void anAuthorsSessionAndOpenEditorOutliveARestartOfTheWeb() throws Exception {
    LocalStack stack = TestStack.get();
    var author = new SiteBrowser(stack);
    author.signIn(stack.credentials().ownerEmail(), stack.credentials().ownerPassword());
    Map<String, String> draft = SiteBrowser.fields(author.page("/admin/posts/new"), "form#editor");
    draft.put("title", "Written through a restart " + UUID.randomUUID());
    draft.put("body", "The web went away and came back while this was being typed.");
    draft.put("action", "save");
    ServiceProcess web = service(stack, "web");
    long killed = web.pid();

    ProcessHandle.of(killed).orElseThrow().destroyForcibly();
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              assertThat(web.pid()).as("started again").isNotEqualTo(killed);
              web.awaitReady(Duration.ofSeconds(1));
            });

    var admin = author.get("/admin");
    assertThat(admin.uri().getPath()).isEqualTo("/admin");
    assertThat(admin.previousResponse()).as("no way through a sign-in").isEmpty();
    var saved = author.submit("/admin/posts", draft);
    assertThat(saved.previousResponse().map(HttpResponse::statusCode))
        .as("saved, and on to the draft's editor: %d %s", saved.statusCode(), saved.body())
        .contains(302);
    assertThat(saved.uri().getPath()).startsWith("/admin/posts/");
    assertThat(Jsoup.parse(saved.body()).select(".notice").text()).isEqualTo("Saved.");
  }

  @Test
  @Order(3)
  void aStoppedServiceGives503AtOnceAndTheOthersKeepAnswering() throws Exception {
    LocalStack stack = TestStack.get();
    var reader = new ApiClient(stack.gatewayUrl());
    var posts = reader.get("/api/posts");
    assertThat(posts.status()).isEqualTo(200);
    String postId = posts.json().path("items").path(0).path("id").asString();
    assertThat(reader.get("/api/posts/" + postId + "/comments").status()).isEqualTo(200);

    service(stack, "comment-service").close();

    long began = System.nanoTime();
    var comments = reader.get("/api/posts/" + postId + "/comments");
    long tookMillis = (System.nanoTime() - began) / 1_000_000;

    assertThat(comments.status()).isEqualTo(503);
    assertThat(comments.header("Content-Type")).isEqualTo("application/problem+json");
    assertThat(tookMillis).as("well within the 10 s response timeout").isLessThan(5_000);
    assertThat(reader.get("/api/posts/" + postId).status()).isEqualTo(200);
  }
}
