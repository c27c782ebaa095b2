package io.inkwell.posts.post;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * Pictures that stand on their own, as a figure (centred by the reader site's theme), with a
 * caption in its {@code figcaption} where the post gives one (Ghost's image card, WordPress's
 * caption), from the ways posts write them:
 *
 * <ul>
 *   <li>Markdown: a picture alone in its paragraph, with a title (written in Markdown: not one in
 *       HTML), {@code ![A yellow tram](/api/images/… "Tram 28 climbing to Alfama")}, perhaps inside
 *       a link; its alt text stays what the picture shows, for those who cannot see it, and the
 *       title is the caption everyone reads;
 *   <li>Blogger: its caption table ({@code <table class="tr-caption-container">}, the picture in
 *       the first cell and the caption in {@code td.tr-caption}), which would otherwise reach
 *       readers as a table with borders, the caption in a cell of its own;
 *   <li>Blogger: its centred picture ({@code <div class="separator">} holding the picture and its
 *       link), which would otherwise stand at the side once the sanitiser took its style away.
 * </ul>
 *
 * A picture its post floats at a side, the words around it, stays at that side ({@code align-left},
 * {@code align-right}, on the figure or the picture), where the sanitiser would take the way it
 * said so away: Blogger's {@code style="float: left"} on the picture, its link or its caption
 * table, WordPress's {@code alignleft} and {@code alignright} classes on a picture or a caption's
 * figure.
 *
 * <p>Applied before the sanitiser, which then cleans the figure like any other HTML (and takes the
 * title away).
 */
final class Figures {

  /**
   * The attribute by which the renderer marks a picture Markdown wrote with a title: the title of a
   * picture written in HTML (an imported WordPress picture's is often its file's name, {@code
   * IMG_1234}) is no caption.
   */
  static final String CAPTION = "data-inkwell-caption";

  private Figures() {}

  /** The classes by which the theme floats a picture at a side; nothing else of a class. */
  static final String SIDES = "align-left|align-right";

  private static final Pattern FLOAT =
      Pattern.compile("float\\s*:\\s*(left|right)", Pattern.CASE_INSENSITIVE);

  static String figures(String html) {
    boolean titled = html.contains(CAPTION);
    boolean blogger = html.contains("tr-caption-container") || html.contains("separator");
    boolean floated =
        html.contains("float") || html.contains("alignleft") || html.contains("alignright");
    if (!titled && !blogger && !floated) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    for (Element placed : body.select("img, a, figure")) {
      sideOf(placed)
          .ifPresent(
              side -> {
                Element floats = placed.is("a") ? placed.selectFirst("> img") : placed;
                if (floats != null) {
                  floats.classNames(Set.of("align-" + side));
                }
              });
    }
    for (Element table : body.select("table.tr-caption-container")) {
      Element picture = table.selectFirst("td:not(.tr-caption) img");
      Element caption = table.selectFirst("td.tr-caption");
      if (picture != null) {
        Element shown = linkAround(picture);
        var figure = figure(shown, caption == null ? null : caption.html());
        // Blogger floats a captioned picture by its table's style
        sideOf(table).ifPresent(side -> figure.classNames(Set.of("align-" + side)));
        table.replaceWith(figure);
      }
    }
    for (Element picture : body.select("div.separator > img, div.separator > a > img")) {
      Element shown = linkAround(picture);
      Element separator = shown.parent();
      if (separator != null && aloneIn(separator, shown)) {
        var figure = figure(shown, null);
        // floated, the figure is: the picture in it fills it
        for (Element side : figure.select("img.align-left, img.align-right")) {
          figure.classNames(side.classNames());
          side.removeAttr("class");
        }
        separator.replaceWith(figure);
      }
    }
    for (Element picture : body.select("img[" + CAPTION + "]")) {
      Element shown = linkAround(picture);
      Element paragraph = shown.parent();
      String title = picture.attr(CAPTION).strip();
      picture.removeAttr(CAPTION);
      if (paragraph != null && aloneIn(paragraph, shown) && paragraph.is("p")) {
        picture.removeAttr("title");
        paragraph.replaceWith(figure(shown, escaped(title)));
      }
    }
    return body.html();
  }

  /** The side the element says it floats at, by its style or WordPress's class. */
  private static Optional<String> sideOf(Element placed) {
    if (placed.hasClass("alignleft")) {
      return Optional.of("left");
    }
    if (placed.hasClass("alignright")) {
      return Optional.of("right");
    }
    var side = FLOAT.matcher(placed.attr("style"));
    return side.find() ? Optional.of(side.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
  }

  /** The picture's link, when a link holds it and nothing else; else the picture. */
  private static Element linkAround(Element picture) {
    Element parent = picture.parent();
    boolean link =
        parent != null
            && parent.is("a")
            && parent.childrenSize() == 1
            && parent.textNodes().stream().allMatch(TextNode::isBlank);
    return link ? parent : picture;
  }

  /** Whether the block holds the picture (or its link) and nothing else to read. */
  private static boolean aloneIn(Element block, Element shown) {
    return block.is("p, div")
        && block.textNodes().stream().allMatch(TextNode::isBlank)
        && block.children().stream().allMatch(child -> child == shown || child.is("br"));
  }

  private static Element figure(Element shown, String captionHtml) {
    var figure = new Element("figure");
    figure.appendChild(shown.clone());
    if (captionHtml != null && !captionHtml.isBlank()) {
      figure.appendElement("figcaption").html(captionHtml);
    }
    return figure;
  }

  private static String escaped(String text) {
    return new Element("span").text(text).html();
  }
}
