package io.inkwell.posts.post;

import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Callouts, as GitHub's alerts write them in Markdown and Ghost's callout cards show them: a quote
 * whose first line is {@code [!NOTE]}, {@code [!TIP]}, {@code [!IMPORTANT]}, {@code [!WARNING]} or
 * {@code [!CAUTION]} (any case) becomes {@code <div class="callout callout-warning" role="note">}
 * around the quote's other blocks; words after the marker on its line are the callout's own title
 * ({@code > [!TIP] Pack light}), in {@code p.callout-title}. A callout without one is named by the
 * reader site in the blog's language ("Warning", "Warnung"), so that no word of ours is stored in a
 * post; feeds name it so too ({@link #asQuotes}), and so do mails. A quote that starts with no
 * marker, one of another kind ({@code [!NOTES]}) or a marker alone stays a quote.
 *
 * <p>Applied before the sanitiser, which lets these classes and the role through and nothing more
 * of them.
 */
public final class Callouts {

  /** The kinds GitHub's alerts have, by which the theme colours them. */
  static final String KINDS = "note|tip|important|warning|caution";

  private static final Pattern KIND = Pattern.compile("callout-(" + KINDS + ")");

  private static final Pattern MARKER =
      Pattern.compile("^\\s*\\[!(" + KINDS + ")\\](?=\\s|$)", Pattern.CASE_INSENSITIVE);

  private Callouts() {}

  static String callouts(String html) {
    boolean marked = html.contains("<blockquote>") && html.contains("[!");
    boolean ghost = html.contains("kg-callout-card");
    if (!marked && !ghost) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    for (Element card : body.select("div.kg-callout-card")) {
      card.replaceWith(fromGhost(card));
    }
    for (Element quote : body.select("blockquote")) {
      Element first = quote.firstElementChild();
      if (first == null
          || !first.is("p")
          || !(first.childNodeSize() > 0 && first.childNode(0) instanceof TextNode start)) {
        continue;
      }
      var marker = MARKER.matcher(start.getWholeText());
      boolean saysMore =
          marker.find()
              && (!start.getWholeText().substring(marker.end()).isBlank()
                  || first.childNodeSize() > 1
                  || quote.childrenSize() > 1);
      if (!saysMore) {
        continue;
      }
      start.text(start.getWholeText().substring(marker.end()));
      var callout =
          new Element("div")
              .addClass("callout")
              .addClass("callout-" + marker.group(1).toLowerCase(Locale.ROOT))
              .attr("role", "note");
      Element title = titleFrom(first);
      if (title != null) {
        callout.appendChild(title);
      }
      if (!first.text().isBlank() || first.childrenSize() > 0) {
        callout.appendChild(first);
      }
      while (quote.childNodeSize() > 0) {
        Node next = quote.childNode(0);
        if (next == first) {
          next.remove();
          continue;
        }
        callout.appendChild(next);
      }
      quote.replaceWith(callout);
    }
    return body.html();
  }

  /**
   * The post's HTML with each callout a quote headed by its title in bold, where a callout's box
   * cannot stand: feed readers drop a page's classes, and with them the box that set its words
   * apart. A callout its author gave no title is headed by its kind's name.
   *
   * @param name a kind ({@code "warning"}) as its name is said in the blog's language ("Warnung")
   */
  public static String asQuotes(String html, UnaryOperator<String> name) {
    if (!html.contains("callout")) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    for (Element callout : body.select("div.callout")) {
      Element title = callout.selectFirst("> p.callout-title");
      var kind = KIND.matcher(callout.className());
      if (title == null && kind.find()) {
        title = callout.prependElement("p").text(name.apply(kind.group(1)));
      }
      if (title != null) {
        var bold = new Element("strong");
        bold.appendChildren(title.childNodes());
        title.clearAttributes().appendChild(bold);
      }
      callout.tagName("blockquote").clearAttributes();
    }
    return body.html();
  }

  /**
   * A Ghost callout card (an imported post's {@code div.kg-callout-card-blue}, its emoji and its
   * text) as a callout of the kind its colour says most nearly: blue a note, green a tip, purple
   * and pink important, yellow a warning, red a caution, any other (grey, white, the accent) a
   * note. Its emoji stays before its words.
   */
  private static Element fromGhost(Element card) {
    String kind = "note";
    for (String colour : card.classNames()) {
      kind =
          switch (colour) {
            case "kg-callout-card-green" -> "tip";
            case "kg-callout-card-purple", "kg-callout-card-pink" -> "important";
            case "kg-callout-card-yellow" -> "warning";
            case "kg-callout-card-red" -> "caution";
            default -> kind;
          };
    }
    var words = new Element("p");
    Element emoji = card.selectFirst("> .kg-callout-emoji");
    if (emoji != null && !emoji.text().isBlank()) {
      words.appendText(emoji.text().strip() + " ");
    }
    Element text = card.selectFirst("> .kg-callout-text");
    words.appendChildren((text == null ? card : text).childNodesCopy());
    trim(words);
    return new Element("div")
        .addClass("callout")
        .addClass("callout-" + kind)
        .attr("role", "note")
        .appendChild(words);
  }

  /**
   * The words the marker's line has after it, taken from the paragraph as the callout's title; null
   * when there are none. The line ends at the paragraph's first line break.
   */
  private static Element titleFrom(Element paragraph) {
    var title = new Element("p").addClass("callout-title");
    while (paragraph.childNodeSize() > 0) {
      Node next = paragraph.childNode(0);
      if (next instanceof Element element && element.is("br")) {
        next.remove();
        break;
      }
      if (next instanceof TextNode text && text.getWholeText().contains("\n")) {
        String words = text.getWholeText();
        int end = words.indexOf('\n');
        title.appendText(words.substring(0, end));
        text.text(words.substring(end + 1));
        break;
      }
      title.appendChild(next);
    }
    trim(title);
    trim(paragraph);
    return title.text().isBlank() && title.select("img").isEmpty() ? null : title;
  }

  /** No spaces at the start of the element's words: the marker's line stood before them. */
  private static void trim(Element element) {
    if (element.childNodeSize() > 0 && element.childNode(0) instanceof TextNode text) {
      text.text(text.getWholeText().stripLeading());
    }
  }
}
