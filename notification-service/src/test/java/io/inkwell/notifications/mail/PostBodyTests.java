package io.inkwell.notifications.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

/** A post's words as its mail carries them. */
class PostBodyTests {

  /** The callouts' names of an English blog's mails. */
  private static final UnaryOperator<String> NAMES =
      Map.of("note", "Note", "tip", "Tip", "warning", "Warning")::get;

  /** As post-service renders "Trams climb the hills[^1]." with "[^1]: Since *1873*." */
  private static final String WITH_A_FOOTNOTE =
      """
      <p>Trams climb the hills<sup class="footnote-ref"><a href="#fn-1" id="fnref-1">1</a></sup>.</p>
      <section class="footnotes">
      <ol>
      <li id="fn-1">
      <p>Since <em>1873</em>. <a href="#fnref-1" class="footnote-backref" aria-label="Back to reference 1">↩</a></p>
      </li>
      </ol>
      </section>
      """;

  @Test
  void aFootnoteIsANumberAndItsNoteFollowsThePostForMailClientsFollowNoLinksWithinAMail() {
    var body = PostBody.of(WITH_A_FOOTNOTE, "https://blog.example.org", NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("sup").text()).isEqualTo("1");
    assertThat(html.select("a")).as("no link to the blog's front page, nor a way back").isEmpty();
    assertThat(html.select("hr + ol li").text()).isEqualTo("Since 1873.");
    assertThat(body.html()).doesNotContain("↩");
    assertThat(body.text())
        .as("the text part raises nothing, so the number is in brackets")
        .startsWith("Trams climb the hills[1].")
        .endsWith("\n\n1. Since 1873.");
  }

  /** As post-service renders "- [x] passport" and "- [ ] sun *cream*". */
  private static final String WITH_A_TASK_LIST =
      """
      <ul><li class="task-list-item"><label><input type="checkbox" disabled checked> passport</label></li>\
      <li class="task-list-item"><label><input type="checkbox" disabled> sun <em>cream</em></label></li></ul>
      """;

  @Test
  void aTaskListSaysWhichTasksAreDoneForMailClientsShowNoBoxes() {
    var body = PostBody.of(WITH_A_TASK_LIST, "https://blog.example.org", NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("li").eachText()).containsExactly("☑ passport", "☐ sun cream");
    assertThat(html.select("li em").text()).isEqualTo("cream");
    assertThat(body.text()).isEqualTo("- ☑ passport\n- ☐ sun cream");
  }

  /** As post-service renders "> [!TIP] Pack *light*" and "> [!WARNING]", each with a line. */
  private static final String WITH_CALLOUTS =
      """
      <div class="callout callout-tip" role="note"><p class="callout-title">Pack <em>light</em></p>\
      <p>One bag will do.</p></div><div class="callout callout-warning" role="note"><p>Mind the gap.</p></div>
      """;

  @Test
  void aCalloutIsAQuoteWithItsTitleInBoldForMailClientsDropItsBoxAndAnUntitledOneIsNamed() {
    var body = PostBody.of(WITH_CALLOUTS, "https://blog.example.org", NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("blockquote")).hasSize(2);
    assertThat(html.select("blockquote").first().select("p > strong").text())
        .isEqualTo("Pack light");
    assertThat(html.select("blockquote strong em").text()).isEqualTo("light");
    assertThat(html.select("blockquote").last().select("p").eachText())
        .as(
            "the callout its author gave no title is named by its kind, as the reader site names it")
        .containsExactly("Warning", "Mind the gap.");
    assertThat(html.select("blockquote").last().select("p > strong").text()).isEqualTo("Warning");
    assertThat(body.html()).doesNotContain("callout", "role");
    assertThat(body.text())
        .as("the text part quotes each block as mail clients do")
        .isEqualTo("> Pack light\n>\n> One bag will do.\n\n> Warning\n>\n> Mind the gap.");
  }

  @Test
  void aCaptionedPictureKeepsItsCaptionAndTheTextPartSaysWhatItShows() {
    var body =
        PostBody.of(
            "<figure><img src=\"/api/images/abc.png\" alt=\"A yellow tram\">"
                + "<figcaption>Tram 28 climbing to Alfama</figcaption></figure>",
            "https://blog.example.org",
            NAMES);

    assertThat(Jsoup.parseBodyFragment(body.html()).select("figure > figcaption").text())
        .isEqualTo("Tram 28 climbing to Alfama");
    assertThat(body.text()).isEqualTo("[A yellow tram]\nTram 28 climbing to Alfama");
  }

  /**
   * A reader of the text part cannot follow a link: its address follows its words, and a bookmark
   * of an imported post (post-service's Cards) is its title, description and site, a line each.
   */
  @Test
  void theTextPartGivesALinksAddressAfterItsWordsAndABookmarkALineEach() {
    var body =
        PostBody.of(
            "<p>See <a href=\"/pages/timetable\">the <em>timetable</em></a> or"
                + " <a href=\"https://tram.example.org/\">https://tram.example.org/</a>.</p>"
                + "<figure class=\"bookmark\"><p><a href=\"https://tides.example.org/today\">Tides"
                + " today</a></p><p>High water at 06:12.</p><p>Tide Office</p></figure>",
            "https://blog.example.org",
            NAMES);

    assertThat(body.text())
        .isEqualTo(
            """
            See the timetable <https://blog.example.org/pages/timetable> or https://tram.example.org/.

            Tides today <https://tides.example.org/today>
            High water at 06:12.
            Tide Office""");
    assertThat(Jsoup.parseBodyFragment(body.html()).select("a").eachText())
        .as("the HTML part's links are as they were")
        .containsExactly("the timetable", "https://tram.example.org/", "Tides today");
  }

  /** As post-service renders "## Getting there" and "### By tram" with their ids. */
  @Test
  void aHeadingIsUnderlinedInTheTextPartAsPlainTextMarksOne() {
    var body =
        PostBody.of(
            "<h2 id=\"h-getting-there\">Getting there</h2><p>Take the 28.</p>"
                + "<h3 id=\"h-by-tram\">By tram</h3><p>Hold on.</p>",
            "https://blog.example.org",
            NAMES);

    assertThat(body.text())
        .isEqualTo(
            """
            Getting there
            =============

            Take the 28.

            By tram
            -------

            Hold on.""");
    assertThat(Jsoup.parseBodyFragment(body.html()).select("h2, h3").eachText())
        .containsExactly("Getting there", "By tram");
  }

  /** As post-service renders a question that opens (an imported Ghost toggle card). */
  @Test
  void aQuestionThatOpensStandsOpenInBoldAboveItsAnswerForMailClientsOpenNothing() {
    var body =
        PostBody.of(
            "<details><summary>Is it <em>free</em>?</summary><p>Yes.</p></details><p>More.</p>",
            "https://blog.example.org",
            NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("details, summary")).isEmpty();
    assertThat(html.select("p").eachText()).containsExactly("Is it free?", "Yes.", "More.");
    assertThat(html.select("p > strong > em").text()).isEqualTo("free");
    assertThat(body.text()).isEqualTo("Is it free?\n\nYes.\n\nMore.");
  }

  /** As post-service renders a GitHub table of two columns. */
  private static final String WITH_A_TABLE =
      """
      <p>The trams:</p>
      <table><thead><tr><th>Line</th><th>From</th></tr></thead>\
      <tbody><tr><td>28</td><td>Martim <em>Moniz</em></td></tr><tr><td>12</td><td>Praça da Figueira</td></tr></tbody></table>
      <p>Both run all day.<sup>*</sup></p>
      """;

  @Test
  void aTableHasItsLinesInTheMailAndARowALineInTheTextPart() {
    var body = PostBody.of(WITH_A_TABLE, "https://blog.example.org", NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("table").attr("style")).contains("border-collapse:collapse");
    assertThat(html.select("th, td"))
        .as(
            "the lines between the cells are on the cells, for mail clients that drop a style sheet")
        .hasSize(6)
        .allSatisfy(cell -> assertThat(cell.attr("style")).contains("border:1px solid"));
    assertThat(html.select("td em").text()).isEqualTo("Moniz");
    assertThat(body.text())
        .isEqualTo(
            """
            The trams:

            | Line | From |
            | 28 | Martim Moniz |
            | 12 | Praça da Figueira |

            Both run all day.*""");
  }

  /**
   * As post-service renders a post with YouTube and Vimeo addresses, a Spotify episode's and a
   * SoundCloud playlist's alone on their lines.
   */
  private static final String WITH_VIDEOS =
      """
      <p>Look:</p>
      <figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start&#61;90" \
      title="YouTube" width="560" height="315" loading="lazy" allowfullscreen></iframe></figure>
      <figure class="embed"><iframe src="https://player.vimeo.com/video/76979871?dnt&#61;1" \
      title="Vimeo" width="560" height="315" loading="lazy" allowfullscreen></iframe></figure>
      <figure class="embed"><iframe src="https://player.vimeo.com/video/76979872?h&#61;8272103f6e&amp;dnt&#61;1" \
      title="Vimeo" width="560" height="315" loading="lazy" allowfullscreen></iframe></figure>
      <figure class="embed sound"><iframe src="https://open.spotify.com/embed/episode/512ojhOuo1ktJprKbVcKyQ" \
      title="Spotify" width="560" height="166" loading="lazy" allowfullscreen></iframe></figure>
      <figure class="embed sound list"><iframe src="https://w.soundcloud.com/player/?url&#61;https%3A//soundcloud.com/forss/sets/soulhack" \
      title="SoundCloud" width="560" height="352" loading="lazy" allowfullscreen></iframe></figure>
      """;

  /**
   * Mail clients play no video nor sound: each is a link to its page, a video's where it starts
   * where it did.
   */
  @Test
  void aVideoIsALinkToItsPageForMailClientsPlayNoVideo() {
    var body = PostBody.of(WITH_VIDEOS, "https://blog.example.org", NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("iframe, figure")).isEmpty();
    assertThat(html.select("p > a").eachAttr("href"))
        .containsExactly(
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s",
            "https://vimeo.com/76979871",
            "https://vimeo.com/76979872/8272103f6e",
            "https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ",
            "https://soundcloud.com/forss/sets/soulhack");
    assertThat(body.text())
        .contains("▶ https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s")
        .contains("▶ https://vimeo.com/76979871");
  }

  /** Mail clients play no audio or video: the blog's own are links to their files. */
  @Test
  void anEpisodeIsALinkToItsFileForMailClientsPlayNoAudio() {
    String episode = "/api/files/0123456789abcdef0123456789abcdef.mp3";
    var body =
        PostBody.of(
            "<p>Show notes.</p><figure class=\"media\"><audio controls=\"controls\""
                + " preload=\"metadata\" src=\""
                + episode
                + "\"></audio><figcaption><a href=\""
                + episode
                + "\">Episode 2</a></figcaption></figure>"
                + "<figure class=\"media\"><video controls=\"controls\" src=\"/api/files/"
                + "0123456789abcdef0123456789abcdef.mp4\"></video></figure>",
            "https://blog.example.org",
            NAMES);

    var html = Jsoup.parseBodyFragment(body.html());
    assertThat(html.select("audio, video, figure")).isEmpty();
    assertThat(html.select("p > a").eachAttr("href"))
        .containsExactly(
            "https://blog.example.org" + episode,
            "https://blog.example.org/api/files/0123456789abcdef0123456789abcdef.mp4");
    assertThat(body.text())
        .contains("▶ Episode 2")
        .contains("▶ https://blog.example.org/api/files/0123456789abcdef0123456789abcdef.mp4");
  }
}
