package io.inkwell.posts.post;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

/**
 * The blog's own audio and video played where a post links to them, as Ghost's audio and video
 * cards and WordPress's {@code [audio]} play a file: a paragraph that is nothing but a link to one
 * of the blog's files ({@code /api/files/{hash}.mp3}) that plays in browsers becomes a player
 * ({@code <audio controls>}, {@code <video controls>}) with the link's words as its caption, linked
 * to the file, which a mail or a feed reader that plays nothing still leads to. A link with words
 * around it, and a link to a file anywhere else, stays a link: the blog's pages play only what it
 * keeps.
 */
public final class MediaPlayers {

  /** The extensions of the blog's files browsers play as audio (post-service's FileType's). */
  static final Set<String> AUDIO =
      Set.of("mp3", "m4a", "ogg", "opus", "wav", "flac", "weba", "aac");

  /** The same for video. */
  static final Set<String> VIDEO = Set.of("mp4", "m4v", "webm", "ogv", "mov");

  /** The address of one of the blog's files that plays: the only source a player may have. */
  public static final Pattern PLAYED =
      Pattern.compile(
          "/api/files/[0-9a-f]{32}\\.("
              + String.join("|", AUDIO)
              + "|"
              + String.join("|", VIDEO)
              + ")");

  /** The class of the figure a player stands in. */
  static final String FIGURE = "media";

  /** How a player begins in a post's stored HTML, as the sanitiser writes it. */
  public static final String PLAYER = "<figure class=\"" + FIGURE + "\">";

  private MediaPlayers() {}

  /**
   * The address of the first of the blog's files a post's stored HTML plays ({@code /api/files/…}):
   * its episode, which feeds and exports name apart from the text.
   */
  public static Optional<String> firstPlayed(String html) {
    if (html == null || !html.contains(PLAYER)) {
      return Optional.empty();
    }
    var player =
        Jsoup.parseBodyFragment(html)
            .selectFirst("figure.media > audio[src], figure.media > video[src]");
    return player == null || !PLAYED.matcher(player.attr("src")).matches()
        ? Optional.empty()
        : Optional.of(player.attr("src"));
  }

  static String players(String html) {
    if (!html.contains("/api/files/")) {
      return html;
    }
    var page = Jsoup.parseBodyFragment(html);
    page.outputSettings().prettyPrint(false);
    var body = page.body();
    for (Element paragraph : body.select("p:has(> a[href^=/api/files/])")) {
      Element link = aloneIn(paragraph);
      Matcher played = link == null ? null : PLAYED.matcher(link.attr("href"));
      if (played == null || !played.matches()) {
        continue;
      }
      String element = AUDIO.contains(played.group(1)) ? "audio" : "video";
      var player =
          new Element(element)
              .attr("controls", true)
              .attr("preload", "metadata")
              .attr("src", link.attr("href"));
      String words = link.text().replaceFirst("^▶\\s*", "");
      var caption = new Element("figcaption");
      if (!words.isBlank()) {
        caption.appendChild(new Element("a").attr("href", link.attr("href")).text(words));
      }
      var figure = new Element("figure").addClass(FIGURE).appendChild(player);
      if (caption.childNodeSize() > 0) {
        figure.appendChild(caption);
      }
      paragraph.replaceWith(figure);
    }
    return body.html();
  }

  /** The paragraph's one link, when the paragraph holds nothing else but spaces. */
  private static Element aloneIn(Element paragraph) {
    if (paragraph.childrenSize() != 1 || !paragraph.child(0).is("a")) {
      return null;
    }
    boolean onlySpaceBeside = paragraph.textNodes().stream().allMatch(TextNode::isBlank);
    return onlySpaceBeside ? paragraph.child(0) : null;
  }
}
