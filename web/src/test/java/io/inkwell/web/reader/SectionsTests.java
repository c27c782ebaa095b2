package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.inkwell.web.TestSettings;
import io.inkwell.web.api.BlogApi;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;

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

  private final BlogApi api = mock(BlogApi.class);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "en | Link to the section “Getting there” | Link to the section “Café & bar”",
        "de | Link zum Abschnitt „Getting there“ | Link zum Abschnitt „Café & bar“"
      })
  void aSectionHeadingHasALinkToItAfterItNamedInTheBlogsLanguage(
      String language, String first, String second) {
    when(api.site())
        .thenReturn(
            Optional.of(
                new BlogApi.SiteIdentity(
                    "T", "", List.of(), language, "ltr", null, null, null, null)));
    var messages = new ResourceBundleMessageSource();
    messages.setBasename("i18n/reader");
    messages.setDefaultEncoding("UTF-8");
    messages.setFallbackToSystemLocale(false);
    var sections = new Sections(new Words(messages, new Site(TestSettings.inZone("UTC"), api)));

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
