package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each section heading of a post has a link to it beside it, named in the blog's language. */
class SectionsTests {

  /** As post-service renders "## Getting there", "### Café & *bar*" and "##### Small print". */
  private static final String POST =
      """
      <p>Intro.</p>
      <h2 id="h-getting-there">Getting there</h2>
      <p>By tram.</p>
      <h3 id="h-café--bar">Café &amp; <em>bar</em></h3>
      <h5 id="h-small-print">Small print</h5>
      <h2>Not from post-service</h2>
      """;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | Link to the section “Getting there” | Link to the section “Café & bar”",
        "de | Link zum Abschnitt „Getting there“ | Link zum Abschnitt „Café & bar“"
      })
  void aSectionHeadingHasALinkToItAfterItNamedInTheBlogsLanguage(
      String language, String first, String second) {
    var sections = new Sections(ReaderWordsIn.language(language));

    var page = Jsoup.parseBodyFragment(sections.linked(POST));

    var links = page.select("div.section-heading > h2 + a.section-link, h3 + a.section-link");
    assertThat(links.eachAttr("href")).containsExactly("#h-getting-there", "#h-café--bar");
    assertThat(links.eachAttr("aria-label")).containsExactly(first, second);
    assertThat(page.select("h2, h3").eachText())
        .as("a heading is read as its words alone")
        .containsExactly("Getting there", "Café & bar", "Not from post-service");
    assertThat(page.select("h5 + a, h2:not([id]) + a")).as("only h1 to h4 of the post").isEmpty();
    assertThat(page.select("p").eachText()).containsExactly("Intro.", "By tram.");
  }
}
