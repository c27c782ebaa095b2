package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** An imported post's cards, as their readers saw them on the old blog. */
class CardsTests {

  private final PostContentRenderer renderer = new PostContentRenderer(PictureSizes.NONE);

  private Document rendered(String body) {
    return Jsoup.parseBodyFragment(renderer.render("T", body, null).bodyHtml());
  }

  /** As Ghost writes a bookmark card into a post's HTML. */
  private static final String BOOKMARK =
      """
      <figure class="kg-card kg-bookmark-card"><a class="kg-bookmark-container" href="https://ghost.org/docs/">\
      <div class="kg-bookmark-content"><div class="kg-bookmark-title">Ghost Docs</div>\
      <div class="kg-bookmark-description">Everything you need to know about working with Ghost.</div>\
      <div class="kg-bookmark-metadata"><img class="kg-bookmark-icon" src="https://ghost.org/favicon.png" alt="">\
      <span class="kg-bookmark-author">Ghost</span><span class="kg-bookmark-publisher">Ghost Foundation</span></div></div>\
      <div class="kg-bookmark-thumbnail"><img src="https://ghost.org/images/thumb.png" alt=""></div></a></figure>
      """;

  @Test
  void aBookmarkCardIsALinkTitledByItsPageWithItsDescriptionAndSite() {
    var html = rendered("<p>Read this:</p>\n" + BOOKMARK);

    var bookmark = html.selectFirst("figure.bookmark");
    assertThat(bookmark).as(html.body().html()).isNotNull();
    assertThat(bookmark.select("> p").eachText())
        .containsExactly(
            "Ghost Docs",
            "Everything you need to know about working with Ghost.",
            "Ghost Foundation");
    assertThat(bookmark.select("> p:first-child > a").attr("href"))
        .isEqualTo("https://ghost.org/docs/");
    assertThat(bookmark.select("img"))
        .as("nothing is asked of the other site before a reader follows the link")
        .isEmpty();
    assertThat(html.body().html()).doesNotContain("kg-");
  }

  @Test
  void aBookmarkWithoutItsPublisherNamesTheSiteByItsAddressAndOneWithoutTitleByItsLink() {
    var html =
        rendered(
            "<figure class=\"kg-card kg-bookmark-card\"><a class=\"kg-bookmark-container\""
                + " href=\"https://www.example.org/a\"><div class=\"kg-bookmark-content\">"
                + "</div></a></figure>");

    assertThat(html.select("figure.bookmark > p").eachText())
        .containsExactly("https://www.example.org/a", "example.org");
  }

  @Test
  void aGhostGalleryIsItsRowsOfPicturesWithItsCaption() {
    var html =
        rendered(
            """
            <figure class="kg-card kg-gallery-card kg-width-wide kg-card-hascaption"><div class="kg-gallery-container">\
            <div class="kg-gallery-row"><div class="kg-gallery-image"><img src="https://example.org/a.jpg" width="600" height="400" alt="Boats"></div>\
            <div class="kg-gallery-image"><img src="https://example.org/b.jpg" width="600" height="400" alt="Nets"></div></div>\
            <div class="kg-gallery-row"><div class="kg-gallery-image"><img src="https://example.org/c.jpg" width="400" height="600" alt="Gulls"></div></div>\
            </div><figcaption>The harbour, <em>early</em></figcaption></figure>
            """);

    var gallery = html.selectFirst("figure.gallery");
    assertThat(gallery).as(html.body().html()).isNotNull();
    assertThat(gallery.select("> p").stream().map(row -> row.select("> img").eachAttr("alt")))
        .containsExactly(List.of("Boats", "Nets"), List.of("Gulls"));
    assertThat(gallery.select("> figcaption").html()).isEqualTo("The harbour, <em>early</em>");
    assertThat(html.select("div")).isEmpty();
  }

  @Test
  void aWordPressGalleryIsItsPicturesInItsColumnsUnlessTheyHaveCaptionsOfTheirOwn() {
    String picture =
        "<figure class=\"wp-block-image size-large\"><img src=\"https://example.org/%s.jpg\" alt=\"%s\"></figure>";
    var html =
        rendered(
            "<figure class=\"wp-block-gallery has-nested-images columns-2 is-cropped\">"
                + picture.formatted("a", "One")
                + picture.formatted("b", "Two")
                + picture.formatted("c", "Three")
                + "<figcaption class=\"blocks-gallery-caption\">Three boats</figcaption></figure>");
    var captioned =
        rendered(
            "<figure class=\"wp-block-gallery\"><figure class=\"wp-block-image\">"
                + "<img src=\"https://example.org/a.jpg\" alt=\"One\"><figcaption>The first</figcaption>"
                + "</figure></figure>");

    var gallery = html.selectFirst("figure.gallery");
    assertThat(gallery).as(html.body().html()).isNotNull();
    assertThat(gallery.select("> p").stream().map(row -> row.select("> img").eachAttr("alt")))
        .containsExactly(List.of("One", "Two"), List.of("Three"));
    assertThat(gallery.select("> figcaption").text()).isEqualTo("Three boats");
    assertThat(captioned.select("figure.gallery")).isEmpty();
    assertThat(captioned.select("figure > figure > figcaption").text()).isEqualTo("The first");
  }

  @Test
  void aToggleCardOpensToItsAnswerWithoutAScript() {
    var html =
        rendered(
            """
            <div class="kg-card kg-toggle-card" data-kg-toggle-state="close"><div class="kg-toggle-heading">\
            <h4 class="kg-toggle-heading-text">Is it <em>free</em>?</h4><button class="kg-toggle-card-icon">\
            <svg viewBox="0 0 24 24"><path d="M23.25,7.311"></path></svg></button></div>\
            <div class="kg-toggle-content"><p>Yes, it is.</p><p>Always.</p></div></div>
            """);

    assertThat(html.select("details > summary").text()).isEqualTo("Is it free?");
    assertThat(html.select("details > p").eachText()).containsExactly("Yes, it is.", "Always.");
    assertThat(html.select("button, svg, h4")).isEmpty();
  }

  @Test
  void aButtonCardOrBlockIsALinkDrawnAsAButton() {
    var html =
        rendered(
            "<div class=\"kg-card kg-button-card kg-align-center\"><a href=\"https://example.org/join\""
                + " class=\"kg-btn kg-btn-accent\">Join the club</a></div>\n"
                + "<div class=\"wp-block-buttons\"><div class=\"wp-block-button\">"
                + "<a class=\"wp-block-button__link wp-element-button\" href=\"https://example.org/shop\">"
                + "Visit the <strong>shop</strong></a></div></div>");

    assertThat(html.select("p.button > a").eachAttr("href"))
        .containsExactly("https://example.org/join", "https://example.org/shop");
    assertThat(html.select("p.button > a").eachText())
        .containsExactly("Join the club", "Visit the shop");
    assertThat(html.select("div")).isEmpty();
    assertThat(html.body().html()).doesNotContain("kg-", "wp-");
  }

  @Test
  void aFileCardIsABookmarkOfTheFileWithItsNameAndSize() {
    var html =
        rendered(
            """
            <div class="kg-card kg-file-card"><a class="kg-file-card-container" href="https://old.example.org/content/files/tides.pdf" title="Download" download>            <div class="kg-file-card-contents"><div class="kg-file-card-title">Tide tables</div>            <div class="kg-file-card-caption">For the whole year</div><div class="kg-file-card-metadata">            <div class="kg-file-card-filename">tides.pdf</div><div class="kg-file-card-filesize">1 MB</div></div></div>            <div class="kg-file-card-icon"><svg viewBox="0 0 24 24"><path d="M1"></path></svg></div></a></div>
            """);

    assertThat(html.select("figure.bookmark > p").eachText())
        .containsExactly("Tide tables", "For the whole year", "tides.pdf · 1 MB");
    assertThat(html.select("figure.bookmark a").attr("href"))
        .isEqualTo("https://old.example.org/content/files/tides.pdf");
  }

  /** Ghost's players come with words of their own: its times and speed, which are no post's. */
  @Test
  void aVideoOrAudioCardIsALinkToItsFileWithItsCaptionAndNoneOfItsPlayersWords() {
    var html =
        rendered(
            """
            <figure class="kg-card kg-video-card kg-card-hascaption"><div class="kg-video-container">            <video src="https://old.example.org/content/media/2023/11/boats.mp4" poster="https://img.spacergif.org/v1/1920x1080/0a/spacer.png"             width="1920" height="1080" playsinline preload="metadata"></video><div class="kg-video-overlay">            <button class="kg-video-large-play-icon"><svg viewBox="0 0 24 24"><path d="M2"></path></svg></button></div>            <div class="kg-video-player-container"><div class="kg-video-player"><span class="kg-video-current-time">0:00</span>            <div class="kg-video-time">/<span class="kg-video-duration">0:04</span></div>            <button class="kg-video-playback-rate">1×</button></div></div></div><figcaption>Boats <em>leaving</em></figcaption></figure>
            <div class="kg-card kg-audio-card"><img src="https://old.example.org/thumb.jpg" alt="audio-thumbnail" class="kg-audio-thumbnail">            <div class="kg-audio-player-container"><audio src="https://old.example.org/content/media/gulls.mp3" preload="metadata"></audio>            <div class="kg-audio-title">Gulls at six</div><div class="kg-audio-player"><span class="kg-audio-current-time">0:00</span>            <button class="kg-audio-playback-rate">1×</button></div></div></div>
            """);

    assertThat(html.select("figure > p > a").attr("href"))
        .isEqualTo("https://old.example.org/content/media/2023/11/boats.mp4");
    assertThat(html.select("figure > p > a").text()).isEqualTo("▶ boats.mp4");
    assertThat(html.select("figure > figcaption").html()).isEqualTo("Boats <em>leaving</em>");
    assertThat(html.select("body > p > a").attr("href"))
        .isEqualTo("https://old.example.org/content/media/gulls.mp3");
    assertThat(html.select("body > p > a").text()).isEqualTo("▶ Gulls at six");
    assertThat(html.text()).doesNotContain("0:00", "0:04", "1×");
    assertThat(
            rendered(
                    "<figure class=\"kg-card kg-video-card\"><video src=\"javascript:alert(1)\">"
                        + "</video></figure>")
                .body()
                .html())
        .as("an address that is no file's plays nothing")
        .isEmpty();
    assertThat(html.select("img, video, audio")).isEmpty();
  }

  /** Ghost's newsletter form signed readers up to the old blog; this blog has its own. */
  @Test
  void aSignupCardIsItsWordsAndAButtonToTheBlogsOwnSubscribePageWithoutItsFormsMessages() {
    var html =
        rendered(
            """
            <div class="kg-card kg-signup-card kg-width-regular" data-lexical-signup-form style="background-color: #F0F0F0; display: none;">            <div class="kg-signup-card-content"><div class="kg-signup-card-text">            <h2 class="kg-signup-card-heading" style="color: #000000;"><span style="white-space: pre-wrap;">Sign up for Harbour Notes</span></h2>            <p class="kg-signup-card-subheading"><span>Subscribe to get the latest posts.</span></p>            <form class="kg-signup-card-form" data-members-form="signup"><div class="kg-signup-card-fields">            <input class="kg-signup-card-input" id="email" type="email" required="true" placeholder="Your email">            <button class="kg-signup-card-button kg-style-accent" type="submit"><span class="kg-signup-card-button-default">Subscribe</span>            <span class="kg-signup-card-button-loading"><svg viewBox="0 0 24 24"><path d="M1"></path></svg></span></button></div>            <div class="kg-signup-card-success">Email sent! Check your inbox to complete your signup.</div>            <div class="kg-signup-card-error" data-members-error></div></form>            <p class="kg-signup-card-disclaimer"><span>No spam. Unsubscribe anytime.</span></p></div></div></div>
            <p>After.</p>
            """);

    assertThat(html.body().children().eachText())
        .containsExactly(
            "Sign up for Harbour Notes",
            "Subscribe to get the latest posts.",
            "Subscribe",
            "No spam. Unsubscribe anytime.",
            "After.");
    assertThat(html.select("p.button > a").attr("href")).isEqualTo("/subscribe");
    assertThat(html.select("form, input, button")).isEmpty();
    assertThat(html.text()).doesNotContain("Email sent");
  }

  /** As GitHub lets its writers, an author writes a question that opens; nothing runs from it. */
  @Test
  void anAuthorWritesDetailsThatOpenAndNoScriptComesWithThem() {
    var html =
        rendered(
            "<details open ontoggle=\"alert(1)\"><summary onclick=\"alert(2)\">Spoiler</summary>\n\n"
                + "The *butler* did it.\n\n</details>\n\n"
                + "<p class=\"button evil\">x</p><figure class=\"gallery bookmark2\">y</figure>");

    assertThat(html.select("details > summary").text()).isEqualTo("Spoiler");
    assertThat(html.select("details em").text()).isEqualTo("butler");
    assertThat(html.body().html()).doesNotContain("alert", "evil", "bookmark2");
  }
}
