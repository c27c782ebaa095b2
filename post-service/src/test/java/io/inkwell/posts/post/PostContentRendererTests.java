package io.inkwell.posts.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.inkwell.testsupport.RequestThreads;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostContentRendererTests {

  private final PostContentRenderer renderer = new PostContentRenderer(PictureSizes.NONE);

  @Test
  void rendersMarkdownWithTablesStrikethroughAndAutolinks() {
    var content =
        renderer.render(
            "T",
            "Some *emphasis* and ~~gone~~, see https://example.org\n\n| a | b |\n|---|---|\n| 1 | 2 |",
            null);

    assertThat(content.bodyHtml())
        .contains("<em>emphasis</em>")
        .contains("<del>gone</del>")
        .contains("href=\"https://example.org\"")
        .contains("<table>");
  }

  /**
   * An outline as deep as people write one, quotes within quotes as mail threads keep them, and
   * emphasis within links within emphasis render; a hundred levels is where nesting stops.
   */
  @Test
  void nestingAsDeepAsPeopleWriteRendersAndBeyondAHundredLevelsIsRefused() {
    String outline =
        java.util.stream.IntStream.range(0, 12)
            .mapToObj(depth -> "  ".repeat(depth) + "- level " + depth + "\n")
            .collect(java.util.stream.Collectors.joining());
    String thread = "> > > > > > > > The first word.\n>\n> Its answer.";
    String emphasis = "***[a _link_ in **bold**](https://example.org)***";

    var html = renderer.render("T", outline + "\n" + thread + "\n\n" + emphasis, null).bodyHtml();

    var page = Jsoup.parse(html);
    assertThat(page.select("ul ul ul ul ul ul ul ul ul ul ul ul li").text()).isEqualTo("level 11");
    assertThat(page.select("blockquote blockquote blockquote blockquote blockquote").text())
        .contains("The first word.");
    assertThat(page.select("em strong a em").text()).isEqualTo("link");
    assertThat(renderer.render("T", ">".repeat(100) + " x", null).bodyHtml()).contains("x");
    for (String deep :
        List.of(
            ">".repeat(101) + " x",
            "- ".repeat(101) + "x",
            "> 1. ".repeat(60) + "x",
            "*".repeat(250) + "x" + "*".repeat(250),
            // deep enough to overflow the stack of the local stack's request threads (512 KB)
            // while parsing, before the tree can be measured
            "*".repeat(4_999) + "x" + "*".repeat(4_999),
            "![".repeat(1_000) + "x" + "](p.png)".repeat(1_000))) {
      assertThatThrownBy(() -> RequestThreads.run(() -> renderer.render("T", deep, null)))
          .as(deep.substring(0, 20))
          .isInstanceOf(NestedTooDeeply.class);
    }
  }

  /** A blogroll or a year's index: a list of some thousand links, each item a line of its own. */
  @Test
  void aListOfThousandsOfLinksRendersEveryOne() throws Throwable {
    var links = new StringBuilder("Everything I read this year:\n\n");
    for (int i = 1; i <= 2_000; i++) {
      links.append(i).append(". [Letter ").append(i).append("](https://example.org/").append(i);
      links.append(") by *someone*\n");
    }

    var html = new StringBuilder();
    RequestThreads.run(() -> html.append(renderer.render("T", links.toString(), null).bodyHtml()));

    var items = Jsoup.parse(html.toString()).select("ol > li");
    assertThat(items).hasSize(2_000);
    assertThat(items.last().select("a").attr("href")).isEqualTo("https://example.org/2000");
  }

  /**
   * A fenced block keeps the language its author named, by which the reader site colours it; an
   * info string that tries to be more than a language name leaves no class at all.
   */
  @Test
  void aFencedBlockKeepsItsLanguageAndNothingElse() {
    String html =
        renderer
            .render(
                "T",
                "```java\nclass A {}\n```\n\n```c++\nint x;\n```\n\n"
                    + "```js\" onmouseover=\"alert(1)\nx\n```\n\n```\nplain\n```\n\n"
                    + "<code class=\"hljs-keyword language-x\">raw</code>",
                null)
            .bodyHtml();

    assertThat(html)
        .contains("<pre><code class=\"language-java\">class A {}")
        .contains("<pre><code class=\"language-c&#43;&#43;\">int x;")
        .contains("<pre><code>x\n")
        .contains("<pre><code>plain\n")
        .contains("<code>raw</code>")
        .doesNotContain("onmouseover")
        .doesNotContain("hljs");
  }

  @Test
  void headingsHaveIdsAReaderLinksToThatTakeNoneOfThePagesOwn() {
    String html =
        renderer
            .render(
                "T",
                "## Getting there\n\nText.\n\n## Getting there\n\n### Café à Zürich\n\n"
                    + "## Comment form\n\n<h2 id=\"comments\">Raw</h2>",
                null)
            .bodyHtml();

    assertThat(html)
        .contains("<h2 id=\"h-getting-there\">Getting there</h2>")
        .contains("<h2 id=\"h-getting-there-1\">Getting there</h2>")
        .contains("<h3 id=\"h-café-à-zürich\">Café à Zürich</h3>")
        .contains("<h2 id=\"h-comment-form\">Comment form</h2>")
        .as("an HTML heading's own id behind h-, not the page's comments")
        .contains("<h2 id=\"h-comments\">Raw</h2>");
  }

  /**
   * Footnotes as Ghost's Markdown and WordPress's footnotes block have them: a number at the claim
   * that leads to its note at the end, and a way back; the note is sanitised like the rest.
   */
  @Test
  void footnotesLeadToTheirNoteAtTheEndAndBack() {
    var content =
        renderer.render(
            "T",
            "Trams climb the hills[^1] and the river is wide[^wide].\n\n"
                + "[^1]: Since *1873*. <img src=x onerror=alert(1)>\n"
                + "[^wide]: At [Belém](javascript:alert(1)).\n\n"
                + "A lonely [^none] stays text. <a id=\"comments\" href=\"#x\">raw</a>",
            null);

    var page = org.jsoup.Jsoup.parseBodyFragment(content.bodyHtml());
    var first = page.selectFirst("sup.footnote-ref a");
    assertThat(first.attr("href")).isEqualTo("#fn-1");
    assertThat(page.getElementById("fn-1").text()).startsWith("Since 1873.");
    assertThat(page.getElementById("fn-1").select("em").text()).isEqualTo("1873");
    assertThat(page.select("section.footnotes ol li")).hasSize(2);
    var back = page.getElementById("fn-1").selectFirst("a.footnote-backref");
    assertThat(back.attr("href")).isEqualTo("#" + first.id());
    assertThat(page.getElementById(first.id())).as("the way back has somewhere to go").isNotNull();
    assertThat(back.attr("aria-label")).isEqualTo("Back to reference 1");
    assertThat(content.bodyHtml())
        .doesNotContain("onerror")
        .doesNotContain("javascript:")
        .doesNotContain("id=\"comments\"")
        .contains("A lonely [^none] stays text.");
    assertThat(content.excerpt())
        .as("the post's own words, without the notes' numbers or words")
        .isEqualTo("Trams climb the hills and the river is wide. A lonely [^none] stays text. raw");
    assertThat(PostContentRenderer.text(content.bodyHtml()))
        .as("what a search looks through: the notes too")
        .contains("Since 1873.")
        .doesNotContain("↩");
  }

  @Test
  void picturesLoadLazilyAndTheBlogsOwnKeepTheirRoomWhileTheyLoad() {
    var sized =
        new PostContentRenderer(
            path ->
                path.equals("/api/images/a.png")
                    ? java.util.Optional.of(new PictureSizes.Size(640, 480))
                    : java.util.Optional.empty());

    String html =
        sized
            .render(
                "T",
                "![ours](/api/images/a.png)\n\n![theirs](https://example.org/b.jpg)"
                    + "\n\n<img src=\"/api/images/a.png\" onerror=\"alert(1)\">",
                null)
            .bodyHtml();

    assertThat(html)
        .contains(
            "<img src=\"/api/images/a.png\" alt=\"ours\" loading=\"lazy\" width=\"640\""
                + " height=\"480\">")
        .contains("<img src=\"https://example.org/b.jpg\" alt=\"theirs\" loading=\"lazy\">")
        .doesNotContain("onerror");
    assertThat(sized.render("T", "No pictures & <b>bold</b>.", null).bodyHtml())
        .isEqualTo("<p>No pictures &amp; <b>bold</b>.</p>\n");
  }

  /**
   * GitHub's task lists: "- [x]" a ticked box, "- [ ]" an empty one, where the bullet would be,
   * which no reader can change; an input an author writes in HTML is a box too, or nothing.
   */
  @Test
  void aTaskListShowsItsBoxesTickedOrNotAndNoReaderChangesThem() {
    var content =
        renderer.render(
            "T",
            "Packing:\n\n- [x] passport\n- [ ] *sun* cream\n- a plain item\n\n"
                + "<input type=\"text\" name=\"card\" value=\"1234\"> "
                + "<input type=\"checkbox\" checked onclick=\"alert(1)\">"
                + "<input type=\"submit\" formaction=\"https://evil.example\">",
            null);

    var page = org.jsoup.Jsoup.parseBodyFragment(content.bodyHtml());
    var tasks = page.select("ul > li." + PostContentRenderer.TASK);
    assertThat(tasks).hasSize(2);
    assertThat(tasks.get(0).text()).isEqualTo("passport");
    assertThat(tasks.get(0).selectFirst("input[type=checkbox]").hasAttr("checked")).isTrue();
    assertThat(tasks.get(1).selectFirst("input[type=checkbox]").hasAttr("checked")).isFalse();
    assertThat(tasks.get(1).select("em").text()).isEqualTo("sun");
    assertThat(page.select("li").get(2).hasClass(PostContentRenderer.TASK)).isFalse();
    assertThat(page.select("li." + PostContentRenderer.TASK + " > label").eachText())
        .as("each box named by its task's words, for a screen reader")
        .containsExactly("passport", "sun cream");
    assertThat(page.select("label > input[type=checkbox]")).hasSize(2);
    assertThat(page.select("input"))
        .as("the list's two boxes and the author's own, every one of them disabled")
        .hasSize(3)
        .allMatch(box -> box.attr("type").equals("checkbox") && box.hasAttr("disabled"));
    assertThat(content.bodyHtml())
        .doesNotContain("onclick")
        .doesNotContain("1234")
        .doesNotContain("formaction")
        .doesNotContain("type=\"text\"");
    assertThat(content.excerpt()).startsWith("Packing: passport sun cream a plain item");
  }

  /**
   * A loose task list's box stands in its first paragraph, labelled by its words, and a sub-list
   * stays outside the label of the task it belongs to.
   */
  @Test
  void aLooseTaskListsBoxesAndSubTasksAreLabelledByTheirOwnWords() {
    var page =
        org.jsoup.Jsoup.parseBodyFragment(
            renderer
                .render(
                    "T",
                    "1. [x] book the flat\n\n   near the river\n2. [ ] pack\n"
                        + "   - [ ] sun cream\n   - a hat\n",
                    null)
                .bodyHtml());

    assertThat(page.select("ol > li > p:first-of-type > label").eachText())
        .containsExactly("book the flat", "pack");
    assertThat(page.select("ol > li").get(0).select("p").eachText())
        .containsExactly("book the flat", "near the river");
    assertThat(page.select("label").eachText())
        .containsExactly("book the flat", "pack", "sun cream");
    assertThat(page.select("label ul")).as("a sub-list is no part of a label").isEmpty();
    assertThat(page.select("label > input[type=checkbox][disabled]")).hasSize(3);
  }

  /**
   * A picture alone in its paragraph with a title is a figure captioned by it (Ghost's image card,
   * WordPress's caption), its alt text still what it shows; a picture within running text is not,
   * nor one written in HTML, whose title an old WordPress set to its file's name.
   */
  @Test
  void aPicturesTitleIsItsCaptionWhenThePictureStandsAlone() {
    var page =
        org.jsoup.Jsoup.parseBodyFragment(
            renderer
                .render(
                    "T",
                    "![A yellow tram](/api/images/abc \"Tram 28 <i>climbing</i> to Alfama\")\n\n"
                        + "[![Blue tiles](/api/images/t \"Azulejos\")](https://example.org)\n\n"
                        + "Inline ![dot](/api/images/d \"not a caption\") here.\n\n"
                        + "![No title](/api/images/n)\n\n"
                        + "<p><img src=\"/api/images/w\" alt=\"Dunes\" title=\"IMG_1234\"></p>",
                    null)
                .bodyHtml());

    var figures = page.select("figure");
    assertThat(figures).hasSize(2);
    assertThat(figures.get(0).selectFirst("img").attr("alt")).isEqualTo("A yellow tram");
    assertThat(figures.get(0).selectFirst("figcaption").text())
        .as("the title as its author wrote it, as text")
        .isEqualTo("Tram 28 <i>climbing</i> to Alfama");
    assertThat(figures.get(1).select("a[href='https://example.org'] > img[alt='Blue tiles']"))
        .hasSize(1);
    assertThat(figures.get(1).selectFirst("figcaption").text()).isEqualTo("Azulejos");
    assertThat(page.select("p > img"))
        .as("inline, without a title, or with a title in HTML (WordPress's file names)")
        .hasSize(3);
    assertThat(page.select("figcaption").eachText()).doesNotContain("IMG_1234");
    assertThat(page.select("[title]")).isEmpty();
  }

  /**
   * Blogger's caption table (the picture in one cell, its caption in {@code td.tr-caption}) is a
   * figure and its caption, not a table with borders, its words sanitised like the rest; its
   * centred picture ({@code div.separator}) a figure, which the theme centres.
   */
  /**
   * GitHub's alerts are callouts, as Ghost's callout cards: the quote's blocks in a box of its kind
   * that screen readers call a note, the marker gone (from the excerpt too), the words after it the
   * callout's own title. The reader site names a callout without one in the blog's language.
   */
  @Test
  void aQuoteMarkedAsAnAlertIsACalloutOfItsKind() {
    var note =
        renderer.render(
            "T", "> [!NOTE]\n> Trams run *every* ten minutes.\n>\n> Even on Sundays.", null);
    var tip = renderer.render("T", "> [!tip] Pack **light**\n> One bag will do.", null);
    var warning = renderer.render("T", "> [!WARNING]  \n> - mind the gap\n> - and the steps", null);

    assertThat(note.bodyHtml())
        .startsWith(
            "<div class=\"callout callout-note\" role=\"note\"><p>Trams run <em>every</em> ten"
                + " minutes.</p>")
        .contains("<p>Even on Sundays.</p>")
        .doesNotContain("[!NOTE]", "blockquote", "callout-title");
    assertThat(note.excerpt()).isEqualTo("Trams run every ten minutes. Even on Sundays.");
    assertThat(tip.bodyHtml())
        .startsWith(
            "<div class=\"callout callout-tip\" role=\"note\"><p class=\"callout-title\">Pack"
                + " <strong>light</strong></p><p>One bag will do.</p>");
    assertThat(warning.bodyHtml())
        .startsWith("<div class=\"callout callout-warning\" role=\"note\">")
        .contains("<li>mind the gap</li>")
        .doesNotContain("WARNING");
  }

  /** What GitHub does not take for an alert stays a quote, its words as they were written. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "> [!NOTE]",
        "> [!NOTES]\n> more",
        "> [!NOTE]then\n> more",
        "> Just a quote [!NOTE]\n> here",
        "> `[!NOTE]`\n> in code"
      })
  void aQuoteThatIsNoAlertStaysAQuote(String markdown) {
    assertThat(renderer.render("T", markdown, null).bodyHtml())
        .startsWith("<blockquote>")
        .doesNotContain("callout");
  }

  /** A callout's classes and role are the renderer's only: an author's own are cleaned away. */
  @Test
  void aCalloutsTitleIsCleanedAndNoOtherClassOrRoleGetsThrough() {
    String html =
        renderer
            .render(
                "T",
                "> [!CAUTION] Hot <script>alert(1)</script><img src=x onerror=alert(1)>\n> body\n\n"
                    + "<div class=\"callout callout-evil\" role=\"alert\">x</div>\n\n"
                    + "<p class=\"callout-title big\">y</p>",
                null)
            .bodyHtml();

    assertThat(html)
        .startsWith(
            "<div class=\"callout callout-caution\" role=\"note\"><p class=\"callout-title\">Hot")
        .doesNotContain("script", "onerror", "callout-evil", "alert\"", "big")
        .contains("<div>x</div>");
  }

  /**
   * Headings an imported post writes in HTML get ids as Markdown's do, so readers link to their
   * sections too; one with an id of its own keeps it behind "h-", its links following; none twice.
   */
  @Test
  void headingsWrittenInHtmlHaveIdsAsMarkdownsDoAndNoIdIsGivenTwice() {
    String html =
        renderer
            .render(
                "T",
                "## Getting there\n\n<h2>Getting there</h2>\n\n"
                    + "<h3 id=\"prices\" onclick=\"x\">Prices &amp; <b>tickets</b></h3>\n\n"
                    + "<p><a href=\"#prices\">See the prices</a></p>\n\n"
                    + "<h2 id=\"h-getting-there\">Again</h2>\n\n<h4>Café</h4>",
                null)
            .bodyHtml();

    var page = org.jsoup.Jsoup.parseBodyFragment(html);
    assertThat(page.select("h2, h3, h4").eachAttr("id"))
        .containsExactly(
            "h-getting-there", "h-getting-there-1", "h-prices", "h-getting-there-2", "h-café");
    assertThat(page.select("p a").attr("href")).isEqualTo("#h-prices");
    assertThat(html).doesNotContain("onclick");
  }

  @Test
  void bloggersCaptionTableAndCentredPictureAreFigures() {
    String html =
        renderer
            .render(
                "T",
                "<table align=\"center\" cellpadding=\"0\" cellspacing=\"0\""
                    + " class=\"tr-caption-container\" style=\"margin-left: auto;\"><tbody>"
                    + "<tr><td style=\"text-align: center;\"><a href=\"/api/images/big\">"
                    + "<img border=\"0\" src=\"/api/images/small\" width=\"320\" /></a></td></tr>"
                    + "<tr><td class=\"tr-caption\" style=\"text-align: center;\">Sunset over"
                    + " <i>the Tagus</i><script>alert(1)</script></td></tr></tbody></table>\n\n"
                    + "<div class=\"separator\" style=\"clear: both; text-align: center;\">"
                    + "<a href=\"/api/images/boat\" style=\"margin-left: 1em;\">"
                    + "<img border=\"0\" src=\"/api/images/boat-s320\" /></a></div>\n\n"
                    + "<div class=\"separator\">Words, <img src=\"/api/images/dot\"></div>\n\n"
                    + "| a | b |\n|---|---|\n| 1 | 2 |",
                null)
            .bodyHtml();

    var page = org.jsoup.Jsoup.parseBodyFragment(html);
    assertThat(page.select("figure > a[href='/api/images/big'] > img[src='/api/images/small']"))
        .hasSize(1);
    assertThat(page.selectFirst("figure > figcaption").html())
        .isEqualTo("Sunset over <i>the Tagus</i>");
    assertThat(page.select("table")).as("a table that is one stays one").hasSize(1);
    assertThat(page.select("figure").get(1).select("> a[href='/api/images/boat'] > img"))
        .as("Blogger's centred picture, a figure the theme centres")
        .hasSize(1);
    assertThat(page.select("figure")).as("a picture among words stays where it is").hasSize(2);
    assertThat(page.select("div > img[src='/api/images/dot']")).hasSize(1);
    assertThat(html).doesNotContain("<script").doesNotContain("style=");
  }

  /**
   * A picture its old post floated at a side stays at that side, the words beside it, where the
   * sanitiser takes the post's style away: Blogger's float on the picture's link, in its centring
   * box or among words, and WordPress's classes. Nothing else of a class or a style comes through.
   */
  @Test
  void aPictureItsPostFloatsAtASideStaysThere() {
    String html =
        renderer
            .render(
                "T",
                "<div class=\"separator\" style=\"clear: both;\"><a href=\"/api/images/big\""
                    + " style=\"clear: left; float: left; margin-right: 1em;\">"
                    + "<img border=\"0\" src=\"/api/images/small\" /></a></div>\n"
                    + "Words beside it.\n\n"
                    + "Text <a href=\"/b\" style=\"float:right\"><img src=\"/r\"></a> more.\n\n"
                    + "<p><img class=\"alignleft size-medium wp-image-12\" src=\"/w\"> Words</p>\n\n"
                    + "<figure class=\"alignright\"><img src=\"/c\"><figcaption>C</figcaption></figure>"
                    + "\n\n<p style=\"float:left\">Words</p><img class=\"align-left evil\" src=\"/x\">"
                    + "\n\n<table class=\"tr-caption-container\" style=\"float: right;\"><tbody>"
                    + "<tr><td><img src=\"/t\"></td></tr><tr><td class=\"tr-caption\">T</td></tr>"
                    + "</tbody></table>",
                null)
            .bodyHtml();

    var page = org.jsoup.Jsoup.parseBodyFragment(html);
    assertThat(page.select("figure.align-left > a > img[src=/api/images/small]")).hasSize(1);
    assertThat(page.select("figure.align-left img").attr("class")).isEmpty();
    assertThat(page.select("p > a > img.align-right[src=/r]")).hasSize(1);
    assertThat(page.select("p > img.align-left[src=/w]").attr("class")).isEqualTo("align-left");
    assertThat(page.select("figure.align-right:has(img[src=/c]) > figcaption").text())
        .isEqualTo("C");
    assertThat(page.select("img[src=/x]").attr("class")).isEmpty();
    assertThat(page.select("figure.align-right:has(img[src=/t]) > figcaption").text())
        .as("Blogger's floated caption table")
        .isEqualTo("T");
    assertThat(html).doesNotContain("style=", "alignleft", "wp-image");
  }

  /**
   * The blog vouches for its own posts' links, as Ghost and WordPress do (only readers' comments
   * say {@code nofollow ugc}), and keeps what an author says of a link: a paid one is {@code
   * sponsored}, and {@code me} is how Mastodon verifies the author's profile. No other word of a
   * relation (a {@code stylesheet}, a {@code prefetch}, WordPress's {@code external}) and no window
   * target gets through.
   */
  @Test
  void theAuthorsLinksAreVouchedForAndKeepTheRelationsTheAuthorGaveThem() {
    String html =
        renderer
            .render(
                "T",
                "[The old harbour](/2009/03/harbour.html) and [a friend](https://friend.example)."
                    + "\n\n<a href=\"https://shop.example/?ref=me\" rel=\"sponsored NoFollow\">Boots</a>"
                    + " <a rel=\"me\" href=\"https://mastodon.example/@ida\">Mastodon</a>"
                    + " <a href=\"/style.css\" rel=\"stylesheet\">x</a>"
                    + " <a href=\"https://next.example\" rel=\"prefetch me\" target=\"_top\">y</a>"
                    + " <a href=\"https://wp.example\" rel=\"external  nofollow\">z</a>",
                null)
            .bodyHtml();

    var links = Jsoup.parseBodyFragment(html).select("a");
    assertThat(links)
        .extracting(link -> link.attr("href") + " " + link.attr("rel") + link.attr("target"))
        .containsExactly(
            "/2009/03/harbour.html ",
            "https://friend.example ",
            "https://shop.example/?ref=me sponsored NoFollow",
            "https://mastodon.example/@ida me",
            "/style.css ",
            "https://next.example me",
            "https://wp.example nofollow");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<svg onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>"
      })
  void nothingThatRunsScriptSurvives(String attack) {
    String html = renderer.render("T", "Hello " + attack, null).bodyHtml().toLowerCase();

    assertThat(html)
        .doesNotContain("<script")
        .doesNotContain("onerror")
        .doesNotContain("onload")
        .doesNotContain("javascript:")
        .doesNotContain("style=")
        .doesNotContain("<iframe");
  }

  @Test
  void theExcerptIsTheFirstWordsOfThePlainText() {
    var content =
        renderer.render(
            "T",
            "# Heading\n\nFirst *paragraph* to [read](https://x.org). " + "word ".repeat(100),
            null);

    assertThat(content.excerpt()).startsWith("Heading First paragraph to read. word").endsWith("…");
    assertThat(content.excerpt().length()).isLessThanOrEqualTo(281);
  }

  /**
   * WordPress's "more" tag and Blogger's jump break end the teaser its home page showed: the
   * excerpt is the teaser's words, and the post reads on past the mark, which readers do not see.
   */
  @Test
  void theExcerptEndsWhereTheAuthorEndedTheTeaser() {
    var wordPress =
        renderer.render(
            "T", "We left *before* dawn.\n\n<!--more-->\n\nThe fog sat in the valleys.", null);
    var blogger =
        renderer.render(
            "T",
            "<p>Snow at last.<a name='more'></a></p><p>We built a snowman by the river.</p>",
            null);
    var markedAtTheStart = renderer.render("T", "<!-- more -->\n\nAll of it.", null);

    assertThat(wordPress.excerpt()).isEqualTo("We left before dawn.");
    assertThat(wordPress.bodyHtml()).contains("The fog sat in the valleys.").doesNotContain("more");
    assertThat(blogger.excerpt()).isEqualTo("Snow at last.");
    assertThat(blogger.bodyHtml()).contains("We built a snowman by the river.");
    assertThat(markedAtTheStart.excerpt()).as("a teaser of nothing").isEqualTo("All of it.");
  }

  /** A post that shows how the tag is written, in code, has not ended its teaser there. */
  @Test
  void aMoreTagShownInCodeEndsNoTeaser() {
    var howTo =
        renderer.render(
            "T",
            "In WordPress a teaser ends where you put `<!--more-->`; in Blogger, a jump break.\n\n"
                + "```html\n<p>Intro</p>\n<!--more-->\n<a name=\"more\"></a>\n```\n\n"
                + "That is all.<!--more-->\n\nThe rest.",
            null);

    assertThat(howTo.excerpt())
        .isEqualTo(
            "In WordPress a teaser ends where you put <!--more-->; in Blogger, a jump break."
                + " <p>Intro</p> <!--more--> <a name=\"more\"></a> That is all.");
    assertThat(howTo.bodyHtml()).contains("&lt;!--more--&gt;").contains("The rest.");
  }

  /**
   * A "more" comment counts once something closes it, however far on; one never closed marks
   * nothing, and a jump break after it still does. Thousands of unclosed marks are looked through
   * once (bench/README.md), not each to the end of the body.
   */
  @Test
  void aMoreCommentCountsOnlyWhereItIsClosed() {
    assertThat(PostContentRenderer.teaserEnd("Intro <!--more and more words\n\nthen -->"))
        .isEqualTo(6);
    assertThat(PostContentRenderer.teaserEnd("Intro <!--more-->")).isEqualTo(6);
    assertThat(PostContentRenderer.teaserEnd("Intro <!-- more")).isEqualTo(-1);
    assertThat(PostContentRenderer.teaserEnd("Intro <!--moreover-->")).isEqualTo(-1);
    assertThat(PostContentRenderer.teaserEnd("<!--more".repeat(2_000) + " <a name=\"more\"></a>"))
        .isEqualTo(16_001);
    assertThat(PostContentRenderer.teaserEnd("--> <!--more".repeat(2_000))).isEqualTo(4);
  }

  /** A caption is no sentence of the post: the excerpt reads on without it, unless it is all. */
  @Test
  void theExcerptReadsOnPastAPicturesCaption() {
    var told =
        renderer.render(
            "T",
            "Back home after two weeks.\n\n"
                + "![The harbour](/api/images/0123456789abcdef0123456789abcdef.jpg"
                + " \"The harbour at dawn\")\n\nWe sailed at noon.",
            null);
    var shown =
        renderer.render(
            "T",
            "![The harbour](/api/images/0123456789abcdef0123456789abcdef.jpg"
                + " \"The harbour at dawn\")",
            null);

    assertThat(told.bodyHtml()).contains("<figcaption>The harbour at dawn</figcaption>");
    assertThat(told.excerpt()).isEqualTo("Back home after two weeks. We sailed at noon.");
    assertThat(shown.excerpt()).as("a picture alone: its caption").isEqualTo("The harbour at dawn");
  }

  @Test
  void anExcerptTheAuthorWroteIsKept() {
    assertThat(renderer.render("T", "Body", "  Mine.  ").excerpt()).isEqualTo("Mine.");
  }
}
