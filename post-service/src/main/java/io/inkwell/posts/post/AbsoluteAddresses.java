package io.inkwell.posts.post;

import java.util.List;
import org.jsoup.Jsoup;

/**
 * A post's HTML read away from the blog (in a feed reader, in another platform an export goes to),
 * where {@code /api/images/...} or {@code /pages/about} would lead nowhere.
 */
public final class AbsoluteAddresses {

  private AbsoluteAddresses() {}

  /**
   * The HTML with every link and picture address made absolute against {@code base} (the post's own
   * address). A picture's narrower copies are left out: a feed reader shows the picture itself as
   * it sizes it, and another platform makes its own.
   */
  public static String of(String html, String base) {
    var body = Jsoup.parseBodyFragment(html, base);
    body.outputSettings().prettyPrint(false);
    body.select("img[srcset]").removeAttr("srcset").removeAttr("sizes");
    for (var element : body.select("[href], [src]")) {
      for (String attribute : List.of("href", "src")) {
        if (element.hasAttr(attribute)) {
          String resolved = element.absUrl(attribute);
          if (!resolved.isEmpty()) {
            element.attr(attribute, resolved);
          }
        }
      }
    }
    return body.body().html();
  }
}
