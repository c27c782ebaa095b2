package io.inkwell.notifications.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

/**
 * A post's HTML (as post-service rendered and sanitised it) made fit for a mail, as Ghost's
 * newsletters send the whole post: every address absolute, the blog's own pictures as a copy at
 * most 1000 pixels wide shown in the 600-pixel column, nothing a mail client would run (cleaned
 * again with jsoup's relaxed list), and a plain-text twin for the text part.
 *
 * @param html for the mail's HTML part
 * @param text for its text part: the blocks' text, a blank line between them, a list's items and a
 *     table's rows each on a line, a heading underlined, a link's address after its words, pictures
 *     as their description in brackets (a captioned one followed by its caption)
 */
record PostBody(String html, String text) {

  private static final String PICTURE_STYLE = "display:block;max-width:100%;height:auto;border:0";
  private static final int COLUMN = 600;

  /** The players post-service writes into a post (its Embeds), by what they play. */
  private static final Pattern YOUTUBE_PLAYER =
      Pattern.compile(
          "https://www\\.youtube-nocookie\\.com/embed/([A-Za-z0-9_-]{11})(?:\\?start=(\\d+))?");

  private static final Pattern VIMEO_PLAYER =
      Pattern.compile(
          "https://player\\.vimeo\\.com/video/(\\d+)\\?(?:h=([0-9a-f]+)&)?dnt=1(?:#t=(\\d+)s)?");

  private static final Pattern SPOTIFY_PLAYER =
      Pattern.compile("https://open\\.spotify\\.com/embed/(\\w+/[A-Za-z0-9]+)");

  /** SoundCloud's player of a track or playlist page (not of its API's address of one). */
  private static final Pattern SOUNDCLOUD_PLAYER =
      Pattern.compile(
          "https://w\\.soundcloud\\.com/player/\\?url=https%3A//(soundcloud\\.com/[\\w/-]+)");

  /**
   * The kinds of callout post-service writes ({@code callout-tip}), as the mails' words name them.
   */
  private static final Pattern CALLOUT_KIND =
      Pattern.compile("callout-(note|tip|important|warning|caution)");

  private static final String TABLE_STYLE = "border-collapse:collapse;margin:0 0 16px";
  private static final String CELL_STYLE =
      "border:1px solid #d0d0cc;padding:6px 10px;text-align:left;vertical-align:top";

  private static final Safelist MAIL =
      Safelist.relaxed()
          .addTags("figure", "figcaption", "hr", "del", "s")
          // only to tell a footnote's number from other raised text in the text part
          .addAttributes("sup", "class");

  /**
   * @param calloutName a callout's kind ({@code "warning"}) as its name is said in the mail's
   *     language ("Warnung"), for a callout its author gave no title
   */
  static PostBody of(String html, String siteUrl, UnaryOperator<String> calloutName) {
    Document post = Jsoup.parseBodyFragment(html, siteUrl);
    for (Element picture : post.select("img")) {
      fit(picture, siteUrl);
    }
    footnotesForAMail(post);
    videosForAMail(post);
    playersForAMail(post);
    tasksForAMail(post);
    calloutsForAMail(post, calloutName);
    detailsForAMail(post);
    Document mail =
        Jsoup.parseBodyFragment(Jsoup.clean(post.body().html(), siteUrl + "/", MAIL), siteUrl);
    mail.select("img").attr("style", PICTURE_STYLE);
    // a table's lines, which the reader site's theme draws and a mail client would not
    mail.select("table").attr("style", TABLE_STYLE);
    mail.select("th, td").attr("style", CELL_STYLE);
    mail.outputSettings().prettyPrint(false);
    return new PostBody(mail.body().html(), text(mail));
  }

  /**
   * A post's footnotes, as a mail can show them: mail clients follow no links within a mail, so
   * each number stays a number, not a link, the notes follow the post after a rule, and their ways
   * back go.
   */
  private static void footnotesForAMail(Document post) {
    post.select("a.footnote-backref").remove();
    post.select("sup.footnote-ref a").unwrap();
    post.select("sup:not(.footnote-ref)").removeAttr("class");
    post.select("section.footnotes").forEach(notes -> notes.before(new Element("hr")).unwrap());
  }

  /**
   * A post's videos, music and podcasts, as a mail can give them: mail clients play nothing in a
   * mail (nor show a frame), so each player becomes a link to what it plays, on a line of its own.
   */
  private static void videosForAMail(Document post) {
    for (Element player : post.select("iframe[src]")) {
      String page = videoPage(player.attr("src"));
      Element link = new Element("a").attr("href", page).text("▶ " + page);
      if (player.parent() != null && player.parent().is("figure")) {
        player.parent().replaceWith(new Element("p").appendChild(link));
      } else {
        player.replaceWith(link); // a player inside running text: the link in its place
      }
    }
  }

  /**
   * A post's own audio and video (post-service's {@code figure.media}), as a mail can give them:
   * mail clients play neither, so each player and its caption become one link to the file, "▶" and
   * the caption's words (or the file's address without them), which opens it in the reader's
   * browser.
   */
  private static void playersForAMail(Document post) {
    for (Element player : post.select("figure.media > audio[src], figure.media > video[src]")) {
      Element figure = player.parent();
      String file = player.absUrl("src");
      String words = figure.select("figcaption").text();
      figure.replaceWith(
          new Element("p")
              .appendChild(
                  new Element("a")
                      .attr("href", file)
                      .text("▶ " + (words.isBlank() ? file : words))));
    }
  }

  /**
   * A post's task lists ("- [x] passport"), as a mail can show them: mail clients take the page's
   * boxes out, and with them whether a task was done, so each box becomes ☑ or ☐.
   */
  private static void tasksForAMail(Document post) {
    for (Element box : post.select("input[type=checkbox]")) {
      box.replaceWith(new TextNode(box.hasAttr("checked") ? "☑" : "☐"));
    }
  }

  /**
   * A post's callouts ("> [!WARNING]"), as a mail can show them: mail clients drop the page's
   * classes, and with them the callout's box, so each becomes a quote, as it was written, its title
   * in bold: its author's own, or else its kind's name in the mail's language, as the reader site
   * names it.
   */
  private static void calloutsForAMail(Document post, UnaryOperator<String> calloutName) {
    for (Element callout : post.select("div.callout")) {
      var kind = CALLOUT_KIND.matcher(callout.className());
      if (callout.selectFirst("> p.callout-title") == null && kind.find()) {
        callout
            .prependElement("p")
            .addClass("callout-title")
            .text(calloutName.apply(kind.group(1)));
      }
    }
    for (Element title : post.select("div.callout > p.callout-title")) {
      title.removeAttr("class");
      var bold = new Element("strong");
      bold.appendChildren(title.childNodes());
      title.appendChild(bold);
    }
    for (Element callout : post.select("div.callout")) {
      callout.tagName("blockquote").clearAttributes();
    }
  }

  /**
   * A post's details (a question that opens to its answer, an imported Ghost toggle card), as a
   * mail can show them: mail clients open nothing, so the question stands in bold above its answer.
   */
  private static void detailsForAMail(Document post) {
    for (Element summary : post.select("details > summary")) {
      var bold = new Element("strong");
      bold.appendChildren(summary.childNodes());
      summary.tagName("p").appendChild(bold);
    }
    post.select("details").unwrap();
  }

  /**
   * The page of the video, music or podcast a player plays; the player's own address for any other.
   */
  private static String videoPage(String player) {
    var youtube = YOUTUBE_PLAYER.matcher(player);
    if (youtube.matches()) {
      return "https://www.youtube.com/watch?v="
          + youtube.group(1)
          + (youtube.group(2) == null ? "" : "&t=" + youtube.group(2) + "s");
    }
    var vimeo = VIMEO_PLAYER.matcher(player);
    if (vimeo.matches()) {
      return "https://vimeo.com/"
          + vimeo.group(1)
          + (vimeo.group(2) == null ? "" : "/" + vimeo.group(2))
          + (vimeo.group(3) == null ? "" : "#t=" + vimeo.group(3) + "s");
    }
    var spotify = SPOTIFY_PLAYER.matcher(player);
    if (spotify.matches()) {
      return "https://open.spotify.com/" + spotify.group(1);
    }
    var soundcloud = SOUNDCLOUD_PLAYER.matcher(player);
    if (soundcloud.matches()) {
      return "https://" + soundcloud.group(1);
    }
    return player;
  }

  /** The blog's own pictures as a mail-sized copy; any picture no wider than the column. */
  private static void fit(Element picture, String siteUrl) {
    String src = picture.attr("src");
    int width = number(picture.attr("width"));
    int height = number(picture.attr("height"));
    picture.removeAttr("srcset").removeAttr("sizes").removeAttr("loading");
    if (src.startsWith("/api/images/") && !src.contains("?")) {
      var copy = ReaderMails.Picture.ofCover(siteUrl, src, picture.attr("alt"), width, height);
      if (copy != null) {
        picture.attr("src", copy.url());
        picture.attr("width", String.valueOf(copy.width()));
        picture.attr("height", String.valueOf(copy.height()));
        return;
      }
    }
    if (width > COLUMN && height > 0) {
      picture.attr("width", String.valueOf(COLUMN));
      picture.attr("height", String.valueOf(Math.round((double) height * COLUMN / width)));
    }
  }

  private static String text(Document mail) {
    return String.join("\n\n", blocks(mail.body()));
  }

  /**
   * The text of each block in the element, a list's items each a block; a quote's blocks (a
   * callout's too) each line after "> ", as mail clients quote.
   */
  private static List<String> blocks(Element parent) {
    List<String> blocks = new ArrayList<>();
    for (Element block : parent.children()) {
      if (block.is("blockquote")) {
        String quoted = String.join("\n\n", blocks(block));
        if (!quoted.isBlank()) {
          blocks.add(
              quoted
                  .lines()
                  .map(line -> line.isEmpty() ? ">" : "> " + line)
                  .collect(Collectors.joining("\n")));
        }
      } else if (block.is("ul")) {
        blocks.add(
            block.select("> li").stream()
                .map(item -> "- " + text(item))
                .collect(Collectors.joining("\n")));
      } else if (block.is("ol")) {
        // numbered as the HTML part shows them: a footnote's number finds its note
        int number = Math.max(number(block.attr("start")), 1);
        List<String> items = new ArrayList<>();
        for (Element item : block.select("> li")) {
          items.add(number++ + ". " + text(item));
        }
        blocks.add(String.join("\n", items));
      } else if (block.is("table")) {
        // a row a line, its cells apart, as a table is written in Markdown
        blocks.add(
            block.select("tr").stream()
                .map(row -> row.select("> th, > td").stream().map(PostBody::text).toList())
                .map(cells -> "| " + String.join(" | ", cells) + " |")
                .collect(Collectors.joining("\n")));
      } else if (block.is("h1, h2, h3, h4, h5, h6") && !block.text().isBlank()) {
        // underlined, as plain text marks a heading: "=" under a section, "-" under a part of one
        String heading = text(block);
        String line = block.is("h1, h2") ? "=" : "-";
        blocks.add(heading + "\n" + line.repeat(heading.codePointCount(0, heading.length())));
      } else if (block.is("pre")) {
        blocks.add(block.wholeText());
      } else if (block.is("figure")) {
        // a captioned picture: what it shows, in brackets, then its caption
        String shows =
            block.select("img[alt]").eachAttr("alt").stream()
                .filter(alt -> !alt.isBlank())
                .map(alt -> "[" + alt + "]\n")
                .findFirst()
                .orElse("");
        // its words (a caption, or a bookmark's title, description and site) each on a line
        var parts = block.select("> p, > figcaption");
        String words =
            parts.isEmpty()
                ? text(block)
                : parts.stream()
                    .map(PostBody::text)
                    .filter(part -> !part.isBlank())
                    .collect(Collectors.joining("\n"));
        blocks.add((shows + words).strip());
      } else if (!block.text().isBlank()) {
        blocks.add(text(block));
      } else {
        // a picture alone: what it shows, in brackets
        block.select("img[alt]").eachAttr("alt").stream()
            .filter(alt -> !alt.isBlank())
            .forEach(alt -> blocks.add("[" + alt + "]"));
      }
    }
    return blocks;
  }

  /**
   * An element's text as the text part says it: a footnote's number in brackets ("hills[1]."), for
   * raised text is not raised there, and a link's address after its words ("the timetable
   * <https://…>"), which a reader of plain text could not follow otherwise; mail clients make it a
   * link again.
   */
  private static String text(Element element) {
    if (element.selectFirst("sup.footnote-ref, a[href]") == null) {
      return element.text();
    }
    Element copy = element.clone();
    copy.select("sup.footnote-ref").forEach(number -> number.text("[" + number.text() + "]"));
    for (Element link : copy.select("a[href]")) {
      String address = link.attr("href");
      if (!address.isBlank() && !link.text().contains(address)) {
        link.appendText(" <" + address + ">");
      }
    }
    return copy.text();
  }

  private static int number(String attribute) {
    try {
      return Integer.parseInt(attribute.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
