package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.inkwell.posts.IntegrationTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An import of a whole blog may take longer than the proxies in front wait for an answer: an
 * importer that says so (RFC 7240's {@code Prefer: respond-async}, with how long it waits) is told
 * how far the import is, 202, and the rest follows; one that does not is answered at the end, as
 * always. What cannot be read is refused at once either way.
 */
class ImportAnswerTests extends IntegrationTest {

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
    await()
        .atMost(Duration.ofMinutes(2))
        .untilAsserted(
            () ->
                assertThat(anonymous().get("/api/posts/tram-" + run + "-299").status())
                    .isEqualTo(200));
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
