package io.inkwell.posts.post;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Ids for the headings a post writes in HTML (an imported Blogger or WordPress post's {@code
 * <h2>}), as the renderer gives the Markdown ones ({@code h-} and the heading's words), so that a
 * reader links to their sections too and the reader site puts a link beside them. A heading that
 * has an id of its own (a WordPress author's {@code <h2 id="prices">}, which the sanitiser would
 * take away) keeps it behind {@code h-}, and the post's links to it ({@code href="#prices"})
 * follow. No id is given twice.
 *
 * <p>Applied before the sanitiser, which lets only {@code h-} ids through on headings.
 */
final class Headings {

  /** A heading as HTML writes it, without an id of the renderer's. */
  private static final Pattern UNNAMED =
      Pattern.compile("<h[1-6](?![^>]*\\bid=\"" + PostContentRenderer.SECTION + ")[\\s>]");

  private static final Pattern NOT_IN_AN_ID = Pattern.compile("[^\\p{L}\\p{N}_-]+");

  private Headings() {}

  static String identified(String html) {
    if (!UNNAMED.matcher(html).find()) {
      return html;
    }
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    Set<String> taken = new HashSet<>(body.select("[id]").eachAttr("id"));
    Set<String> given = new HashSet<>();
    var ids =
        IdGenerator.builder().prefix(PostContentRenderer.SECTION).defaultId("section").build();
    for (Element heading : body.select("h1, h2, h3, h4, h5, h6")) {
      String own = heading.id();
      if (own.startsWith(PostContentRenderer.SECTION) && given.add(own)) {
        continue;
      }
      String id;
      if (own.isBlank()) {
        do {
          id = ids.generateId(heading.text());
        } while (taken.contains(id) || given.contains(id));
      } else {
        // its own id, or one that an earlier heading has
        String wanted =
            own.startsWith(PostContentRenderer.SECTION)
                ? own
                : PostContentRenderer.SECTION + NOT_IN_AN_ID.matcher(own).replaceAll("-");
        id = wanted;
        for (int n = 1; given.contains(id) || (!id.equals(own) && taken.contains(id)); n++) {
          id = wanted + "-" + n;
        }
        if (!own.startsWith(PostContentRenderer.SECTION)) {
          for (Element link : body.getElementsByAttributeValue("href", "#" + own)) {
            link.attr("href", "#" + id);
          }
        }
      }
      given.add(id);
      heading.id(id);
    }
    return body.html();
  }
}
