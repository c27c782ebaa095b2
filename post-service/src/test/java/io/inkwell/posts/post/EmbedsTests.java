package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Videos, music and podcasts in a post: an address alone on its line, or an imported player, play
 * in the post.
 */
class EmbedsTests {

  private final PostContentRenderer renderer = new PostContentRenderer(PictureSizes.NONE);

  @ParameterizedTest
  @CsvSource({
    "https://www.youtube.com/watch?v=dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "https://youtu.be/dQw4w9WgXcQ?t=1m30s, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=90",
    "https://m.youtube.com/watch?feature=share&v=dQw4w9WgXcQ&t=42, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=42",
    "https://www.youtube.com/shorts/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
    "<https://vimeo.com/76979871#t=30s>, https://player.vimeo.com/video/76979871?dnt=1#t=30s",
    "[https://vimeo.com/76979871](https://vimeo.com/76979871), https://player.vimeo.com/video/76979871?dnt=1",
    "https://vimeo.com/76979871/8272103f6e, https://player.vimeo.com/video/76979871?h=8272103f6e&dnt=1"
  })
  void aVideosAddressAloneOnItsLineIsItsPlayer(String line, String player) {
    String html = renderer.render("T", "Before.\n\n" + line + "\n\nAfter.", null).bodyHtml();

    var page = Jsoup.parseBodyFragment(html);
    assertThat(page.select("iframe")).as(html).hasSize(1);
    assertThat(page.select("figure")).as("one figure, not one in another").hasSize(1);
    var frame = page.selectFirst("body > figure.embed > iframe");
    assertThat(frame).as(html).isNotNull();
    assertThat(frame.attr("src")).isEqualTo(player);
    assertThat(frame.attr("title")).isIn("YouTube", "Vimeo");
    assertThat(frame.attr("loading")).isEqualTo("lazy");
    assertThat(frame.hasAttr("allowfullscreen")).isTrue();
    assertThat(html).startsWith("<p>Before.</p>").contains("<p>After.</p>");
  }

  /** Spotify's and SoundCloud's players are a strip as high as their provider makes them. */
  @ParameterizedTest
  @CsvSource({
    "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=1f2e3d4c5b6a7980,"
        + " https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC, Spotify, embed sound, 166",
    "https://open.spotify.com/intl-de/album/1DFixLWuPkv3KT3TnV35m3,"
        + " https://open.spotify.com/embed/album/1DFixLWuPkv3KT3TnV35m3, Spotify, embed sound list,"
        + " 352",
    "<https://open.spotify.com/episode/512ojhOuo1ktJprKbVcKyQ>,"
        + " https://open.spotify.com/embed/episode/512ojhOuo1ktJprKbVcKyQ, Spotify, embed sound, 166",
    "https://soundcloud.com/forss/flickermood,"
        + " https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/forss/flickermood,"
        + " SoundCloud, embed sound, 166",
    "https://soundcloud.com/forss/sets/soulhack,"
        + " https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/forss/sets/soulhack,"
        + " SoundCloud, embed sound list, 352",
    "<https://api.soundcloud.com/tracks/156661852>,"
        + " https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/156661852,"
        + " SoundCloud, embed sound, 166",
    "https://m.soundcloud.com/forss/demo-track/s-AbCdEfGh123,"
        + " https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/forss/demo-track/s-AbCdEfGh123,"
        + " SoundCloud, embed sound, 166"
  })
  void musicAndPodcastsAloneOnTheirLinePlayInTheirProvidersPlayer(
      String line, String player, String title, String figureClass, String height) {
    String html = renderer.render("T", "Before.\n\n" + line + "\n\nAfter.", null).bodyHtml();

    var page = Jsoup.parseBodyFragment(html);
    assertThat(page.select("iframe")).as(html).hasSize(1);
    var frame = page.selectFirst("body > figure.embed > iframe");
    assertThat(frame).as(html).isNotNull();
    assertThat(frame.attr("src")).isEqualTo(player);
    assertThat(frame.attr("title")).isEqualTo(title);
    assertThat(frame.attr("height")).isEqualTo(height);
    assertThat(frame.parent().className()).isEqualTo(figureClass);
    assertThat(html).startsWith("<p>Before.</p>").contains("<p>After.</p>");
  }

  /** Feed readers that show no frame get a link to what each player plays, under it. */
  @Test
  void aFeedsPostLinksUnderEachPlayerToWhatItPlays() {
    String html =
        renderer
            .render(
                "T",
                "https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe\n\n"
                    + "https://soundcloud.com/forss/flickermood",
                null)
            .bodyHtml();

    var links = Jsoup.parseBodyFragment(Embeds.withLinksToThePages(html)).select("p > a");
    assertThat(links.eachAttr("href"))
        .containsExactly(
            "https://open.spotify.com/show/5CfCWKI5pZ28U0uOzXkDHe",
            "https://soundcloud.com/forss/flickermood");
  }

  /** Blogger's and WordPress's players, in the posts they export, play again after the import. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<div class=\"separator\" style=\"clear: both;\"><iframe allowfullscreen=\"\""
            + " youtube-src-id=\"dQw4w9WgXcQ\" width=\"320\" height=\"266\""
            + " src=\"https://www.youtube.com/embed/dQw4w9WgXcQ\"></iframe></div>",
        "<p><iframe src=\"//www.youtube.com/embed/dQw4w9WgXcQ?rel=0\" frameborder=\"0\"></iframe>"
            + "<br></p>",
        "<iframe src=\"https://player.vimeo.com/video/76979871?badge=0\" onload=\"alert(1)\"></iframe>",
        // Blogger in 2008: YouTube's Flash player
        "<object width=\"425\" height=\"344\"><param name=\"movie\""
            + " value=\"http://www.youtube.com/v/dQw4w9WgXcQ&hl=en&fs=1\"></param><param"
            + " name=\"allowFullScreen\" value=\"true\"></param><embed"
            + " src=\"http://www.youtube.com/v/dQw4w9WgXcQ&hl=en&fs=1\""
            + " type=\"application/x-shockwave-flash\" allowfullscreen=\"true\" width=\"425\""
            + " height=\"344\"></embed></object>",
        // and Vimeo's
        "<p><embed src=\"http://vimeo.com/moogaloop.swf?clip_id=76979871&amp;server=vimeo.com\""
            + " type=\"application/x-shockwave-flash\"></embed></p>",
        // WordPress's classic editor: the address alone on its line
        "<p>https://www.youtube.com/watch?v=dQw4w9WgXcQ</p>",
        // and its block editor's embed block
        "<!-- wp:embed {\"url\":\"https://youtu.be/dQw4w9WgXcQ\",\"type\":\"video\"} -->\n"
            + "<figure class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\">\n"
            + "https://youtu.be/dQw4w9WgXcQ\n</div><figcaption>The talk</figcaption></figure>\n"
            + "<!-- /wp:embed -->",
        // Spotify's embed code, and its player's address before 2017
        "<iframe style=\"border-radius:12px\""
            + " src=\"https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC?utm_source=generator\""
            + " width=\"100%\" height=\"352\" frameBorder=\"0\" allowfullscreen=\"\""
            + " allow=\"autoplay; clipboard-write; encrypted-media; fullscreen; picture-in-picture\""
            + " loading=\"lazy\"></iframe>",
        "<p><iframe src=\"https://embed.spotify.com/?uri=spotify%3Atrack%3A4uLU6hMCjMI75M1A2tKUQC\""
            + " width=\"300\" height=\"380\"></iframe></p>",
        // SoundCloud's embed code, as WordPress's SoundCloud shortcode wrote it too
        "<iframe width=\"100%\" height=\"166\" scrolling=\"no\" frameborder=\"no\""
            + " allow=\"autoplay\" src=\"https://w.soundcloud.com/player/?url=https%3A//"
            + "api.soundcloud.com/tracks/293&amp;color=%23ff5500&amp;auto_play=false\"></iframe>"
      })
  void aPlayerAnImportBroughtPlaysAgainWithNothingElseOfItsFrame(String imported) {
    String html = renderer.render("T", imported, null).bodyHtml();

    var frames = Jsoup.parseBodyFragment(html).select("iframe");
    assertThat(frames).as(html).hasSize(1);
    assertThat(Jsoup.parseBodyFragment(html).select("figure")).as(html).hasSize(1);
    assertThat(frames.get(0).attr("src"))
        .isIn(
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://player.vimeo.com/video/76979871?dnt=1",
            "https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC",
            "https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/293");
    assertThat(html)
        .doesNotContain("onload")
        .doesNotContain("youtube-src-id")
        .doesNotContain("frameborder")
        .doesNotContain("style=")
        .doesNotContain("<object")
        .doesNotContain("<embed")
        .doesNotContain("wp-block");
  }

  /** WordPress's embed block keeps its caption under the player. */
  @Test
  void theCaptionOfAWordPressEmbedStaysUnderItsPlayer() {
    String html =
        renderer
            .render(
                "T",
                "<figure class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\">"
                    + "https://vimeo.com/76979871</div><figcaption>The talk</figcaption></figure>",
                null)
            .bodyHtml();

    var figure = Jsoup.parseBodyFragment(html).selectFirst("figure.embed");
    assertThat(figure).as(html).isNotNull();
    assertThat(figure.select("> iframe").attr("src"))
        .isEqualTo("https://player.vimeo.com/video/76979871?dnt=1");
    assertThat(figure.select("> figcaption").text()).isEqualTo("The talk");
  }

  /** An author's words about a video stay a link; anything that is not a known video stays too. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "[the talk](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
        "Watch https://youtu.be/dQw4w9WgXcQ tonight.",
        "https://www.youtube.com/@somechannel",
        "https://youtu.be/short",
        "https://vimeo.com/channels/staffpicks",
        "https://evil.example/watch?v=dQw4w9WgXcQ",
        "https://open.spotify.com/user/spotify",
        "https://open.spotify.com/track/tooShort",
        "https://soundcloud.com/forss",
        "https://soundcloud.com/discover/sets/charts-top",
        "https://soundcloud.com/forss/flickermood/comments/more",
        "https://w.soundcloud.com/player/?url=%E0%A4%A",
        "https://w.soundcloud.com/player/?color=ff5500",
        "https://open.spotify.com",
        "https://embed.spotify.com/?uri=spotify:track"
      })
  void anythingElseStaysWhatItWas(String line) {
    String html = renderer.render("T", line, null).bodyHtml();

    assertThat(html).doesNotContain("<iframe").contains("<a href=");
  }

  /** No frame but the providers' players gets through, however it is written. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "<iframe src=\"https://evil.example/embed/dQw4w9WgXcQ\"></iframe>",
        "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ.evil.example/\"></iframe>",
        "<iframe src=\"javascript:alert(1)//youtube\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\" src=\"https://vimeo.com/1\"></iframe>",
        "<figure class=\"embed\"><iframe src=\"https://player.vimeo.com/video/1?dnt=1&autoplay=1\">"
            + "</iframe></figure>",
        "A frame with no address: <iframe title=\"YouTube\" width=\"1\"></iframe>",
        "<iframe src=\"https://w.soundcloud.com/player/?url=https%3A//evil.example/a/b\"></iframe>",
        "<figure class=\"embed sound\"><iframe"
            + " src=\"https://w.soundcloud.com/player/?url=https%3A//soundcloud.com/a/b&evil=1\">"
            + "</iframe></figure>",
        "<iframe src=\"https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC/../../evil\">"
            + "</iframe>"
      })
  void noOtherFrameGetsThrough(String attack) {
    String html = renderer.render("T", attack, null).bodyHtml();

    for (var frame : Jsoup.parseBodyFragment(html).select("iframe")) {
      assertThat(frame.attr("src")).matches(Embeds.PLAYER);
      assertThat(frame.attributes().asList())
          .allSatisfy(
              attribute ->
                  assertThat(attribute.getKey())
                      .isIn(
                          "src",
                          "title",
                          "width",
                          "height",
                          "loading",
                          "allow",
                          "allowfullscreen"));
    }
    assertThat(html).doesNotContain("srcdoc").doesNotContain("javascript:").doesNotContain("evil");
  }
}
