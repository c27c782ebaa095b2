package io.inkwell.posts.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Substack post's HTML as its readers saw it, where the sanitiser would otherwise leave
 * Substack's widgets as heaps of nested boxes and stray words:
 *
 * <ul>
 *   <li>a captioned picture ({@code div.captioned-image-container}), and a picture that links to
 *       itself, becomes a figure with the picture at its full size on Substack's storage (not the
 *       CDN's copy for one width, whose address names the original) and its caption, from where an
 *       import copies it to the blog;
 *   <li>a gallery ({@code div.image-gallery-embed}, its pictures in its data) becomes {@code
 *       figure.gallery}, three pictures a row, with its caption;
 *   <li>the subscribe form ({@code div.subscription-widget-wrap}) becomes its words and a button to
 *       this blog's subscribe page, and so does a "Subscribe now" button;
 *   <li>the "Share" and "Leave a comment" buttons, whose addresses were Substack's own placeholders
 *       ({@code %%share_url%%}) or its comment pages, go: the reader site has its own; any other
 *       button stays a button ({@code p.button});
 *   <li>the paywall's marker goes (a paid post comes in as a draft, {@link SubstackExport});
 *   <li>a podcast post's episode, which Substack plays above the post, heads it as a link to its
 *       file, a player once the import copied it.
 * </ul>
 */
final class SubstackContent {

  private static final String SUBSCRIBE = "/subscribe";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int GALLERY_ROW = 3;

  /** Substack's CDN: the original's address, percent-encoded, is its last part. */
  private static final Pattern CDN_COPY =
      Pattern.compile("^https://substackcdn\\.com/image/fetch/[^/]*/(https?%3A%2F%2F.+)$");

  /** Substack's older storage, whose pictures are on its current one under the same name. */
  private static final Pattern OLD_STORAGE =
      Pattern.compile("^https://bucketeer-[^/]+\\.s3\\.amazonaws\\.com/");

  private SubstackContent() {}

  /**
   * @param podcast the address of the post's episode, or null
   * @param title the post's, which names its episode (whose file Substack names by a hash)
   */
  static String cleaned(String html, String podcast, String title) {
    var body = Jsoup.parseBodyFragment(html).body();
    body.ownerDocument().outputSettings().prettyPrint(false);
    body.select(".paywall-jump, .image-link-expand, script, style").remove();
    for (Element picture : body.select("div.captioned-image-container")) {
      figure(picture);
    }
    for (Element link : body.select("a.image-link")) {
      Element image = link.selectFirst("img[src]");
      if (image != null) {
        link.replaceWith(picture(image));
      }
    }
    for (Element gallery : body.select("div.image-gallery-embed")) {
      gallery(gallery);
    }
    for (Element form :
        body.select(".subscription-widget-wrap, .subscription-widget-wrap-editor")) {
      subscribe(form);
    }
    for (Element button : body.select(".button-wrapper")) {
      button(button);
    }
    String cleaned = body.html();
    return podcast == null ? cleaned : WordPressContent.mediaLink(podcast, title).strip() + cleaned;
  }

  /**
   * The addresses its subscribe buttons name ({@code https://name.substack.com/subscribe}), once a
   * button: the newsletter's own, mostly, though one may be a friend's recommended.
   */
  static List<String> subscribeSites(String html) {
    List<String> sites = new ArrayList<>();
    if (!html.contains(SUBSCRIBE)) {
      return sites;
    }
    for (Element link : Jsoup.parseBodyFragment(html).select(".button-wrapper a[href]")) {
      URI address = uri(link.attr("href"));
      if (address != null
          && address.getHost() != null
          && SUBSCRIBE.equals(address.getPath())
          && address.getScheme() != null
          && address.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
        sites.add(address.getScheme() + "://" + address.getHost());
      }
    }
    return sites;
  }

  /** A captioned picture as a figure: the picture, whole, and its caption. */
  private static void figure(Element container) {
    Element image = container.selectFirst("img[src]");
    if (image == null) {
      container.remove();
      return;
    }
    var figure = new Element("figure").appendChild(picture(image));
    Element caption = container.selectFirst("figcaption");
    if (caption != null && !caption.text().isBlank()) {
      figure.appendChild(new Element("figcaption").appendChildren(caption.childNodesCopy()));
    }
    container.replaceWith(figure);
  }

  private static Element picture(Element image) {
    return new Element("img")
        .attr("src", original(image.attr("src")))
        .attr("alt", image.attr("alt"));
  }

  /** A gallery's pictures, from its data, three a row, and its caption. */
  private static void gallery(Element embed) {
    JsonNode gallery;
    try {
      gallery = JSON.readTree(embed.attr("data-attrs")).path("gallery");
    } catch (JacksonException unreadable) {
      embed.remove();
      return;
    }
    List<String> addresses = new ArrayList<>();
    for (JsonNode image : gallery.path("images")) {
      String src = image.path("src").asString("");
      if (!src.isBlank()) {
        addresses.add(original(src));
      }
    }
    if (addresses.isEmpty()) {
      embed.remove();
      return;
    }
    var figure = new Element("figure").addClass("gallery");
    for (int at = 0; at < addresses.size(); at += GALLERY_ROW) {
      var row = figure.appendElement("p");
      for (String address : addresses.subList(at, Math.min(at + GALLERY_ROW, addresses.size()))) {
        row.appendElement("img").attr("src", address).attr("alt", "");
      }
    }
    String caption = gallery.path("caption").asString("");
    if (!caption.isBlank()) {
      figure.appendElement("figcaption").text(caption);
    }
    embed.replaceWith(figure);
  }

  /** The subscribe form as its words and a button to this blog's subscribe page. */
  private static void subscribe(Element form) {
    Element caption = form.selectFirst(".cta-caption, .preamble p");
    Element submit = form.selectFirst("input[type=submit]");
    String label = submit == null || submit.attr("value").isBlank() ? "Subscribe" : submit.val();
    var button = subscribeButton(label);
    form.replaceWith(button);
    if (caption != null && !caption.text().isBlank()) {
      button.before(new Element("p").text(caption.text()));
    }
  }

  /** A button: to the subscribe page here, gone when it shared or commented on Substack. */
  private static void button(Element wrapper) {
    Element link = wrapper.selectFirst("a[href]");
    if (link == null) {
      wrapper.remove();
      return;
    }
    String href = link.attr("href").strip();
    URI address = uri(href);
    String path = address == null ? "" : String.valueOf(address.getPath());
    String query = address == null ? "" : String.valueOf(address.getQuery());
    if (href.contains("%%checkout_url%%") || path.equals(SUBSCRIBE)) {
      wrapper.replaceWith(subscribeButton(link.text()));
    } else if (href.contains("%%") // Substack's placeholders: %%share_url%% and the like
        || query.contains("action=share")
        || path.endsWith("/comments")) {
      wrapper.remove();
    } else {
      wrapper.replaceWith(
          new Element("p")
              .addClass("button")
              .appendChild(new Element("a").attr("href", href).text(link.text())));
    }
  }

  private static Element subscribeButton(String label) {
    return new Element("p")
        .addClass("button")
        .appendChild(
            new Element("a")
                .attr("href", SUBSCRIBE)
                .text(label.isBlank() ? "Subscribe" : label.strip()));
  }

  /**
   * The picture's own address: the original the CDN's copy names, on Substack's current storage.
   */
  static String original(String src) {
    String address = src.strip();
    var copy = CDN_COPY.matcher(address);
    if (copy.matches()) {
      address = UriUtils.decode(copy.group(1), StandardCharsets.UTF_8);
    }
    return OLD_STORAGE
        .matcher(address)
        .replaceFirst("https://substack-post-media.s3.amazonaws.com/");
  }

  private static URI uri(String href) {
    try {
      return new URI(href.strip());
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
