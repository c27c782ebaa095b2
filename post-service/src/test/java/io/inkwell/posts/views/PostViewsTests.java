package io.inkwell.posts.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.post.BlogTimeZone;
import io.inkwell.testsupport.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Authors see how often their posts were read, as Blogger's Stats show it: readers' browsers count
 * each view of a published post, by the blog's day, and only its author and editors read the
 * counts.
 */
class PostViewsTests extends IntegrationTest {

  @Autowired private PostViews views;
  @Autowired private BlogTimeZone blogZone;
  @Autowired private MongoTemplate mongo;

  @Test
  void readersViewsAreCountedByDayAndTheAuthorSeesThem() {
    var author = someAuthor();
    String id = published(author, "Counted");

    for (int i = 0; i < 3; i++) {
      var counted = anonymous().post("/api/posts/" + id + "/views", "");
      assertThat(counted.status()).as(counted.toString()).isEqualTo(204);
    }
    views.count(id, Instant.now().minus(Duration.ofDays(3)));
    views.count(id, Instant.now().minus(Duration.ofDays(40)));

    var week = author.get("/api/posts/" + id + "/views?days=7");
    assertThat(week.status()).as(week.toString()).isEqualTo(200);
    assertThat(week.json().path("total").asLong()).as("since counting began").isEqualTo(5);
    assertThat(week.json().path("inPeriod").asLong()).isEqualTo(4);
    List<JsonNode> days = list(week.json().path("days"));
    LocalDate today = LocalDate.now(blogZone.zone());
    assertThat(days).as("every day of the week, views or not").hasSize(7);
    assertThat(days.get(6).path("day").asString()).isEqualTo(today.toString());
    assertThat(days.get(6).path("views").asLong()).isEqualTo(3);
    assertThat(days.get(3).path("day").asString()).isEqualTo(today.minusDays(3).toString());
    assertThat(days.get(3).path("views").asLong()).isEqualTo(1);
    assertThat(days.get(0).path("views").asLong()).isZero();

    var month = author.get("/api/posts/" + id + "/views").json();
    assertThat(month.path("days")).as("30 days unless asked").hasSize(30);
    assertThat(month.path("inPeriod").asLong()).isEqualTo(4);
  }

  @Test
  void readersArrivingAtOnceAreEachCounted() throws Exception {
    var author = someAuthor();
    String id = published(author, "Shared widely");
    var readers = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 40; i++) {
        answers.add(
            readers.submit(() -> anonymous().post("/api/posts/" + id + "/views", "").status()));
      }
      for (var answer : answers) {
        assertThat(answer.get()).isEqualTo(204);
      }
    } finally {
      readers.shutdown();
    }

    assertThat(author.get("/api/posts/" + id + "/views").json().path("total").asLong())
        .as("the first views of the day arrived together; none was lost")
        .isEqualTo(40);
  }

  @Test
  void onlyWhatReadersCanReadIsCounted() {
    var author = someAuthor();
    String draft =
        author
            .post("/api/posts", ApiClient.json(Map.of("title", "Not yet", "body", "b")))
            .text("id");
    String trashed = published(author, "Gone soon");
    api().post("/api/posts/" + trashed + "/trash", "");

    for (String path :
        List.of(
            "/api/posts/" + draft + "/views",
            "/api/posts/" + trashed + "/views",
            "/api/posts/no-such-post/views",
            "/api/posts/%7B%22$ne%22:null%7D/views")) {
      var refused = anonymous().post(path, "{\"$inc\":{\"views\":1000}}");
      assertThat(refused.status()).as(path).isEqualTo(404);
      assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
    }

    assertThat(author.get("/api/posts/" + draft + "/views").json().path("total").asLong()).isZero();
    assertThat(api().get("/api/posts/" + trashed + "/views").json().path("total").asLong())
        .isZero();
  }

  @Test
  void onlyItsAuthorAndEditorsSeeHowOftenAPostWasRead() {
    var author = someAuthor();
    String id = published(author, "Mine");
    anonymous().post("/api/posts/" + id + "/views", "");
    String path = "/api/posts/" + id + "/views";

    assertThat(anonymous().get(path).status()).isEqualTo(401);
    assertThat(someAuthor().get(path).status()).as("another author").isEqualTo(403);
    assertThat(as("c-" + UUID.randomUUID(), "Cy", "CONTRIBUTOR").get(path).status()).isEqualTo(403);
    assertThat(api().get(path).json().path("total").asLong()).as("an editor").isEqualTo(1);
    assertThat(anonymous().get("/api/views").status()).isEqualTo(401);
    String draft =
        author.post("/api/posts", ApiClient.json(Map.of("title", "Draft", "body", "b"))).text("id");
    assertThat(someAuthor().get("/api/posts/" + draft + "/views").status())
        .as("a draft is not there for another author, as the draft itself is not")
        .isEqualTo(404);
  }

  @Test
  void theMostReadPostsComeFirstAndAuthorsSeeTheirOwn() {
    var author = someAuthor();
    String once = published(author, "Read once");
    String thrice = published(author, "Read three times");
    String twice = published(author, "Read twice");
    String unread = published(author, "Not read");
    view(once, 1);
    view(thrice, 3);
    view(twice, 2);
    views.count(once, Instant.now().minus(Duration.ofDays(10)));
    views.count(once, Instant.now().minus(Duration.ofDays(10)));
    views.count(once, Instant.now().minus(Duration.ofDays(10)));
    api().post("/api/posts/" + twice + "/unpublish", "");

    var week = author.get("/api/views?days=7");
    assertThat(week.status()).as(week.toString()).isEqualTo(200);
    assertThat(list(week.json().path("items")))
        .extracting(post -> post.path("id").asString(), post -> post.path("views").asLong())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(thrice, 3L),
            org.assertj.core.groups.Tuple.tuple(twice, 2L),
            org.assertj.core.groups.Tuple.tuple(once, 1L));
    JsonNode first = week.json().path("items").path(0);
    assertThat(first.path("title").asString()).isEqualTo("Read three times");
    assertThat(first.path("slug").asString()).startsWith("read-three-times");
    assertThat(week.json().path("items").path(1).path("status").asString())
        .as("unpublished since, and still counted")
        .isEqualTo("DRAFT");
    assertThat(ids(author.get("/api/views?days=30&limit=2")))
        .as("the 30 days hold three more views of the first post")
        .containsExactly(once, thrice);
    assertThat(ids(author.get("/api/views"))).doesNotContain(unread);
    assertThat(ids(someAuthor().get("/api/views"))).as("another author's list").isEmpty();
    assertThat(ids(api().get("/api/views?limit=100"))).as("an editor's").contains(thrice, once);
  }

  @Test
  void readersSeeThePopularPostsWithoutTheirCounts() {
    var author = someAuthor();
    String first = published(author, "Everyone reads this");
    String second = published(author, "Many read this");
    String page =
        author
            .post("/api/posts", ApiClient.json(Map.of("title", "About", "body", "b", "page", true)))
            .text("id");
    author.post("/api/posts/" + page + "/publish", "");
    String takenDown = published(author, "Read, then taken down");
    // more than any other test of the class counts
    for (int i = 0; i < 250; i++) {
      views.count(page, Instant.now());
      views.count(takenDown, Instant.now());
      if (i < 200) {
        views.count(first, Instant.now());
      }
      if (i < 150) {
        views.count(second, Instant.now());
      }
    }
    api().post("/api/posts/" + takenDown + "/unpublish", "");

    var popular = anonymous().get("/api/popular-posts?limit=2");

    assertThat(popular.status()).as(popular.toString()).isEqualTo(200);
    assertThat(popular.header("Cache-Control")).contains("public", "max-age=300");
    assertThat(ids(popular))
        .as("posts readers can read, most read first; pages are in the menu")
        .containsExactly(first, second);
    JsonNode top = popular.json().path("items").path(0);
    assertThat(top.path("title").asString()).isEqualTo("Everyone reads this");
    assertThat(top.path("slug").asString()).startsWith("everyone-reads-this");
    assertThat(top.has("views")).as("the counts are the staff's").isFalse();
    assertThat(anonymous().get("/api/popular-posts?limit=21").status()).isEqualTo(400);
  }

  @Test
  void aListOfPostsGetsTheViewsOfThoseItsReaderMaySee() {
    var author = someAuthor();
    String read = published(author, "Read");
    String unread = published(author, "Unread");
    String someoneElses = published(someAuthor(), "Someone else's");
    view(read, 2);
    view(someoneElses, 1);
    String ids =
        "postId=" + read + "&postId=" + unread + "&postId=" + someoneElses + "&postId=no-such-post";

    var theirs = author.get("/api/views/counts?" + ids);
    var editors = api().get("/api/views/counts?days=7&" + ids);

    assertThat(theirs.status()).as(theirs.toString()).isEqualTo(200);
    assertThat(theirs.json().path("counts").properties())
        .extracting(count -> count.getKey() + "=" + count.getValue().asLong())
        .as("their own posts, read or not; not another author's")
        .containsExactlyInAnyOrder(read + "=2", unread + "=0");
    assertThat(editors.json().path("days").asInt()).isEqualTo(7);
    assertThat(editors.json().path("counts").path(someoneElses).asLong()).isEqualTo(1);
    assertThat(editors.json().path("counts").path(read).asLong()).isEqualTo(2);
    assertThat(editors.json().path("counts").has("no-such-post")).as("no post, no count").isFalse();
    assertThat(anonymous().get("/api/views/counts?" + ids).status()).isEqualTo(401);
    assertThat(api().get("/api/views/counts").status()).as("no post asked about").isEqualTo(400);
    assertThat(api().get("/api/views/counts?postId=x" + "&postId=x".repeat(100)).status())
        .as("more than a page of posts")
        .isEqualTo(400);
  }

  @Test
  void theViewsOfAPostDeletedForGoodAreForgotten() {
    String id = published(someAuthor(), "Short-lived");
    view(id, 2);
    api().post("/api/posts/" + id + "/trash", "");
    assertThat(api().delete("/api/posts/" + id).status()).isEqualTo(204);

    assertThat(ids(api().get("/api/views?limit=100"))).doesNotContain(id);
    assertThat(views.forgetDeletedPosts()).isGreaterThanOrEqualTo(1);
    assertThat(mongo.count(query(where("postId").is(id)), PostViews.COLLECTION)).isZero();
  }

  @Test
  void aPeriodOrLimitOutOfBoundsIsABadRequest() {
    String id = published(someAuthor(), "Bounded");
    for (String path :
        List.of(
            "/api/posts/" + id + "/views?days=0",
            "/api/posts/" + id + "/views?days=367",
            "/api/posts/" + id + "/views?days=a-week",
            "/api/views?days=-1",
            "/api/views?limit=0",
            "/api/views?limit=101",
            "/api/views?limit=%7B%22$gt%22:0%7D")) {
      var refused = api().get(path);
      assertThat(refused.status()).as(path).isEqualTo(400);
      assertThat(refused.header("Content-Type")).as(path).isEqualTo("application/problem+json");
    }
    assertThat(api().get("/api/posts/" + id + "/views?days=366").json().path("days")).hasSize(366);
  }

  private ApiClient someAuthor() {
    return as("author-" + UUID.randomUUID(), "Ann Author", "AUTHOR");
  }

  private void view(String id, int times) {
    for (int i = 0; i < times; i++) {
      assertThat(anonymous().post("/api/posts/" + id + "/views", "").status()).isEqualTo(204);
    }
  }

  private static List<String> ids(ApiClient.Response answer) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json().path("items").findValuesAsString("id");
  }

  private static List<JsonNode> list(JsonNode array) {
    var items = new java.util.ArrayList<JsonNode>();
    array.forEach(items::add);
    return items;
  }
}
