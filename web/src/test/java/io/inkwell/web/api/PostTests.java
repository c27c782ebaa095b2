package io.inkwell.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reading time shown beside each post, as Ghost shows it, the picture a share shows, and its
 * tags as readers read them.
 */
class PostTests {

  private static Post withBody(String html) {
    return withBodyAndCover(html, null);
  }

  private static Post withBodyAndCover(String html, Post.Cover cover) {
    return tagged(html, cover, List.of(), List.of());
  }

  private static Post tagged(
      String html, Post.Cover cover, List<String> tags, List<String> tagNames) {
    return new Post(
        "p",
        "s",
        "T",
        "",
        html,
        tags,
        tagNames,
        true,
        false,
        null,
        null,
        null,
        false,
        "PUBLISHED",
        cover,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void theReadingTimeCountsTheWordsOfTheTextNotItsMarkup() {
    String words = "word ".repeat(1_000);
    String marked =
        "<p class=\"a-long-class-name that-is-not-read\">"
            + words.replace("word ", "<em>word</em> ")
            + "</p>";

    assertThat(withBody("<p>" + words + "</p>").readingMinutes()).isEqualTo(4);
    assertThat(withBody(marked).readingMinutes()).isEqualTo(4);
    assertThat(withBody("<p>" + words.replace(' ', '\u00a0') + "</p>").readingMinutes())
        .as("words kept together by no-break spaces are words all the same")
        .isEqualTo(4);
  }

  /**
   * Chinese, Japanese and Korean run their words together: each character is one, as Ghost has it.
   */
  @Test
  void theReadingTimeOfALanguageWrittenWithoutSpacesCountsItsCharacters() {
    String chinese = "我们沿着海港走到了老城区。".repeat(100); // 1,300 characters, 100 "words" apart

    assertThat(withBody("<p>" + chinese + "</p>").readingMinutes()).isEqualTo(5);
    assertThat(withBody("<p>Lisbon 里斯本 " + "한국어".repeat(200) + "</p>").readingMinutes())
        .as("Latin words and characters together")
        .isEqualTo(3);
  }

  @Test
  void aShortOrEmptyPostTakesAMinute() {
    assertThat(withBody("<p>Packing for WPC.</p>").readingMinutes()).isEqualTo(1);
    assertThat(withBody(null).readingMinutes()).isEqualTo(1);
  }

  @Test
  void theFirstPictureOfThePostIsTheOneASharedLinkShows() {
    assertThat(
            withBody(
                    "<p>Up the hill.</p><p><img src=\"/api/images/a1.png\" alt=\"tram\"></p>"
                        + "<p><img src=\"https://example.org/b.jpg\" alt=\"\"></p>")
                .firstImage())
        .isEqualTo("/api/images/a1.png");
    assertThat(
            withBody(
                    "<p><img src=\"/api/images/b.jpg\" srcset=\"/api/images/b.jpg?w=600 600w,"
                        + " /api/images/b.jpg?w=1000 1000w, /api/images/b.jpg?w=1600 1600w,"
                        + " /api/images/b.jpg?w=2000 2000w, /api/images/b.jpg 4000w\"></p>")
                .firstImage())
        .as("a shared link's card gets a copy, not the camera's megabytes")
        .isEqualTo("/api/images/b.jpg?w=1600");
    assertThat(
            withBody(
                    "<p><img src=\"/api/images/c.png\" srcset=\"/api/images/c.png?w=600 600w,"
                        + " /api/images/c.png 900w\"></p>")
                .firstImage())
        .isEqualTo("/api/images/c.png");
    assertThat(
            withBody(
                    "<p>Filmed:</p><figure class=\"embed\"><iframe"
                        + " src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42\""
                        + " title=\"YouTube\"></iframe></figure><p><img src=\"/api/images/d.png\"></p>")
                .firstImage())
        .as("a video first: its own picture")
        .isEqualTo("https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg");
    assertThat(
            withBody(
                    "<figure class=\"embed\"><iframe src=\"https://player.vimeo.com/video/1?dnt=1\">"
                        + "</iframe></figure><p><img src=\"/api/images/e.png\"></p>")
                .firstImage())
        .as("Vimeo gives no picture at a known address: the next picture")
        .isEqualTo("/api/images/e.png");
    assertThat(withBody("<p>No pictures; an &lt;img&gt; in words.</p>").firstImage()).isNull();
    assertThat(withBody(null).firstImage()).isNull();
  }

  @Test
  void aCoverIsWhatASharedLinkShowsBeforeAnyPictureOfTheBody() {
    String body = "<p><img src=\"/api/images/a1.png\" alt=\"tram\"></p>";
    var cover =
        new Post.Cover(
            "/api/images/c.jpg",
            "Tiles",
            3000,
            2000,
            "/api/images/c.jpg?w=600 600w, /api/images/c.jpg?w=1600 1600w, /api/images/c.jpg 3000w",
            "100vw");

    assertThat(withBodyAndCover(body, cover).sharedImage()).isEqualTo("/api/images/c.jpg?w=1600");
    assertThat(
            withBodyAndCover(body, new Post.Cover("/api/images/s.png", null, 300, 200, null, null))
                .sharedImage())
        .isEqualTo("/api/images/s.png");
    assertThat(withBody(body).sharedImage()).isEqualTo("/api/images/a1.png");
  }

  @Test
  void aPostsTagsAreShownByTheirNamesAndLinkedByThemselves() {
    assertThat(tagged("", null, List.of("wpc", "travel"), List.of("WPC", "travel")).shownTags())
        .containsExactly(new Post.ShownTag("wpc", "WPC"), new Post.ShownTag("travel", "travel"));
    assertThat(tagged("", null, List.of("wpc"), null).shownTags())
        .as("an API without names: the tags as they are")
        .containsExactly(new Post.ShownTag("wpc", "wpc"));
  }
}
