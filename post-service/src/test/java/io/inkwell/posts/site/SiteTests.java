package io.inkwell.posts.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import io.inkwell.testsupport.Contracts;
import io.inkwell.testsupport.Topics;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An admin names the blog and says what it is about; readers and feed readers see it. */
class SiteTests extends IntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Value("${spring.kafka.bootstrap-servers}")
  private String kafka;

  @Autowired private MongoOperations mongo;

  @AfterEach
  void backToTheConfiguredName() {
    admin()
        .put(
            "/api/site",
            ApiClient.json(
                Map.of(
                    "title",
                    "Inkwell",
                    "description",
                    "",
                    "language",
                    "en",
                    "timeZone",
                    "UTC",
                    "accentColor",
                    "")));
    admin().put("/api/site/navigation", "{\"items\":[]}");
  }

  @Test
  void anAdminGivesTheBlogItsAccentColourAndCanHaveTheThemesBack() {
    assertThat(anonymous().get("/api/site").json().hasNonNull("accentColor"))
        .as("the theme's own")
        .isFalse();

    var changed =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of("title", "Inkwell", "description", "", "accentColor", " #1A7F5A ")));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("accentColor")).isEqualTo("#1a7f5a");
    String run = UUID.randomUUID().toString().substring(0, 8);
    admin().put("/api/site", ApiClient.json(Map.of("title", "Colours " + run, "description", "")));
    var event = theSiteEventTitled(run);
    assertThat(event.path("accentColor").asString())
        .as("the kept colour, for the buttons of readers' mails")
        .isEqualTo("#1a7f5a");
    keptByAClientThatKnowsNothingOf("accentColor", "#1a7f5a");
    var shortly =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of("title", "Inkwell", "description", "", "accentColor", "#C0F")));
    assertThat(shortly.text("accentColor")).isEqualTo("#cc00ff");
    refused(
        "accentColor",
        List.of(
            "\"red\"",
            "\"1a7f5a\"",
            "\"#1a7f5g\"",
            "\"#1a7f5a;}body{display:none\"",
            "\"#1a7f5a</style>\"",
            "\"#" + "a".repeat(40) + "\"",
            "{\"$ne\":null}"));
    assertThat(anonymous().get("/api/site").text("accentColor"))
        .as("nothing refused was kept")
        .isEqualTo("#cc00ff");

    admin()
        .put(
            "/api/site",
            ApiClient.json(Map.of("title", "Inkwell", "description", "", "accentColor", "")));
    assertThat(anonymous().get("/api/site").json().hasNonNull("accentColor"))
        .as("the theme's own again")
        .isFalse();
  }

  @Test
  void anAdminSetsTheBlogsTimeZoneAndTheServicesThatSendDigestsAreTold() {
    assertThat(anonymous().get("/api/site").text("timeZone")).as("configured").isEqualTo("UTC");
    String run = UUID.randomUUID().toString().substring(0, 8);

    var changed =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of(
                        "title", "Notes " + run, "description", "", "timeZone", " asia/tokyo ")));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("timeZone")).as("as the database spells it").isEqualTo("Asia/Tokyo");
    var event = theSiteEventTitled(run);
    assertThat(event.path("timeZone").asString()).isEqualTo("Asia/Tokyo");

    keptByAClientThatKnowsNothingOf("timeZone", "Asia/Tokyo");
    refused(
        "timeZone",
        List.of(
            "\"\"",
            "\"+09:00\"",
            "\"UTC+9\"",
            "\"Tokyo\"",
            "\"Mars/Olympus\"",
            "\"SystemV/EST5\"",
            "\"Asia/" + "x".repeat(80) + "\"",
            "{\"$ne\":null}",
            "[\"Asia/Tokyo\"]"));
    assertThat(anonymous().get("/api/site").text("timeZone"))
        .as("nothing refused was kept")
        .isEqualTo("Asia/Tokyo");
  }

  @Test
  void anAdminSaysWhichLanguageTheBlogIsWrittenInAndItsFeedsAndExportSayItToo() throws Exception {
    assertThat(anonymous().get("/api/site").text("language")).as("configured").isEqualTo("en");

    var changed =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of("title", "Notas de Lisboa", "description", "", "language", " pt-br ")));

    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("language")).isEqualTo("pt-BR");
    assertThat(changed.text("direction")).isEqualTo("ltr");
    keptByAClientThatKnowsNothingOf("language", "pt-BR");
    for (String feed : List.of("/feed.rss", "/feed.atom")) {
      var parsed = new SyndFeedInput().build(new StringReader(anonymous().get(feed).raw().body()));
      assertThat(parsed.getLanguage()).as(feed).isEqualTo("pt-BR");
    }
    assertThat(admin().get("/api/exports/wordpress").raw().body())
        .contains("<language>pt-BR</language>");

    refused(
        "language",
        List.of(
            "\"\"",
            "\"Portuguese\"",
            "\"pt_BR\"",
            "\"12\"",
            "\"en-" + "x".repeat(40) + "\"",
            "\"<script>\"",
            "{\"$ne\":null}"));
    assertThat(anonymous().get("/api/site").text("language"))
        .as("nothing refused was kept")
        .isEqualTo("pt-BR");
    String run = UUID.randomUUID().toString().substring(0, 8);
    var persian =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of("title", "یادداشت‌ها " + run, "description", "", "language", "fa-IR")));
    assertThat(persian.text("direction")).as("Persian runs right to left").isEqualTo("rtl");
    var announced = theSiteEventTitled(run);
    assertThat(announced.path("language").asString()).isEqualTo("fa-IR");
    assertThat(announced.path("direction").asString())
        .as("so that mails of its posts run that way too")
        .isEqualTo("rtl");
  }

  @Test
  void anAdminSetsTheHeadersLinksWhichStayWhenTheTitleChanges() {
    var set =
        admin()
            .put(
                "/api/site/navigation",
                ApiClient.json(
                    Map.of(
                        "items",
                        List.of(
                            Map.of("label", " Travel\t", "url", "/tags/travel"),
                            Map.of("label", "Mastodon", "url", "https://social.example/@jo"),
                            Map.of("label", "Home", "url", "/")))));

    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    assertThat(set.json().path("navigation").toString())
        .isEqualTo(
            "[{\"label\":\"Travel\",\"url\":\"/tags/travel\"},"
                + "{\"label\":\"Mastodon\",\"url\":\"https://social.example/@jo\"},"
                + "{\"label\":\"Home\",\"url\":\"/\"}]");
    admin().put("/api/site", ApiClient.json(Map.of("title", "Renamed", "description", "")));
    var read = anonymous().get("/api/site");
    assertThat(read.text("title")).isEqualTo("Renamed");
    assertThat(read.json().path("navigation").size()).as("the links stay").isEqualTo(3);

    for (String wrong :
        List.of(
            "{\"items\":[{\"label\":\"x\",\"url\":\"javascript:alert(1)\"}]}",
            "{\"items\":[{\"label\":\"x\",\"url\":\"//elsewhere.example\"}]}",
            "{\"items\":[{\"label\":\"x\",\"url\":\"https://x.example/\\\"><script>\"}]}",
            "{\"items\":[{\"label\":\"\\u0007 \",\"url\":\"/\"}]}",
            "{\"items\":[{\"label\":{\"$gt\":\"\"},\"url\":\"/\"}]}",
            "{\"items\":[null]}",
            // more than a header holds
            ApiClient.json(
                Map.of(
                    "items",
                    java.util.Collections.nCopies(13, Map.of("label", "x", "url", "/")))))) {
      var refused = admin().put("/api/site/navigation", wrong);
      assertThat(refused.status()).as(wrong).isEqualTo(400);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }
    var twice =
        admin()
            .put(
                "/api/site/navigation",
                "{\"items\":[{\"label\":\"x\",\"url\":\"/\",\"url\":\"javascript:alert(1)\"}]}");
    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.text("detail")).isEqualTo("items[0].url is given more than once.");
    assertThat(
            as("editor-9", "Ed", "EDITOR").put("/api/site/navigation", "{\"items\":[]}").status())
        .isEqualTo(403);
    assertThat(anonymous().get("/api/site").json().path("navigation").size())
        .as("nothing refused was kept")
        .isEqualTo(3);
  }

  @Test
  void anAdminRenamesTheBlogAndTheFeedsFollow() throws Exception {
    assertThat(anonymous().get("/api/site").text("title")).isEqualTo("Inkwell");

    var changed =
        admin()
            .put(
                "/api/site",
                ApiClient.json(
                    Map.of(
                        "title", "  Notes from\tLisbon ",
                        "description", "Trams, tiles and <b>pastéis</b>.\n\u0007")));
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    assertThat(changed.text("title")).isEqualTo("Notes from Lisbon");
    assertThat(changed.text("description"))
        .as("one line of plain text, kept as written: pages escape it")
        .isEqualTo("Trams, tiles and <b>pastéis</b>.");

    var read = anonymous().get("/api/site");
    assertThat(read.text("title")).isEqualTo("Notes from Lisbon");
    assertThat(read.header("Cache-Control")).contains("max-age=30");
    var feed =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.atom").raw().body()));
    assertThat(feed.getTitle()).isEqualTo("Notes from Lisbon");
    var rss =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.rss").raw().body()));
    assertThat(rss.getDescription())
        .as("what feed readers show under the title: the blog's own words")
        .isEqualTo("Trams, tiles and <b>pastéis</b>.");

    admin()
        .put("/api/site", ApiClient.json(Map.of("title", "Notes from Lisbon", "description", "")));
    var undescribed =
        new SyndFeedInput().build(new StringReader(anonymous().get("/feed.rss").raw().body()));
    assertThat(undescribed.getDescription()).as("RSS needs one").isEqualTo("Notes from Lisbon");
  }

  @Test
  void everyChangeIsAnnouncedInOrderSoMailsAndSignInPagesFollow() {
    String run = UUID.randomUUID().toString().substring(0, 8);

    admin().put("/api/site", ApiClient.json(Map.of("title", "First " + run, "description", "")));
    admin()
        .put(
            "/api/site", ApiClient.json(Map.of("title", "Second " + run, "description", "Tiles.")));

    List<ConsumerRecord<String, String>> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> siteEventsTitled(run), found -> found.size() == 2);
    assertThat(events).allSatisfy(event -> assertThat(event.key()).isEqualTo("site"));
    assertThat(events)
        .allSatisfy(event -> assertThat(Contracts.violations(event.value())).isEmpty());
    var first = JSON.readTree(events.get(0).value());
    var second = JSON.readTree(events.get(1).value());
    assertThat(first.path("title").asString()).isEqualTo("First " + run);
    assertThat(second.path("title").asString()).isEqualTo("Second " + run);
    assertThat(second.path("description").asString()).isEqualTo("Tiles.");
    assertThat(second.path("version").asLong()).isGreaterThan(first.path("version").asLong());
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        mongo
                            .findById("site", Document.class, "site")
                            .getList("outbox", Document.class))
                    .as("relayed events leave the outbox")
                    .isEmpty());
  }

  @Test
  void adminsSavingAtOnceEachGetTheirChangeAnnounced() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    var names =
        List.of("Tiles", "Trams", "Tascas", "Tejo").stream().map(name -> name + " " + run).toList();

    var pool = Executors.newFixedThreadPool(names.size());
    try {
      var saves =
          names.stream()
              .map(
                  name ->
                      pool.submit(
                          () ->
                              admin()
                                  .put(
                                      "/api/site",
                                      ApiClient.json(Map.of("title", name, "description", "")))
                                  .status()))
              .toList();
      for (var save : saves) {
        assertThat(save.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdown();
    }

    List<ConsumerRecord<String, String>> events =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> siteEventsTitled(run), found -> found.size() == names.size());
    var versions =
        events.stream()
            .map(event -> JSON.readTree(event.value()).path("version").asLong())
            .toList();
    assertThat(versions)
        .as("one version each, in the order they were sent")
        .isSorted()
        .doesNotHaveDuplicates();
    String last = JSON.readTree(events.get(names.size() - 1).value()).path("title").asString();
    assertThat(anonymous().get("/api/site").text("title"))
        .as("the last event announces what the site now says")
        .isEqualTo(last);
  }

  @Test
  void aTitleSavedBeforeChangesWereCountedIsReadAndChanged() {
    mongo.save(
        new Document(Map.of("_id", "site", "title", "From an older version", "description", "")),
        "site");

    assertThat(anonymous().get("/api/site").text("title")).isEqualTo("From an older version");
    var changed =
        admin().put("/api/site", ApiClient.json(Map.of("title", "Counted now", "description", "")));
    assertThat(changed.status()).isEqualTo(200);
    assertThat(
            mongo.findById("site", Document.class, "site").get("version", Number.class).longValue())
        .isEqualTo(1);
  }

  /** A client that saves the title and description only leaves the field as it was. */
  private void keptByAClientThatKnowsNothingOf(String field, String value) {
    admin().put("/api/site", ApiClient.json(Map.of("title", "Notes", "description", "")));
    assertThat(anonymous().get("/api/site").text(field)).as(field).isEqualTo(value);
  }

  /** Each of these JSON values of the field is a 400 problem. */
  private void refused(String field, List<String> values) {
    for (String odd : values) {
      String body = "{\"title\":\"Notes\",\"description\":\"\",\"" + field + "\":" + odd + "}";
      var refused = admin().put("/api/site", body);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).as(odd).isEqualTo("application/problem+json");
    }
  }

  /** The one SiteChanged event whose title carries this test's mark, as the contract says it. */
  private JsonNode theSiteEventTitled(String mark) {
    var event =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> siteEventsTitled(mark), found -> found.size() == 1)
            .get(0);
    assertThat(Contracts.violations(event.value())).isEmpty();
    return JSON.readTree(event.value());
  }

  /** The SiteChanged events, in topic order, whose title carries this test's mark. */
  private List<ConsumerRecord<String, String>> siteEventsTitled(String mark) {
    return Topics.readAll(kafka, "blog.site-events").stream()
        .filter(event -> JSON.readTree(event.value()).path("title").asString().endsWith(mark))
        .toList();
  }

  @Test
  void onlyAdminsRenameTheBlogAndNonsenseIsRefused() {
    String body = ApiClient.json(Map.of("title", "Mine now", "description", ""));
    assertThat(anonymous().put("/api/site", body).status()).isEqualTo(401);
    assertThat(api().put("/api/site", body).status()).as("an editor").isEqualTo(403);
    assertThat(as("i-" + UUID.randomUUID(), "Bot", "INTEGRATION").put("/api/site", body).status())
        .isEqualTo(403);

    for (String odd :
        List.of(
            "{\"title\":\"\",\"description\":\"\"}",
            "{\"title\":\"   \\u0007 \",\"description\":\"\"}",
            "{\"title\":\"" + "x".repeat(101) + "\",\"description\":\"\"}",
            "{\"title\":\"T\",\"description\":\"" + "x".repeat(301) + "\"}",
            "{\"title\":{\"$ne\":null},\"description\":\"\"}",
            "{\"title\":\"T\"}",
            "not json")) {
      var refused = admin().put("/api/site", odd);
      assertThat(refused.status()).as(odd).isEqualTo(400);
      assertThat(refused.header("Content-Type")).as(odd).isEqualTo("application/problem+json");
    }
    assertThat(anonymous().get("/api/site").text("title")).isEqualTo("Inkwell");
  }
}
