package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchMatchTests {

  private static Optional<SearchMatch> find(String words, String text) {
    return SearchMatch.in(text, SearchText.pattern(words).orElseThrow());
  }

  @Test
  void theWordsFoundAreShownAsThePostWritesThem() {
    assertThat(find("creme brulee", "We ate a crème brûlée by the river, then walked home."))
        .contains(new SearchMatch("We ate a ", "crème brûlée", " by the river, then walked home."));
    assertThat(find("STRASSE", "Die Straße am Meer"))
        .contains(new SearchMatch("Die ", "Straße", " am Meer"));
    assertThat(find("office", "the ｏｆｆｉｃｅ, in full-width letters").orElseThrow().words())
        .isEqualTo("ｏｆｆｉｃｅ");
    assertThat(find("aesir", "The Æsir of old").orElseThrow().words()).isEqualTo("Æsir");
    assertThat(find("two words", "Some  two\u00a0words apart").orElseThrow().words())
        .isEqualTo("two\u00a0words");
  }

  @Test
  void inATitleTheWordsAreShownWithAllOfTheTitleAroundThem() {
    var pattern = SearchText.pattern("GRACA").orElseThrow();
    String title = "Up the hill to Graça, by tram 28, on a long and very sunny afternoon in May";

    assertThat(SearchMatch.inWhole(title, pattern))
        .contains(
            new SearchMatch(
                "Up the hill to ",
                "Graça",
                ", by tram 28, on a long and very sunny afternoon in May"));
    assertThat(SearchMatch.inWhole("Gracia in Barcelona", pattern)).isEmpty();
    assertThat(SearchMatch.inWhole("Grac\u0327a", pattern).orElseThrow().words())
        .as("a title written with the cedilla apart is shown composed")
        .isEqualTo("Graça");
  }

  @Test
  void wordsDeepInALongPostAreShownWithWholeWordsAroundThem() {
    String text =
        "The harbour at dawn. ".repeat(20)
            + "Then the trams came, rattling up to Graça. "
            + "More tiles and more light. ".repeat(20);

    var match = find("rattling", text).orElseThrow();

    assertThat(match.words()).isEqualTo("rattling");
    assertThat(match.before()).startsWith("…").endsWith("Then the trams came, ");
    assertThat(text)
        .as("from the start of a word")
        .contains(" " + match.before().substring(1) + "rattling");
    assertThat(match.before().length()).isLessThanOrEqualTo(SearchMatch.BEFORE + 1);
    assertThat(match.after()).startsWith(" up to Graça.").endsWith("…");
    String after = match.after().substring(0, match.after().length() - 1);
    assertThat(text).as("to the end of a word").contains("rattling" + after + " ");
    assertThat(match.after().length()).isLessThanOrEqualTo(SearchMatch.AFTER + 1);
  }

  /** The start of a post is looked at first, then more: words are found wherever they stand. */
  @Test
  void wordsAreFoundAcrossAndFarBeyondTheFirstPartLookedAt() {
    String start = "x".repeat(SearchMatch.FIRST_LOOK - 4) + " ";
    assertThat(find("crème brûlée", start + "CREME BRULEE.").orElseThrow().words())
        .isEqualTo("CREME BRULEE");
    String far = "The harbour at dawn. ".repeat(1_000) + "Graça" + " and more tiles".repeat(100);
    var match = find("graca", far).orElseThrow();
    assertThat(match.words()).isEqualTo("Graça");
    assertThat(match.before()).endsWith("The harbour at dawn. ");
    assertThat(find("lisbon", far)).isEmpty();
  }

  @Test
  void wordsWrittenWithoutSpacesAreCutBetweenCharactersNeverInsideOne() {
    String text = "𠮷野家の牛丼".repeat(30) + "東京タワー" + "𠮷野家の牛丼".repeat(50);

    var match = find("東京タワー", text).orElseThrow();

    assertThat(match.words()).isEqualTo("東京タワー");
    assertThat(match.before()).startsWith("…");
    assertThat(Character.isLowSurrogate(match.before().charAt(1))).isFalse();
    assertThat(Character.isHighSurrogate(match.after().charAt(match.after().length() - 2)))
        .isFalse();
    assertThat(match.after()).endsWith("…");
  }

  @Test
  void wordsTheTextDoesNotHaveAreNoMatch() {
    assertThat(find("tiles", "Only about the harbour.")).isEmpty();
    assertThat(find("a.c", "abc")).isEmpty();
  }
}
