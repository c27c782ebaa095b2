package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A callout its author gave no title is named by its kind, in the blog's language. */
class CalloutsTests {

  /** As post-service renders "> [!WARNING]", "> [!TIP] Pack light" and "> [!CAUTION]". */
  private static final String POST =
      """
      <div class="callout callout-warning" role="note"><p>Mind the gap.</p></div>
      <div class="callout callout-tip" role="note"><p class="callout-title">Pack light</p><p>One bag.</p></div>
      <div class="callout callout-caution" role="note"><ul><li>Hot</li></ul></div>
      <div class="callout callout-note">Not from post-service</div>
      """;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | Warning | Caution",
        "de | Warnung | Vorsicht",
        "fr | Avertissement | Attention"
      })
  void aCalloutWithoutItsAuthorsTitleIsNamedByItsKindInTheBlogsLanguage(
      String language, String warning, String caution) {
    var callouts = new Callouts(ReaderWordsIn.language(language));

    var page = Jsoup.parseBodyFragment(callouts.titled(POST));

    assertThat(page.select("div.callout > p.callout-title:first-child").eachText())
        .containsExactly(warning, "Pack light", caution);
    assertThat(page.select("div.callout-warning > p:last-child").text()).isEqualTo("Mind the gap.");
    assertThat(page.select("div.callout-tip > p.callout-title")).hasSize(1);
  }
}
