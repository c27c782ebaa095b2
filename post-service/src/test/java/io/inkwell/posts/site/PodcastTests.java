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
import java.util.ArrayList;
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
  void aSerialPodcastsEpisodesCarryTheirSeasonNumberKindAndArtwork() throws Exception {
    assertThat(
            podcast(
                    Map.of(
                        "category",
                        "Fiction",
                        "subcategory",
                        " science fiction ",
                        "serial",
                        true,
                        "cover",
                        upload("png", 1400, 1400)))
                .status())
        .isEqualTo(200);
    var site = anonymous().get("/api/site").json().path("podcast");
    assertThat(site.path("serial").asBoolean()).isTrue();
    assertThat(site.path("subcategory").asString()).isEqualTo("Science Fiction");
    String tag = "serial-" + UUID.randomUUID().toString().substring(0, 8);
    String squareCover = upload("jpg", 1500, 1500);
    var numbered = new HashMap<String, Object>(episodeDraft("Chapter 3 ", tag));
    numbered.putAll(
        Map.of(
            "seasonNumber",
            2,
            "episodeNumber",
            3,
            "episodeType",
            " Bonus ",
            "coverImage",
            squareCover));
    var created = api().post("/api/posts", ApiClient.json(numbered));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.text("id");
    api().post("/api/posts/" + id + "/publish", "");
    var wideCovered = new HashMap<String, Object>(episodeDraft("Trailer ", tag));
    wideCovered.putAll(Map.of("episodeType", "trailer", "coverImage", upload("png", 1600, 900)));
    String trailerId = api().post("/api/posts", ApiClient.json(wideCovered)).text("id");
    api().post("/api/posts/" + trailerId + "/publish", "");

    var read = anonymous().get("/api/posts/" + id);
    assertThat(read.json().path("seasonNumber").asInt()).isEqualTo(2);
    assertThat(read.json().path("episodeNumber").asInt()).isEqualTo(3);
    assertThat(read.text("episodeType")).as("as Apple spells it").isEqualTo("bonus");
    SyndFeed feed = parse("/tags/" + tag + "/feed.rss");
    assertThat(itunes(feed.getForeignMarkup(), "type").getText()).isEqualTo("serial");
    var category = itunes(feed.getForeignMarkup(), "category");
    assertThat(category.getAttributeValue("text")).isEqualTo("Fiction");
    assertThat(category.getChild("category", ITUNES).getAttributeValue("text"))
        .as("the subcategory inside its category, as Apple reads it")
        .isEqualTo("Science Fiction");
    var chapter = entryTitled(feed, (String) numbered.get("title")).getForeignMarkup();
    assertThat(itunes(chapter, "season").getText()).isEqualTo("2");
    assertThat(itunes(chapter, "episode").getText()).isEqualTo("3");
    assertThat(itunes(chapter, "episodeType").getText()).isEqualTo("bonus");
    assertThat(itunes(chapter, "image").getAttributeValue("href"))
        .as("a square cover of the size Apple takes is the episode's artwork")
        .isEqualTo(siteUrl + squareCover);
    var trailer = entryTitled(feed, (String) wideCovered.get("title")).getForeignMarkup();
    assertThat(itunes(trailer, "episodeType").getText()).isEqualTo("trailer");
    assertThat(trailer.stream().map(Element::getName))
        .as("no numbers given, and a wide cover is no artwork the directories take")
        .doesNotContain("season", "episode", "image");

    var unaware =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(
                    Map.of("title", numbered.get("title"), "body", numbered.get("body"))),
                "If-Match",
                read.header("ETag"));
    assertThat(unaware.status()).as(unaware.toString()).isEqualTo(200);
    assertThat(unaware.json().path("episodeNumber").asInt())
        .as("an editor that knows nothing of them keeps them")
        .isEqualTo(3);
    var cleared =
        api()
            .put(
                "/api/posts/" + id,
                ApiClient.json(
                    Map.of(
                        "title",
                        numbered.get("title"),
                        "body",
                        numbered.get("body"),
                        "seasonNumber",
                        0,
                        "episodeType",
                        "")),
                "If-Match",
                unaware.header("ETag"));
    assertThat(cleared.json().has("seasonNumber")).isFalse();
    assertThat(cleared.json().has("episodeType")).as("a whole episode again").isFalse();
    assertThat(cleared.json().path("episodeNumber").asInt()).isEqualTo(3);
  }

  @Test
  void aPodcastsFeedCarriesItsOlderEpisodesBeyondTheNewestPosts() throws Exception {
    String tag = "back-catalogue-" + UUID.randomUUID().toString().substring(0, 8);
    String wordsBefore = publishedIn(tag, Map.of("title", "Before the show " + UUID.randomUUID()));
    // newest first, as feeds list them
    List<String> episodes = new ArrayList<>();
    for (int number = 1; number <= 3; number++) {
      var draft = new HashMap<String, Object>(episodeDraft("Episode " + number + " ", tag));
      draft.put("episodeNumber", number);
      episodes.add(0, publishedIn(tag, draft));
    }
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      notes.add(0, publishedIn(tag, Map.of("title", "Show notes " + i + " " + UUID.randomUUID())));
    }

    assertThat(titles("/tags/" + tag + "/feed.rss"))
        .as("a blog's feed: its newest posts")
        .hasSize(20)
        .doesNotContainAnyElementsOf(episodes);
    assertThat(
            podcast(
                    Map.of(
                        "category", "Fiction", "serial", true, "cover", upload("png", 1400, 1400)))
                .status())
        .isEqualTo(200);
    var podcastFeed = titles("/tags/" + tag + "/feed.rss");
    assertThat(podcastFeed.subList(0, 20))
        .as("a podcast's: the newest posts, then every older episode, for listeners to begin at 1")
        .containsExactlyInAnyOrderElementsOf(notes);
    assertThat(podcastFeed.subList(20, podcastFeed.size())).isEqualTo(episodes);
    assertThat(podcastFeed).doesNotContain(wordsBefore);
    assertThat(titles("/tags/" + tag + "/feed.atom"))
        .as("the directories read RSS; Atom stays a blog's")
        .hasSize(20);
  }

  private String publishedIn(String tag, Map<String, Object> draft) {
    var post = new HashMap<String, Object>(Map.of("body", "Words.", "tags", List.of(tag)));
    post.putAll(draft);
    String id = api().post("/api/posts", ApiClient.json(post)).text("id");
    assertThat(api().post("/api/posts/" + id + "/publish", "").status()).isEqualTo(200);
    return (String) post.get("title");
  }

  private List<String> titles(String path) throws Exception {
    return parse(path).getEntries().stream().map(SyndEntry::getTitle).toList();
  }

  @Test
  void applesCategoriesAreThereForTheSettingsToOffer() {
    var categories = anonymous().get("/api/site/podcast/categories");

    assertThat(categories.status()).as(categories.toString()).isEqualTo(200);
    var items = categories.json().path("items");
    assertThat(items.size()).as("Apple's 19").isEqualTo(19);
    assertThat(items.get(0).path("name").asString()).isEqualTo("Arts");
    assertThat(items.get(0).path("subcategories").get(0).asString()).isEqualTo("Books");
  }

  @Test
  void episodeNumbersAndKindsNoDirectoryTakesAreRefused() {
    for (var wrong :
        List.<Map<String, Object>>of(
            Map.of("episodeNumber", -1),
            Map.of("episodeNumber", "three"),
            Map.of("seasonNumber", 100_000),
            Map.of("seasonNumber", 1.5),
            Map.of("episodeType", "teaser"),
            Map.of("episodeType", "full trailer"),
            Map.of("episodeType", Map.of("$ne", "full")))) {
      var draft = new HashMap<String, Object>(Map.of("title", "Refused", "body", "b"));
      draft.putAll(wrong);
      var answer = api().post("/api/posts", ApiClient.json(draft));
      assertThat(answer.status()).as(wrong.toString()).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.json().toString()).contains(wrong.keySet().iterator().next());
    }
  }

  private Map<String, Object> episodeDraft(String title, String tag) throws Exception {
    var episode =
        api().upload("/api/files", "file", "episode.mp3", "audio/mpeg", TestFiles.mp3Playing(40));
    return Map.of(
        "title",
        title + UUID.randomUUID(),
        "body",
        "Notes.\n\n" + episode.text("markdown"),
        "tags",
        List.of(tag));
  }

  /** Once the directories list it, the reader site links its pages there, as they share them. */
  @Test
  void itsPagesInTheDirectoriesAreKeptWithoutWhatShareButtonsAdd() throws Exception {
    String cover = upload("png", 1400, 1400);
    Map<String, Object> good = Map.of("category", "Leisure", "cover", cover);

    var listed =
        podcast(
            with(
                with(
                    good,
                    "applePodcasts",
                    " https://podcasts.apple.com/gb/podcast/the-harbour-hour/id1234567890?uo=4 "),
                "spotify",
                "https://open.spotify.com/intl-de/show/5CfCWKI5pZ28U0uOzXkDHe?si=a1b2c3d4e5f6"));

    assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
    var site = anonymous().get("/api/site").json().path("podcast");
    assertThat(site.path("applePodcasts").asString())
        .isEqualTo("https://podcasts.apple.com/gb/podcast/the-harbour-hour/id1234567890");
    assertThat(site.path("spotify").asString())
        .isEqualTo("https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe");

    for (String elsewhere :
        new String[] {
          "https://podcasts.apple.com.evil.example/us/podcast/x/id1",
          "javascript:alert(1)//https://podcasts.apple.com/us/podcast/x/id1",
          "http://podcasts.apple.com/us/podcast/x/id1",
          "https://podcasts.apple.com/us/podcast/x/id1\"><script>"
        }) {
      var refused = podcast(with(good, "applePodcasts", elsewhere));
      assertThat(refused.status()).as(elsewhere).isEqualTo(400);
      assertThat(refused.text("detail")).startsWith("applePodcasts must be the podcast's page");
    }
    var aTrack =
        podcast(with(good, "spotify", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC"));
    assertThat(aTrack.status()).isEqualTo(400);
    assertThat(aTrack.text("detail")).startsWith("spotify must be the podcast's page");
    assertThat(anonymous().get("/api/site").json().path("podcast").path("spotify").asString())
        .as("nothing refused was kept")
        .isEqualTo("https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe");

    assertThat(podcast(good).status()).isEqualTo(200);
    assertThat(anonymous().get("/api/site").json().path("podcast").hasNonNull("applePodcasts"))
        .as("left out: not listed")
        .isFalse();
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
    var otherCategorys = podcast(with(good, "subcategory", "Books"));
    var notItsOwn = podcast(with(with(good, "category", "Arts"), "subcategory", "Drama"));
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
    assertThat(otherCategorys.status()).isEqualTo(400);
    assertThat(otherCategorys.text("detail"))
        .isEqualTo("subcategory: Apple Podcasts' History has none.");
    assertThat(notItsOwn.status()).isEqualTo(400);
    assertThat(notItsOwn.text("detail"))
        .startsWith("subcategory must be one of Apple Podcasts' Arts: Books, Design,");
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
