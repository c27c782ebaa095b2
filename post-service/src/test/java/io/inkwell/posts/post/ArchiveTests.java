package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.testsupport.ApiClient;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What Blogger readers browse by: the archive of months, a month's posts, and each post's "Newer
 * Post" and "Older Post". The posts come from a Blogger export of 1987, a year no other test
 * publishes in, so the module's other posts stay out of the way.
 */
class ArchiveTests extends IntegrationTest {

  @BeforeEach
  void importTheOldBlog() {
    var imported =
        as("admin-1", "Ada Admin", "ADMIN")
            .postAs("/api/imports/blogger", "application/atom+xml", EXPORT);
    assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
  }

  @Test
  void theArchiveCountsPublishedPostsPerMonthInTheReadersZone() {
    var utc = anonymous().get("/api/archive");
    assertThat(utc.status()).isEqualTo(200);
    assertThat(utc.header("Cache-Control")).contains("max-age");
    // 23:30 in New York on January 31 is already February in UTC; the draft is not counted
    assertThat(months1987(utc.json())).containsExactly("1987-03: 1", "1987-02: 1", "1987-01: 1");

    var newYork = anonymous().get("/api/archive?zone=America/New_York");
    assertThat(months1987(newYork.json())).containsExactly("1987-03: 1", "1987-01: 2");
  }

  @Test
  void withoutAZoneTheArchiveCountsInTheBlogsOwn() {
    var admin = as("admin-1", "Ada Admin", "ADMIN");
    try {
      var set =
          admin.put(
              "/api/site",
              ApiClient.json(
                  java.util.Map.of(
                      "title", "1987", "description", "", "timeZone", "America/New_York")));
      assertThat(set.status()).as(set.toString()).isEqualTo(200);

      assertThat(months1987(anonymous().get("/api/archive").json()))
          .containsExactly("1987-03: 1", "1987-01: 2");
      assertThat(months1987(anonymous().get("/api/archive?zone=UTC").json()))
          .as("a reader's own zone still counts")
          .containsExactly("1987-03: 1", "1987-02: 1", "1987-01: 1");
    } finally {
      admin.put(
          "/api/site",
          ApiClient.json(
              java.util.Map.of("title", "Inkwell", "description", "", "timeZone", "UTC")));
    }
  }

  @Test
  void aMonthsPostsAreListedNewestFirst() {
    // January 1987 in New York
    var january =
        anonymous().get("/api/posts?from=1987-01-01T05:00:00Z&before=1987-02-01T05:00:00Z");

    assertThat(january.status()).isEqualTo(200);
    assertThat(titles(january.json().path("items")))
        .containsExactly("Last of January", "Snow in January");
  }

  @Test
  void eachPostLinksToTheNewerAndTheOlderPublishedPost() {
    String middle = anonymous().get("/api/posts/last-of-january").text("id");

    var neighbours = anonymous().get("/api/posts/" + middle + "/neighbours");

    assertThat(neighbours.status()).as(neighbours.toString()).isEqualTo(200);
    assertThat(neighbours.json().path("newer").path("title").asString())
        .as("the draft of February is skipped")
        .isEqualTo("Spring in March");
    assertThat(neighbours.json().path("newer").path("slug").asString())
        .isEqualTo("spring-in-march");
    assertThat(neighbours.json().path("older").path("title").asString())
        .isEqualTo("Snow in January");

    String oldest = anonymous().get("/api/posts/snow-in-january").text("id");
    var first = anonymous().get("/api/posts/" + oldest + "/neighbours");
    assertThat(first.json().path("newer").path("title").asString()).isEqualTo("Last of January");
    assertThat(first.json().has("older")).as("the blog's first post has nothing older").isFalse();
  }

  @Test
  void aDraftHasNoNeighboursAndBadFiltersAreProblems() {
    String draft =
        api()
            .post("/api/posts", ApiClient.json(java.util.Map.of("title", "Hidden", "body", "b")))
            .text("id");

    assertProblem(anonymous().get("/api/posts/" + draft + "/neighbours"), 404);
    assertProblem(anonymous().get("/api/archive?zone=Mars/Olympus"), 400);
    assertProblem(anonymous().get("/api/posts?from=last-week"), 400);
  }

  private static void assertProblem(ApiClient.Response answer, int status) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
  }

  private static List<String> months1987(JsonNode archive) {
    return StreamSupport.stream(archive.path("months").spliterator(), false)
        .filter(month -> month.path("year").asInt() == 1987)
        .map(
            month ->
                "%d-%02d: %d"
                    .formatted(
                        month.path("year").asInt(),
                        month.path("month").asInt(),
                        month.path("count").asInt()))
        .toList();
  }

  private static List<String> titles(JsonNode items) {
    return StreamSupport.stream(items.spliterator(), false)
        .map(item -> item.path("title").asString())
        .toList();
  }

  private static final String BLOG = "tag:blogger.com,1999:blog-1987";

  private static String entry(String n, String published, String title, boolean draft) {
    return """
          <entry>
            <id>%1$s.post-%2$s</id>
            <published>%3$s</published>
            <updated>%3$s</updated>
            <category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#post'/>
            <title type='text'>%4$s</title>
            <content type='html'>&lt;p&gt;%4$s.&lt;/p&gt;</content>
            %5$s
            <author><name>Jo</name></author>
          </entry>
        """
        .formatted(
            BLOG,
            n,
            published,
            title,
            draft
                ? "<app:control><app:draft>yes</app:draft></app:control>"
                : "<link rel='alternate' type='text/html' href='http://old-1987.blogspot.com/1987/01/"
                    + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-')
                    + ".html'/>");
  }

  private static final String EXPORT =
      """
      <?xml version='1.0' encoding='UTF-8'?>
      <feed xmlns='http://www.w3.org/2005/Atom' xmlns:app='http://purl.org/atom/app#'>
        <id>%s</id>
        <title type='text'>1987</title>
      %s%s%s%s</feed>
      """
          .formatted(
              BLOG,
              entry("1", "1987-01-10T09:00:00.000-05:00", "Snow in January", false),
              entry("2", "1987-01-31T23:30:00.000-05:00", "Last of January", false),
              entry("3", "1987-02-14T12:00:00.000-05:00", "Unfinished February", true),
              entry("4", "1987-03-05T08:00:00.000-05:00", "Spring in March", false));
}
