package io.inkwell.notifications.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.notifications.IntegrationTest;
import io.inkwell.notifications.TestMail;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jsoup.Jsoup;
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

  @Value("${inkwell.notifications.site-url}")
  private String siteUrl;

  @Autowired private ReaderMails mails;

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

  @Test
  void theMailOfAPostOfAnArabicBlogReadsRightToLeftAroundTheMailsOwnWords() throws Exception {
    processed(siteChanged(4, "مدونة الرحلات", "ar", "rtl"));

    var post =
        mails.preparePost(
            new ReaderMails.PostMail(
                "<p1.s1@blog.example.org>",
                "reader@example.org",
                "يوم في لشبونة",
                "كان يوماً جميلاً",
                "https://blog.example.org/posts/ywm",
                "unsubscribe-token",
                "manage-token",
                null,
                "<p>كان يوماً <strong>جميلاً</strong> في المدينة.</p>",
                null));
    var digest =
        mails.prepareDigest(
            new ReaderMails.DigestMail(
                "<d1.s1@blog.example.org>",
                "reader@example.org",
                "DAILY",
                List.of(
                    new ReaderMails.DigestPost(
                        "يوم في لشبونة", "كان يوماً", "https://blog.example.org/posts/ywm", null)),
                "unsubscribe-token",
                "manage-token"));

    for (MimeMessage mail : List.of(post, digest)) {
      mail.saveChanges(); // as sending does: the parts get their types
      var html = Jsoup.parse(TestMail.html(mail));
      var content = html.selectFirst("div[dir]");
      assertThat(content).isNotNull();
      assertThat(content.attr("lang")).isEqualTo("ar");
      assertThat(content.attr("dir")).isEqualTo("rtl");
      assertThat(content.text()).contains("يوم في لشبونة");
      assertThat(html.selectFirst("html").attr("lang"))
          .as("the mail's own words are English, which it says, for screen readers")
          .isEqualTo("en");
      assertThat(html.select("a:containsOwn(unsubscribe)").parents())
          .as("the mail's own words stay outside, left to right")
          .doesNotContain(content);
    }
  }

  /** As the reader site speaks the blog's language, so do the mails its readers get. */
  @Test
  void aBlogInGermanMailsItsSubscribersInGerman() throws Exception {
    processed(siteChanged(6, "Notizen aus Lissabon", "de", "ltr"));

    MimeMessage confirmation = confirmationTo("leserin");
    assertThat(confirmation.getSubject())
        .isEqualTo("Bestätige dein Abonnement von Notizen aus Lissabon");
    assertThat(Jsoup.parse(TestMail.html(confirmation)).text())
        .contains("Bitte bestätige, dass du die neuen Beiträge von Notizen aus Lissabon");

    var post =
        mails.preparePost(
            new ReaderMails.PostMail(
                "<p2.s1@blog.example.org>",
                "leserin@example.org",
                "Ein Tag in Lissabon",
                "Es war ein schöner Tag.",
                "https://blog.example.org/posts/ein-tag",
                "unsubscribe-token",
                "manage-token",
                null,
                "<p>Es war ein schöner Tag.</p><div class=\"callout callout-warning\" role=\"note\">"
                    + "<p>Die 28 ist voll.</p></div>",
                new ReaderMails.Byline("Ada", Instant.parse("2009-07-18T10:00:00Z"))));
    post.saveChanges();
    var html = Jsoup.parse(TestMail.html(post));
    assertThat(html.select("blockquote > p").eachText())
        .as("a callout without a title of its own is named in German, as the reader site names it")
        .containsExactly("Warnung", "Die 28 ist voll.");
    assertThat(html.select("a[href*=unsubscribe]").text()).isEqualTo("abmelden");
    assertThat(html.selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(html.select("h1 + p").text())
        .as("the byline, its date as Germans write it")
        .isEqualTo("Von Ada · 18. Juli 2009");
    assertThat(TestMail.text(post).replace("\r\n", "\n"))
        .contains("Ein Tag in Lissabon\nVon Ada · 18. Juli 2009\n");
    assertThat(html.text())
        .contains("Du bekommst diese Mail, weil du Notizen aus Lissabon abonniert hast.")
        .contains("Auf Notizen aus Lissabon lesen");

    var digest =
        mails.prepareDigest(
            new ReaderMails.DigestMail(
                "<d2.s1@blog.example.org>",
                "leserin@example.org",
                "WEEKLY",
                List.of(
                    new ReaderMails.DigestPost(
                        "Eins", "Erstens.", "https://blog.example.org/1", null),
                    new ReaderMails.DigestPost(
                        "Zwei", "Zweitens.", "https://blog.example.org/2", null)),
                "unsubscribe-token",
                "manage-token"));
    assertThat(digest.getSubject())
        .isEqualTo("2 neue Beiträge auf Notizen aus Lissabon diese Woche");
  }

  /** Ghost's newsletter header: the blog's icon and name atop a reader's mail, to the blog. */
  @Test
  void theIconAnAdminGaveTheBlogHeadsItsReadersMails() throws Exception {
    var event = Contracts.example("site-changed");
    String icon = event.path("icon").asString();
    assertThat(icon).startsWith("/api/images/");
    event.put("version", 7);
    event.remove("logo"); // which would head the mail instead
    processed(kafka.send("blog.site-events", "site", event.toString()).join().getRecordMetadata());

    for (MimeMessage mail : List.of(postMail(), digestMail())) {
      mail.saveChanges();
      var head = top(mail);
      assertThat(head.select("img").attr("src")).isEqualTo(siteUrl + icon);
      assertThat(head.select("img").attr("alt")).as("the name beside it says it all").isEmpty();
      assertThat(head.select("a").attr("href")).isEqualTo(siteUrl);
      assertThat(head.text()).isEqualTo("Notes from Lisbon");
    }

    var without = Contracts.example("site-changed");
    without.put("version", 8);
    without.remove("icon");
    without.remove("logo");
    processed(
        kafka.send("blog.site-events", "site", without.toString()).join().getRecordMetadata());
    var plain = postMail();
    plain.saveChanges();
    assertThat(Jsoup.parse(TestMail.html(plain)).select("img"))
        .as("the icon taken away: no header")
        .isEmpty();
  }

  /** What a mail's column starts with. */
  private static org.jsoup.nodes.Element top(MimeMessage mail) throws Exception {
    return Jsoup.parse(TestMail.html(mail)).selectFirst("table[width=600] td").child(0);
  }

  /** A blog with a logo has it atop its readers' mails, named as the blog, in place of its name. */
  @Test
  void theLogoAnAdminGaveTheBlogHeadsItsReadersMailsInPlaceOfItsName() throws Exception {
    var event = Contracts.example("site-changed");
    event.put("version", 9);
    event.put("title", "Notes from Lisbon");
    String logo = event.path("logo").path("url").asString();
    processed(kafka.send("blog.site-events", "site", event.toString()).join().getRecordMetadata());

    for (MimeMessage mail : List.of(postMail(), digestMail(), confirmationTo("branded"))) {
      mail.saveChanges();
      var head = top(mail);
      var picture = head.select("img");
      assertThat(picture.attr("src")).isEqualTo(siteUrl + logo);
      assertThat(picture.attr("alt"))
          .as("what a reader without pictures sees")
          .isEqualTo("Notes from Lisbon");
      assertThat(picture.attr("width") + "×" + picture.attr("height"))
          .as("600 × 120, shown 48 high")
          .isEqualTo("240×48");
      assertThat(head.select("a").attr("href")).isEqualTo(siteUrl);
      assertThat(head.text()).as("no name in letters beside it").isEmpty();
    }
  }

  /**
   * Ghost's newsletter button: "Read it on …" in the blog's accent colour, in white or black,
   * whichever reads on it; a plain link without one.
   */
  @Test
  void theWayToThePostIsAButtonInTheBlogsAccentColour() throws Exception {
    var colours = Map.of("#1a7f5a", "#ffffff", "#ffd700", "#000000");
    long version = 10;
    for (var colour : colours.entrySet()) {
      var event = Contracts.example("site-changed");
      event.put("version", version++);
      event.put("accentColor", colour.getKey());
      event.put("language", "en");
      assertThat(Contracts.violations(event.toString())).isEmpty();
      processed(
          kafka.send("blog.site-events", "site", event.toString()).join().getRecordMetadata());

      for (MimeMessage mail : List.of(postMail(), digestMail())) {
        mail.saveChanges();
        var button = Jsoup.parse(TestMail.html(mail)).select("a:containsOwn(Read it on)");
        assertThat(button).hasSize(1);
        assertThat(button.attr("style"))
            .contains("background:" + colour.getKey())
            .contains("color:" + colour.getValue());
      }
    }

    var none = Contracts.example("site-changed");
    none.put("version", version);
    none.remove("accentColor");
    none.put("language", "en");
    processed(kafka.send("blog.site-events", "site", none.toString()).join().getRecordMetadata());
    var plain = postMail();
    plain.saveChanges();
    assertThat(Jsoup.parse(TestMail.html(plain)).select("a:containsOwn(Read it on)").attr("style"))
        .as("the theme's own: a plain link")
        .isEmpty();
  }

  private MimeMessage postMail() {
    return mails.preparePost(
        new ReaderMails.PostMail(
            "<p3.s1@blog.example.org>",
            "reader@example.org",
            "A day in Lisbon",
            "It was a fine day.",
            "https://blog.example.org/posts/a-day",
            "unsubscribe-token",
            "manage-token",
            null,
            "<p>It was a fine day.</p>",
            null));
  }

  private MimeMessage digestMail() {
    return mails.prepareDigest(
        new ReaderMails.DigestMail(
            "<d3.s1@blog.example.org>",
            "reader@example.org",
            "DAILY",
            List.of(
                new ReaderMails.DigestPost("One", "First.", "https://blog.example.org/1", null)),
            "unsubscribe-token",
            "manage-token"));
  }

  @Test
  void aBlogWhoseLanguageWasNeverSetIsMailedAsEnglish() throws Exception {
    processed(siteChanged(5, "Notes", null, null));

    assertThat(siteName.writing()).isEqualTo(new SiteName.Writing("en", "ltr"));
  }

  /** The contract's example, with a fresh id and the given version and title. */
  private RecordMetadata siteChanged(long version, String title) {
    return siteChanged(version, title, "en", "ltr");
  }

  /**
   * The contract's example, with a fresh id and the given version, title and language (left out
   * when null).
   */
  private RecordMetadata siteChanged(
      long version, String title, String language, String direction) {
    var event = Contracts.example("site-changed");
    event.put("version", version);
    event.put("title", title);
    event.remove("language");
    event.remove("direction");
    if (language != null) {
      event.put("language", language);
      event.put("direction", direction);
    }
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
