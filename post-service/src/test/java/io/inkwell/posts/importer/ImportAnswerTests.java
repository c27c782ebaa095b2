package io.inkwell.posts.importer;

import static java.time.temporal.ChronoUnit.MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * An import of a whole blog may take longer than the proxies in front wait for an answer: an
 * importer that says so (RFC 7240's {@code Prefer: respond-async}, with how long it waits) is told
 * how far the import is, 202, and the rest follows; one that does not is answered at the end, as
 * always. What cannot be read is refused at once either way. Each import begun is recorded, so that
 * its admin learns later how it ended (ADR 50).
 */
class ImportAnswerTests extends IntegrationTest {

  @Autowired private MongoTemplate mongo;

  @Test
  void anImporterWhoDoesNotWaitForTheEndIsToldHowFarItIsAndTheRestFollows() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String export = export(run, 300);

    var answer =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/rss+xml",
                export,
                "Prefer",
                "respond-async, wait=0");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    assertThat(answer.header("Preference-Applied")).isEqualTo("respond-async");
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().path("finished").asBoolean()).isFalse();
    assertThat(answer.json().path("total").asInt()).isEqualTo(300);
    assertThat(answer.json().path("posts").asInt()).isLessThan(300);
    assertThat(answer.text("state")).isEqualTo("STORING");
    String record = answer.header("Location");
    assertThat(record).isEqualTo("/api/imports/" + answer.text("id"));
    assertThat(
            mongo
                .findById(answer.text("id"), Document.class, ImportRuns.COLLECTION)
                .getBoolean("answeredBeforeTheEnd"))
        .as("whoever closes the record, should this instance die, tells the importer")
        .isTrue();
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () -> assertThat(admin().get(record).json().path("finished").asBoolean()).isTrue());
    var end = admin().get(record);
    assertThat(end.text("state")).isEqualTo("DONE");
    assertThat(end.text("from")).isEqualTo("wordpress");
    assertThat(end.text("importedBy")).isEqualTo("Ada Admin");
    assertThat(end.json().path("posts").asInt()).isEqualTo(300);
    assertThat(end.json().path("total").asInt()).isEqualTo(300);
    assertThat(Instant.parse(end.text("finishedAt")))
        .isAfterOrEqualTo(Instant.parse(end.text("startedAt")));
    assertThat(anonymous().get("/api/posts/tram-" + run + "-299").status()).isEqualTo(200);
    // the importer was answered before the end: an event tells it, true to its contract
    var ended =
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> postEventsOf(answer.text("id")), events -> !events.isEmpty());
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0).path("type").asString()).isEqualTo("ImportEnded");
    assertThat(ended.get(0).path("state").asString()).isEqualTo("DONE");
    assertThat(ended.get(0).path("posts").asInt()).isEqualTo(300);
    assertThat(ended.get(0).path("importer").path("id").asString()).isEqualTo("admin-1");
    var again = admin().postAs("/api/imports/wordpress", "application/rss+xml", export);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().path("finished").asBoolean()).isTrue();
    assertThat(again.json().path("posts").asInt()).isZero();
    assertThat(again.json().path("alreadyThere").asInt()).isEqualTo(300);
  }

  @Test
  void anImportDoneWithinTheWaitIsAnsweredWhole() {
    String run = UUID.randomUUID().toString().substring(0, 8);

    var answer =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/rss+xml",
                export(run, 3),
                "Prefer",
                "respond-async",
                "Prefer",
                "wait=100");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.header("Preference-Applied")).isNull();
    assertThat(answer.json().path("finished").asBoolean()).isTrue();
    assertThat(answer.json().path("posts").asInt()).isEqualTo(3);
    assertThat(answer.json().path("total").asInt()).isEqualTo(3);
    assertThat(anonymous().get("/api/posts/tram-" + run + "-2").status()).isEqualTo(200);
  }

  @Test
  void theLatestImportsAreListedNewestFirstWithWhoImportedWhat() {
    String first = UUID.randomUUID().toString().substring(0, 8);
    String second = UUID.randomUUID().toString().substring(0, 8);

    var older = admin().postAs("/api/imports/wordpress", "application/rss+xml", export(first, 2));
    var newer = admin().postAs("/api/imports/wordpress", "application/rss+xml", export(second, 1));

    var listed = admin().get("/api/imports");
    assertThat(listed.status()).isEqualTo(200);
    List<String> ids = listed.json().valueStream().map(run -> run.path("id").asString()).toList();
    assertThat(ids).containsSubsequence(newer.text("id"), older.text("id"));
    assertThat(ids).hasSizeLessThanOrEqualTo(ImportRuns.MOST_LISTED);
    var latest = listed.json().get(ids.indexOf(newer.text("id")));
    assertThat(latest.path("state").asString()).isEqualTo("DONE");
    assertThat(latest.path("posts").asInt()).isEqualTo(1);
    assertThat(latest.path("importedBy").asString()).isEqualTo("Ada Admin");
  }

  /**
   * An instance killed while storing leaves its record storing, untouched: another closes it as
   * stopped where it stopped, and tells the importer who was answered before the end (ADR 51).
   */
  @Test
  void anImportWhoseServiceWasKilledWhileStoringIsClosedAsStoppedAndItsImporterTold() {
    Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(MILLIS);
    String told = stalledRecord(tenMinutesAgo, true);
    String waited = stalledRecord(tenMinutesAgo, false);

    var ended =
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> postEventsOf(told), events -> !events.isEmpty());
    var run = admin().get("/api/imports/" + told);

    assertThat(run.status()).isEqualTo(200);
    assertThat(run.text("state")).isEqualTo("STOPPED");
    assertThat(run.json().path("finished").asBoolean()).isFalse();
    assertThat(run.json().path("posts").asInt()).isEqualTo(120);
    assertThat(Instant.parse(run.text("finishedAt"))).isEqualTo(tenMinutesAgo);
    assertThat(run.text("problem"))
        .startsWith("post-service stopped after 120 of 500 posts were stored")
        .contains("importing the same file again stores the rest");
    assertThat(mongo.findById(told, Document.class, ImportRuns.COLLECTION).getString("state"))
        .as("closed in the database, not only read as stopped")
        .isEqualTo("STOPPED");
    assertThat(ended).hasSize(1);
    assertThat(ended.get(0).path("state").asString()).isEqualTo("STOPPED");
    assertThat(ended.get(0).path("problem").asString()).isEqualTo(run.text("problem"));
    assertThat(ended.get(0).path("importer").path("id").asString()).isEqualTo("admin-1");
    // closed in the same pass; its importer had the answer at the end, and no event
    await()
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                mongo
                    .findById(waited, Document.class, ImportRuns.COLLECTION)
                    .getString("state")
                    .equals("STOPPED"));
    assertThat(postEventsOf(waited)).isEmpty();
  }

  /** The record a killed instance left of an import storing, its last word {@code at}. */
  private String stalledRecord(Instant at, boolean answeredBeforeTheEnd) {
    String id = UUID.randomUUID().toString();
    mongo.insert(
        new Document("_id", id)
            .append("from", "ghost")
            .append("importedBy", "Ada Admin")
            .append("importerId", "admin-1")
            .append("answeredBeforeTheEnd", answeredBeforeTheEnd)
            .append("startedAt", Date.from(at.minusSeconds(60)))
            .append("updatedAt", Date.from(at))
            .append("state", "STORING")
            .append("total", 500)
            .append("posts", 120),
        ImportRuns.COLLECTION);
    return id;
  }

  @Test
  void anImportNobodyBeganIsNotFoundAndImportsAreForAdmins() {
    var unknown = admin().get("/api/imports/" + UUID.randomUUID());
    var operator = admin().get("/api/imports/%7B%22$gt%22:%22%22%7D");
    var byAnEditor = api().get("/api/imports");
    var byAReader = anonymous().get("/api/imports");

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    assertThat(operator.status()).isEqualTo(404);
    assertThat(byAnEditor.status()).isEqualTo(403);
    assertThat(byAReader.status()).isEqualTo(401);
  }

  @Test
  void whatCannotBeReadIsRefusedAtOnceWhateverTheImporterPrefers() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    String broken = export(run, 5).replace("</channel>", "");

    var answer =
        admin()
            .postAs(
                "/api/imports/wordpress",
                "application/rss+xml",
                broken,
                "Prefer",
                "respond-async, wait=0");

    assertThat(answer.status()).isEqualTo(422);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(anonymous().get("/api/posts/tram-" + run + "-0").status()).isEqualTo(404);
  }

  /** A WordPress export of {@code count} short posts, {@code tram-<run>-<n>}. */
  private static String export(String run, int count) {
    var items = new StringBuilder();
    for (int i = 0; i < count; i++) {
      items.append(
          """
          <item><title>Tram %2$d</title>
            <content:encoded><![CDATA[<p>Tram number %2$d climbed the hill.</p>]]></content:encoded>
            <wp:post_id>%2$d</wp:post_id><wp:post_name>tram-%1$s-%2$d</wp:post_name>
            <wp:post_date_gmt>2015-03-01 08:00:00</wp:post_date_gmt>
            <wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
          """
              .formatted(run, i));
    }
    return """
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
             xmlns:wp="http://wordpress.org/export/1.2/">
        <channel><title>Trams</title><link>https://trams-%1$s.example</link>
        <wp:wxr_version>1.2</wp:wxr_version>%2$s</channel></rss>"""
        .formatted(run, items);
  }
}
