package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordPressContentTests {

  @Test
  void blankLinesAreParagraphsAndSingleBreaksAreLineBreaksAsWordPressShowsThem() {
    assertThat(WordPressContent.html("Roses are red,\nviolets blue.\n\n\nThe end."))
        .isEqualTo("<p>Roses are red,<br>\nviolets blue.</p>\n\n<p>The end.</p>");
  }

  @Test
  void blockElementsStayAsTheyAreAndTheTextAroundThemGetsParagraphs() {
    assertThat(WordPressContent.html("Before\n<blockquote>Quoted</blockquote>\nAfter"))
        .isEqualTo("<p>Before</p>\n\n<blockquote>Quoted</blockquote>\n\n<p>After</p>");
  }

  @Test
  void preformattedTextKeepsItsBlankLinesAndBreaks() {
    assertThat(WordPressContent.html("Code:\n\n<pre>a\n\nb</pre>\n\nDone"))
        .isEqualTo("<p>Code:</p>\n\n<pre>a\n\nb</pre>\n\n<p>Done</p>");
  }

  @Test
  void theOlderCaptionFormAndEmbedsBecomeAFigureAndALink() {
    assertThat(
            WordPressContent.html(
                "[caption id=\"a\" caption=\"Old style\"]<img src=\"x.jpg\" alt=\"\" />[/caption]"))
        .isEqualTo(
            "<figure><img src=\"x.jpg\" alt=\"\" /><figcaption>Old style</figcaption></figure>");
    assertThat(
            WordPressContent.html(
                "[caption id=\"b\" align=\"alignright\" width=\"300\"]<img src=\"y.jpg\" alt=\"\" />"
                    + " At the side[/caption]"))
        .as("the side a caption's picture stands at")
        .isEqualTo(
            "<figure class=\"alignright\"><img src=\"y.jpg\" alt=\"\" /><figcaption>At the"
                + " side</figcaption></figure>");
    assertThat(WordPressContent.html("[embed]https://video.example/v?a=1&b=2[/embed]"))
        .isEqualTo(
            "<p><a href=\"https://video.example/v?a=1&amp;b=2\">https://video.example/v?a=1&amp;b=2</a></p>");
  }

  @Test
  void theBlockEditorsHtmlIsLeftWhole() {
    String blocks = "<!-- wp:paragraph -->\n<p>One</p>\n<!-- /wp:paragraph -->";
    assertThat(WordPressContent.html(blocks)).isEqualTo(blocks);
  }

  @Test
  void otherShortcodesAndBracketsStayText() {
    assertThat(WordPressContent.html("See [1] and [gallery ids=\"1,2\"]"))
        .isEqualTo("<p>See [1] and [gallery ids=\"1,2\"]</p>");
  }
}
