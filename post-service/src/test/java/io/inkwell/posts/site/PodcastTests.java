package io.inkwell.posts.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.inkwell.posts.IntegrationTest;
import io.inkwell.posts.TestFiles;
import io.inkwell.posts.TestPictures;
import io.inkwell.testsupport.ApiClient;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * An admin makes the blog a podcast: its RSS feeds then carry what Apple Podcasts and Spotify read
 * (category, artwork, whether it is for adults, an owner to confirm it), and each post's episode is
 * an entry of the podcast.
 */
class PodcastTests extends IntegrationTest {

  @Value("${inkwell.posts.site-url}")
  private String siteUrl;

  @AfterEach
  void theBlogIsNoPodcastAgain() {
    podcast(Map.of("category", ""));
  }

  @Test
  void aPodcastsFeedsCarryWhatTheDirectoriesReadAndItsEpisodesAreEntries() throws Exception {
    String cover = upload("png", 1400, 1400);
    var made =
        podcast(
            Map.of(
                "category",
                "technology",
                "explicit",
                true,
                "cover",
                "![Artwork](" + cover + ")",
                "email",
                " podcast@example.org "));
    assertThat(made.status()).as(made.toString()).isEqualTo(200);
    var site = anonymous().get("/api/site").json().path("podcast");
    assertThat(site.path("category").asString()).as("as Apple spells it").isEqualTo("Technology");
    assertThat(site.path("explicit").asBoolean()).isTrue();
    assertThat(site.path("cover").asString()).isEqualTo(cover);
    assertThat(site.path("email").asString()).isEqualTo("podcast@example.org");

    String tag = "episodes-" + UUID.randomUUID().toString().substring(0, 8);
    var episode =
        api()
            .upload(
                "/api/files", "file", "Episode 7.mp3", "audio/mpeg", TestFiles.mp3Playing(2_000));
    String title = "Episode 7 " + UUID.randomUUID();
    String id =
        api()
            .post(
                "/api/posts",
                ApiClient.json(
                    Map.of(
                        "title",
                        title,
                        "body",
                        "Show notes.\n\n" + episode.text("markdown"),
                        "tags",
                        List.of(tag))))
            .text("id");
    api().post("/api/posts/" + id + "/publish", "");
    String notes = "Words only " + UUID.randomUUID();
    published(api(), notes);

    for (String path : new String[] {"/feed.rss", "/tags/" + tag + "/feed.rss"}) {
      String xml = anonymous().get(path).raw().body();
      SyndFeed feed = new SyndFeedInput().build(new StringReader(xml));
      var channel = feed.getForeignMarkup();
      assertThat(itunes(channel, "category").getAttributeValue("text"))
          .as(path)
          .isEqualTo("Technology");
      assertThat(itunes(channel, "explicit").getText()).as("Apple's words").isEqualTo("true");
      assertThat(itunes(channel, "image").getAttributeValue("href")).isEqualTo(siteUrl + cover);
      assertThat(itunes(channel, "owner").getChildText("email", ITUNES))
          .isEqualTo("podcast@example.org");
      assertThat(itunes(channel, "author").getText()).isNotBlank();
      assertThat(itunes(channel, "type").getText()).isEqualTo("episodic");
      assertThat(xml).as("declared once").containsOnlyOnce("xmlns:itunes=");
      SyndEntry entry = entryTitled(feed, title);
      assertThat(entry.getEnclosures()).hasSize(1);
      assertThat(itunes(entry.getForeignMarkup(), "episodeType").getText()).isEqualTo("full");
      assertThat(itunes(entry.getForeignMarkup(), "duration").getText())
          .as("2,000 frames of 1152 samples at 44.1 kHz, in seconds as Apple asks")
          .isEqualTo("52");
    }
    assertThat(
            entryTitled(parse("/feed.rss"), notes).getForeignMarkup().stream()
                .filter(markup -> markup.getNamespace().equals(ITUNES)))
        .as("a post without an episode is no episode")
        .isEmpty();
    assertThat(anonymous().get("/feed.atom").raw().body())
        .as("the directories read RSS")
        .doesNotContain("itunes");
    assertThat(admin().delete(cover).status()).as("the podcast's artwork is in use").isEqualTo(409);

    assertThat(podcast(Map.of("category", "")).status()).isEqualTo(200);
    assertThat(anonymous().get("/api/site").json().hasNonNull("podcast")).isFalse();
    assertThat(
            parse("/feed.rss").getForeignMarkup().stream()
                .filter(markup -> markup.getNamespace().equals(ITUNES)))
        .as("no podcast any more")
        .isEmpty();
  }

  @Test
  void settingsNoDirectoryTakesAreRefusedAndOnlyAdminsMakeAPodcast() throws Exception {
    String cover = upload("png", 1500, 1500);
    Map<String, Object> good = Map.of("category", "History", "cover", cover);

    var small = podcast(with(good, "cover", upload("png", 1000, 1000)));
    var oblong = podcast(with(good, "cover", upload("png", 1600, 1400)));
    var gif = podcast(with(good, "cover", upload("gif", 1400, 1400)));
    var none = podcast(Map.of("category", "History"));
    var category = podcast(with(good, "category", "Gardening"));
    var email = podcast(with(good, "email", "not an address"));
    var operator =
        admin()
            .put("/api/site/podcast", "{\"category\":{\"$ne\":null},\"cover\":\"" + cover + "\"}");
    var editor =
        as("editor-" + UUID.randomUUID(), "Ed", "EDITOR")
            .put("/api/site/podcast", ApiClient.json(good));

    for (var refused : new ApiClient.Response[] {small, oblong, gif}) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
      assertThat(refused.text("detail"))
          .startsWith("A podcast's artwork must be a square JPEG or PNG between 1400 and 3000");
    }
    assertThat(small.text("detail")).endsWith("this one is a PNG of 1000 × 1000.");
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.text("detail")).startsWith("A podcast needs its artwork");
    assertThat(category.status()).isEqualTo(400);
    assertThat(category.text("detail")).contains("Apple Podcasts' categories: Arts, Business");
    assertThat(email.status()).isEqualTo(400);
    assertThat(operator.status()).isEqualTo(400);
    assertThat(editor.status()).isEqualTo(403);
    assertThat(anonymous().get("/api/site").json().hasNonNull("podcast"))
        .as("nothing refused was kept")
        .isFalse();
    assertThat(podcast(good).status()).isEqualTo(200);
  }

  private static final Namespace ITUNES =
      Namespace.getNamespace("http://www.itunes.com/dtds/podcast-1.0.dtd");

  /** The one iTunes tag of this name. */
  private static Element itunes(List<Element> markup, String name) {
    var found =
        markup.stream()
            .filter(tag -> tag.getNamespace().equals(ITUNES) && tag.getName().equals(name))
            .toList();
    assertThat(found).as("itunes:" + name).hasSize(1);
    return found.get(0);
  }

  private ApiClient.Response podcast(Map<String, ?> settings) {
    return admin().put("/api/site/podcast", ApiClient.json(settings));
  }

  private static Map<String, Object> with(Map<String, Object> settings, String key, Object value) {
    var changed = new HashMap<>(settings);
    changed.put(key, value);
    return changed;
  }

  private SyndFeed parse(String path) throws Exception {
    var answer = anonymous().get(path);
    assertThat(answer.status()).as(path).isEqualTo(200);
    return new SyndFeedInput().build(new StringReader(answer.raw().body()));
  }

  private static SyndEntry entryTitled(SyndFeed feed, String title) {
    return feed.getEntries().stream()
        .filter(entry -> entry.getTitle().equals(title))
        .findFirst()
        .orElseThrow();
  }

  private String upload(String format, int width, int height) throws Exception {
    var uploaded =
        admin()
            .upload(
                "/api/images",
                "file",
                "artwork." + format,
                "image/" + format,
                TestPictures.picture(format, width, height));
    assertThat(uploaded.status()).as(uploaded.toString()).isIn(200, 201);
    return uploaded.text("url");
  }
}
