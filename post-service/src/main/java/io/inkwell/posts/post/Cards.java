package io.inkwell.posts.post;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * The cards of an imported Ghost or WordPress post as their readers saw them, where the sanitiser
 * would otherwise leave a heap of nested boxes (their classes, which the old theme laid out, gone):
 *
 * <ul>
 *   <li>Ghost's bookmark card ({@code figure.kg-bookmark-card}: a link's title, description and
 *       site, which Ghost fetched once) becomes {@code figure.bookmark}: the title as the link, the
 *       description and the site's name each a paragraph, which the reader site draws as a card.
 *       Its pictures (the site's icon and thumbnail, on the other site) stay behind: the card says
 *       where the link leads, and a reader's browser asks nothing of that site before they follow
 *       it;
 *   <li>Ghost's gallery card ({@code figure.kg-gallery-card}, rows of pictures) and WordPress's
 *       gallery block ({@code figure.wp-block-gallery}, its pictures in as many columns as it says,
 *       three unless it says otherwise) become {@code figure.gallery}, a paragraph a row, which the
 *       reader site shows side by side, with the gallery's caption. A WordPress gallery whose
 *       pictures have captions of their own stays as it is, each picture a figure with its caption;
 *   <li>Ghost's toggle card (a question that opens to its answer) becomes {@code details} and its
 *       {@code summary}, which opens without a script;
 *   <li>Ghost's file card (a download) becomes a bookmark of the file, its name and size below; its
 *       video and audio cards a link to the file ("▶ Episode 1") with their caption, for the old
 *       blog's player came with them no more than its buttons' words should;
 *   <li>Ghost's button card and WordPress's button block become {@code p.button}, a link the reader
 *       site draws as a button;
 *   <li>Ghost's signup card (its members' newsletter form) becomes its heading and words with a
 *       button to this blog's subscribe page, in place of a form that signed readers up to the old
 *       blog and whose hidden messages would be shown as words.
 * </ul>
 *
 * Authors writing Markdown may write {@code <details>} and {@code <summary>} themselves, as GitHub
 * lets them. Applied before the sanitiser, which lets these classes through and nothing more of
 * them.
 */
final class Cards {

  /** The classes the sanitiser lets through on a figure for these cards. */
  static final String FIGURES = "bookmark|gallery";

  /** The class the sanitiser lets through on a paragraph for a button card. */
  static final String BUTTON = "button";

  private static final Pattern COLUMNS = Pattern.compile("columns-([1-8])");

  /** The reader site's page where readers subscribe to the blog's mails. */
  private static final String SUBSCRIBE = "/subscribe";

  private static final int WORDPRESS_COLUMNS = 3;

  private Cards() {}

  static String cards(String html) {
    // most posts have no card: they are not parsed for one (a block editor's have wp-block-image)
    if (!html.contains("kg-")
        && !html.contains("wp-block-gallery")
        && !html.contains("wp-block-button")) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    for (Element card : body.select("figure.kg-bookmark-card")) {
      bookmark(card);
    }
    for (Element card : body.select("figure.kg-gallery-card")) {
      List<List<Element>> rows = new ArrayList<>();
      for (Element row : card.select(".kg-gallery-row")) {
        rows.add(row.select("img"));
      }
      gallery(card, rows, card.selectFirst("> figcaption"));
    }
    for (Element block : body.select("figure.wp-block-gallery")) {
      if (block.select("figcaption").stream().anyMatch(caption -> caption.parent() != block)) {
        continue; // captions of their own: each picture stays a figure with its caption
      }
      var columns = COLUMNS.matcher(block.className());
      int perRow = columns.find() ? Integer.parseInt(columns.group(1)) : WORDPRESS_COLUMNS;
      List<Element> pictures = block.select("img");
      List<List<Element>> rows = new ArrayList<>();
      for (int at = 0; at < pictures.size(); at += perRow) {
        rows.add(pictures.subList(at, Math.min(at + perRow, pictures.size())));
      }
      gallery(block, rows, block.selectFirst("> figcaption"));
    }
    for (Element card : body.select("div.kg-toggle-card")) {
      toggle(card);
    }
    for (Element card : body.select("div.kg-file-card")) {
      file(card);
    }
    for (Element card : body.select("figure.kg-video-card, div.kg-audio-card")) {
      media(card);
    }
    for (Element card : body.select("div.kg-signup-card")) {
      signup(card);
    }
    for (Element card : body.select("div.kg-button-card, div.wp-block-button")) {
      button(card);
    }
    body.select("div.wp-block-buttons").unwrap();
    return body.html();
  }

  /**
   * A file card (a download on the old blog) as a bookmark: its title as the link, its caption, and
   * the file's name and size.
   */
  private static void file(Element card) {
    Element link = requiredOf(card, "a[href]");
    if (link == null) {
      return;
    }
    String name = textOf(card, ".kg-file-card-filename");
    String title = textOf(card, ".kg-file-card-title");
    var bookmark = new Element("figure").addClass("bookmark");
    bookmark
        .appendElement("p")
        .appendChild(
            new Element("a")
                .attr("href", link.attr("href"))
                .text(title.isEmpty() ? name.isEmpty() ? link.attr("href") : name : title));
    String caption = textOf(card, ".kg-file-card-caption");
    if (!caption.isEmpty()) {
      bookmark.appendElement("p").text(caption);
    }
    String about = String.join(" · ", nonEmpty(name, textOf(card, ".kg-file-card-filesize")));
    if (!about.isEmpty()) {
      bookmark.appendElement("p").text(about);
    }
    card.replaceWith(bookmark);
  }

  /**
   * A video or audio card (a file the old blog played in its own player) as a link to the file, by
   * its title or its file's name, with the card's caption: its player's buttons and times ("0:00
   * /0:04 1×") would otherwise reach readers as words, and the file stays where the old blog kept
   * it, which the blog's pages may not play from.
   */
  private static void media(Element card) {
    // a file on the web or the old blog's own; any other address (javascript:) plays nothing
    Element player =
        requiredOf(card, "video[src^=http], audio[src^=http], video[src^=/], audio[src^=/]");
    if (player == null) {
      return;
    }
    String src = player.attr("src");
    String title = textOf(card, ".kg-audio-title");
    String path = src.replaceFirst("[?#].*$", "");
    String name = path.substring(path.lastIndexOf('/') + 1);
    var link = new Element("a").attr("href", src).text("▶ " + (title.isEmpty() ? name : title));
    Element caption = card.selectFirst("figcaption");
    if (caption == null || caption.text().isBlank()) {
      card.replaceWith(new Element("p").appendChild(link));
      return;
    }
    var figure = new Element("figure");
    figure.appendElement("p").appendChild(link);
    figure.appendChild(new Element("figcaption").appendChildren(caption.childNodesCopy()));
    card.replaceWith(figure);
  }

  /**
   * A signup card (Ghost's form for its members' newsletter) as its words and a button to this
   * blog's own subscribe page: its form would reach readers as its hidden messages' words ("Email
   * sent! Check your inbox…"), and it signed readers up to the old blog.
   */
  private static void signup(Element card) {
    var words = new ArrayList<Element>();
    Element heading = card.selectFirst(".kg-signup-card-heading");
    if (heading != null && !heading.text().isBlank()) {
      words.add(new Element(heading.tagName()).text(heading.text()));
    }
    for (String part : List.of(".kg-signup-card-subheading", ".kg-signup-card-disclaimer")) {
      Element text = card.selectFirst(part);
      if (text != null && !text.text().isBlank()) {
        words.add(new Element("p").text(text.text()));
      }
    }
    String label = textOf(card, ".kg-signup-card-button-default");
    var button =
        new Element("p")
            .addClass(BUTTON)
            .appendChild(
                new Element("a")
                    .attr("href", SUBSCRIBE)
                    .text(label.isEmpty() ? textOf(card, "button") : label));
    // the button where Ghost's form stood: after the words above it, before the small print
    boolean smallPrint = card.selectFirst(".kg-signup-card-disclaimer") != null;
    words.add(smallPrint ? words.size() - 1 : words.size(), button);
    Element last = words.get(0);
    card.replaceWith(last);
    for (Element next : words.subList(1, words.size())) {
      last.after(next);
      last = next;
    }
  }

  private static List<String> nonEmpty(String... texts) {
    return Arrays.stream(texts).filter(text -> !text.isEmpty()).toList();
  }

  /** A button card (Ghost's) or block (WordPress's) as its link, drawn as a button. */
  private static void button(Element card) {
    Element link = requiredOf(card, "a[href]");
    if (link == null) {
      return;
    }
    card.replaceWith(
        new Element("p")
            .addClass(BUTTON)
            .appendChild(new Element("a").attr("href", link.attr("href")).text(link.text())));
  }

  /** A bookmark card as a link titled by the page it leads to, its description and its site. */
  private static void bookmark(Element card) {
    Element link = requiredOf(card, "a[href]");
    if (link == null) {
      return;
    }
    String href = link.attr("href");
    String title = textOf(card, ".kg-bookmark-title");
    var bookmark = new Element("figure").addClass("bookmark");
    bookmark
        .appendElement("p")
        .appendChild(new Element("a").attr("href", href).text(title.isEmpty() ? href : title));
    String description = textOf(card, ".kg-bookmark-description");
    if (!description.isEmpty()) {
      bookmark.appendElement("p").text(description);
    }
    String site = site(textOf(card, ".kg-bookmark-publisher"), href);
    if (!site.isEmpty()) {
      bookmark.appendElement("p").text(site);
    }
    card.replaceWith(bookmark);
  }

  /** The site a link leads to: its publisher's name, else its host without "www.". */
  private static String site(String publisher, String href) {
    if (!publisher.isEmpty()) {
      return publisher;
    }
    try {
      String host = URI.create(href).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
    } catch (IllegalArgumentException notAnAddress) {
      return "";
    }
  }

  /** The pictures, a paragraph a row, and the caption, in place of the card. */
  private static void gallery(Element card, List<List<Element>> rows, Element caption) {
    var gallery = new Element("figure").addClass("gallery");
    for (List<Element> row : rows) {
      if (row.isEmpty()) {
        continue;
      }
      var line = gallery.appendElement("p");
      row.forEach(picture -> line.appendChild(picture.clone()));
    }
    if (gallery.childrenSize() == 0) {
      card.remove();
      return;
    }
    if (caption != null && !caption.text().isBlank()) {
      gallery.appendChild(new Element("figcaption").appendChildren(caption.childNodesCopy()));
    }
    card.replaceWith(gallery);
  }

  /** A toggle card as a summary that opens to the card's content. */
  private static void toggle(Element card) {
    var details = new Element("details");
    details.appendElement("summary").text(textOf(card, ".kg-toggle-heading-text"));
    Element content = card.selectFirst(".kg-toggle-content");
    if (content != null) {
      details.appendChildren(content.childNodesCopy());
    }
    card.replaceWith(details);
  }

  /**
   * What the selector finds in the card; null, the card gone, where it finds nothing: a card
   * without its link or its file has nothing to show.
   */
  private static Element requiredOf(Element card, String selector) {
    Element found = card.selectFirst(selector);
    if (found == null) {
      card.remove();
    }
    return found;
  }

  private static String textOf(Element card, String selector) {
    Element element = card.selectFirst(selector);
    return element == null ? "" : element.text().strip();
  }
}
