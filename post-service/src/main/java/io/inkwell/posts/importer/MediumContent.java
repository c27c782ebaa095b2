package io.inkwell.posts.importer;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A Medium story's HTML as its readers saw it:
 *
 * <ul>
 *   <li>the title and subtitle that head it in Medium's editor leave the body: they are the post's
 *       title and excerpt here;
 *   <li>Medium's sections are parted by a rule, as Medium shows them;
 *   <li>a picture is Medium's widest copy of it (the page names the copy for one width), from where
 *       an import copies it to the blog;
 *   <li>a video or other player Medium showed through Embedly is the provider's own player, which
 *       the blog shows for the sites it knows (YouTube, Vimeo, Spotify, SoundCloud);
 *   <li>a link card ({@code .graf--mixtapeEmbed}: a page's title, description and site) becomes
 *       {@code figure.bookmark}, as a Ghost bookmark card does.
 * </ul>
 */
final class MediumContent {

  /** Medium's copy of a picture for one width: {@code …/max/800/1*abc.jpeg}. */
  private static final Pattern WIDTH = Pattern.compile("^(https://[^/]*medium\\.com/max/)\\d+/");

  private static final String WIDEST = "2000/";

  private MediumContent() {}

  static String cleaned(Element content) {
    Element body = content.clone();
    body.select(".graf--title, .graf--subtitle").remove();
    Elements dividers = body.select("div.section-divider");
    for (int i = 0; i < dividers.size(); i++) {
      if (i == 0) {
        dividers.get(i).remove();
      } else {
        dividers.get(i).replaceWith(new Element("hr"));
      }
    }
    for (Element image : body.select("img[src]")) {
      image.attr("src", WIDTH.matcher(image.attr("src").strip()).replaceFirst("$1" + WIDEST));
    }
    for (Element player : body.select("iframe[src*=embedly.com]")) {
      String played =
          UriComponentsBuilder.fromUriString(player.attr("src"))
              .build()
              .getQueryParams()
              .getFirst("src");
      if (played == null) {
        player.remove();
      } else {
        player.attr("src", UriUtils.decode(played, StandardCharsets.UTF_8));
      }
    }
    for (Element card : body.select(".graf--mixtapeEmbed")) {
      bookmark(card);
    }
    return body.html();
  }

  /** A link card as a link titled by the page it leads to, its description and its site. */
  private static void bookmark(Element card) {
    Element link = card.selectFirst("a[href]");
    if (link == null) {
      card.remove();
      return;
    }
    Element title = link.selectFirst("strong");
    Element description = link.selectFirst("em");
    var bookmark = new Element("figure").addClass("bookmark");
    bookmark
        .appendElement("p")
        .appendChild(
            new Element("a")
                .attr("href", link.attr("href"))
                .text(title == null || title.text().isBlank() ? link.attr("href") : title.text()));
    if (description != null && !description.text().isBlank()) {
      bookmark.appendElement("p").text(description.text());
    }
    String site = link.ownText().strip();
    if (!site.isEmpty()) {
      bookmark.appendElement("p").text(site);
    }
    card.replaceWith(bookmark);
  }
}
