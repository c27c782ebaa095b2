package io.inkwell.web.reader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A post's footnotes are named for screen readers in the blog's language. */
class FootnotesTests {

  /** As post-service renders "hills[^1]" and "[^1]: Since 1873." */
  private static final String POST =
      """
      <p>Trams climb the hills<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>.</p>
      <section class="footnotes">
      <ol><li id="fn-1">
      <p>Since 1873. <a href="#fnref-1" class="footnote-backref" aria-label="Back to reference 1">↩</a></p>
      </li></ol>
      </section>
      """;

  @ParameterizedTest
  @CsvSource({
    "en, Footnotes, Back to reference 1",
    "de, Fußnoten, Zurück zum Verweis 1",
    "pt-BR, Notas de rodapé, Voltar à referência 1"
  })
  void theNotesAndTheirWaysBackAreNamedInTheBlogsLanguage(
      String language, String notes, String wayBack) {
    var footnotes = new Footnotes(ReaderWordsIn.language(language));

    var page = Jsoup.parseBodyFragment(footnotes.named(POST));

    assertThat(page.selectFirst("section.footnotes").attr("aria-label")).isEqualTo(notes);
    assertThat(page.selectFirst("a.footnote-backref").attr("aria-label")).isEqualTo(wayBack);
    assertThat(page.text()).contains("Trams climb the hills1.").contains("Since 1873.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {"<p>No notes; aria-label=\"Back to reference 1\" as words.</p>", "''"})
  void aPostWithoutFootnotesIsLeftAsItIs(String html) {
    var footnotes = new Footnotes(mock(Words.class));

    assertThat(footnotes.named(html)).isEqualTo(html);
  }
}
