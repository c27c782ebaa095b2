package io.inkwell.posts.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WordPressContentTests {

  @Test
  void blankLinesAreParagraphsAndSingleBreaksAreLineBreaksAsWordPressShowsThem() {
    assertThat(WordPressContent.html("Roses are red,\nviolets blue.\n\n\nThe end."))
        .isEqualTo("<p>Roses are red,<br>\nviolets blue.</p>\n\n<p>The end.</p>");
  }

  /**
   * A long run of spaces is looked through once: text whose patterns would read it again from each
   * of its characters is refused as unreadable ({@link BoundedText}), as thousands of shortcodes or
   * {@code <pre>} that nothing closes are, rather than holding the service for hours.
   */
  @Test
  void textIsLookedThroughOnceAndTextThatCannotBeIsRefused() {
    assertThat(WordPressContent.html("a" + " ".repeat(100_000) + "b\nc"))
        .startsWith("<p>a ")
        .endsWith(" b<br>\nc</p>");
    for (String unclosed : List.of("[gallery ".repeat(20_000), "<pre>".repeat(20_000))) {
      assertThatThrownBy(() -> WordPressContent.html(unclosed))
          .isInstanceOf(UnreadableImport.class)
          .hasMessageContaining("nothing closes");
    }
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
    assertThat(WordPressContent.html("See [1] and [playlist ids=\"1,2\"]"))
        .isEqualTo("<p>See [1] and [playlist ids=\"1,2\"]</p>");
  }

  private static final WordPressContent.Library LIBRARY =
      new WordPressContent.Library(
          Map.of(
              "7", new WordPressContent.Picture("https://old.example.org/up/boats.jpg", "Boats"),
              "8",
                  new WordPressContent.Picture(
                      "https://old.example.org/up/nets.jpg", "Nets & ropes"),
              "9", new WordPressContent.Picture("https://old.example.org/up/gulls.jpg", "Gulls")),
          List.of("9", "7"));

  /** A gallery shows the pictures it names, in its columns, or else the post's own. */
  @Test
  void aGalleryIsItsPicturesFromTheMediaLibrary() {
    assertThat(
            WordPressContent.html(
                "Our day:\n\n[gallery columns=\"2\" link=\"file\" ids=\"7, 8,404\"]", LIBRARY))
        .isEqualTo(
            "<p>Our day:</p>\n\n<figure class=\"wp-block-gallery columns-2\">"
                + "<img src=\"https://old.example.org/up/boats.jpg\" alt=\"Boats\">"
                + "<img src=\"https://old.example.org/up/nets.jpg\" alt=\"Nets &amp; ropes\">"
                + "</figure>");
    assertThat(WordPressContent.html("[gallery]", LIBRARY))
        .as("the post's own pictures, in their order")
        .isEqualTo(
            "<figure class=\"wp-block-gallery columns-3\">"
                + "<img src=\"https://old.example.org/up/gulls.jpg\" alt=\"Gulls\">"
                + "<img src=\"https://old.example.org/up/boats.jpg\" alt=\"Boats\">"
                + "</figure>");
    assertThat(WordPressContent.html("Before [gallery ids=\"404\"] after", LIBRARY))
        .as("a gallery of nothing the library has is nothing")
        .isEqualTo("<p>Before  after</p>");
  }

  /** The syntax highlighters' shortcodes, which so many programmers' blogs wrote code in. */
  @Test
  void codeInASyntaxHighlightersShortcodeIsABlockOfCodeInItsLanguage() {
    assertThat(
            WordPressContent.html(
                "Try this:\n[sourcecode language=\"java\"]\nif (a < b && c) {\n\n  go();\n}\n"
                    + "[/sourcecode]\n[code lang='Python']print(\"&lt;hi&gt;\")[/code]\n[code]plain[/code]"))
        .isEqualTo(
            "<p>Try this:</p>\n\n<pre><code class=\"language-java\">if (a &lt; b &amp;&amp; c) {\n\n"
                + "  go();\n}\n</code></pre>\n\n<pre><code class=\"language-python\">"
                + "print(&quot;&lt;hi&gt;&quot;)\n</code></pre>\n\n<pre><code>plain\n</code></pre>");
  }

  @Test
  void audioAndVideoAreLinksToTheirFilesAndAYouTubeShortcodeALinkThatPlaysAsTheVideo() {
    assertThat(
            WordPressContent.html(
                "[audio mp3=\"https://old.example.org/up/gulls.mp3\"][/audio]\n\n"
                    + "[video width=\"640\" mp4=\"https://old.example.org/up/boats.mp4?v=2\"][/video]\n\n"
                    + "[youtube https://www.youtube.com/watch?v=dQw4w9WgXcQ]"))
        .isEqualTo(
            "<p><a href=\"https://old.example.org/up/gulls.mp3\">▶ gulls.mp3</a></p>\n\n"
                + "<p><a href=\"https://old.example.org/up/boats.mp4?v=2\">▶ boats.mp4</a></p>\n\n"
                + "<p><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"
                + "https://www.youtube.com/watch?v=dQw4w9WgXcQ</a></p>");
  }

  /**
   * WordPress.com's SoundCloud and Spotify shortcodes: links alone, which play as their players.
   */
  @Test
  void soundCloudAndSpotifyShortcodesAreLinksThatPlayInTheirPlayers() {
    assertThat(
            WordPressContent.html(
                "Our set:\n[soundcloud url=\"https://api.soundcloud.com/tracks/156661852\""
                    + " params=\"auto_play=false&hide_related=false\" width=\"100%\" height=\"166\""
                    + " iframe=\"true\" /]\n\n"
                    + "[spotify id=\"spotify:album:1DFixLWuPkv3KT3TnV35m3\" width=\"300\" height=\"380\" /]"))
        .isEqualTo(
            "<p>Our set:</p>\n\n<p><a href=\"https://api.soundcloud.com/tracks/156661852\">"
                + "https://api.soundcloud.com/tracks/156661852</a></p>\n\n"
                + "<p><a href=\"https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3\">"
                + "https://open.spotify.com/album/1DFixLWuPkv3KT3TnV35m3</a></p>");
  }
}
