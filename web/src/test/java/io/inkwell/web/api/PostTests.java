package io.inkwell.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The reading time shown beside each post, as Ghost shows it. */
class PostTests {

  private static Post withBody(String html) {
    return new Post("p", "s", "T", "", html, List.of(), true, false, null, null, null);
  }

  @Test
  void theReadingTimeCountsTheWordsOfTheTextNotItsMarkup() {
    String words = "word ".repeat(1_000);
    String marked =
        "<p class=\"a-long-class-name that-is-not-read\">"
            + words.replace("word ", "<em>word</em> ")
            + "</p>";

    assertThat(withBody("<p>" + words + "</p>").readingTime()).isEqualTo("4 min read");
    assertThat(withBody(marked).readingTime()).isEqualTo("4 min read");
  }

  @Test
  void aShortOrEmptyPostTakesAMinute() {
    assertThat(withBody("<p>Packing for WPC.</p>").readingTime()).isEqualTo("1 min read");
    assertThat(withBody(null).readingTime()).isEqualTo("1 min read");
  }
}
