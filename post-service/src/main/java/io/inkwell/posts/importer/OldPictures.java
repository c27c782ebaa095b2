package io.inkwell.posts.importer;

import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The pictures an imported post shows from its old blog's host (and its other files: what it plays,
 * what it links among the old blog's uploads), and its HTML once they are the blog's own. The HTML
 * is changed where it names them and nowhere else, so the author's markup stays as it was imported.
 *
 * <p>A picture inside a link to a larger one (Blogger puts every picture in a link to its full
 * size, {@code …/s1600/…} around {@code …/s320/…}; WordPress links a thumbnail to its file) is
 * copied at that larger size, which both then show: the blog's own pictures come with narrower
 * copies readers' browsers choose from, so a phone still loads a small one.
 */
final class OldPictures {

  /** The picture files browsers show, by the end of an address's path. */
  private static final Pattern PICTURE_FILE =
      Pattern.compile(".*\\.(jpe?g|png|gif|webp)$", Pattern.CASE_INSENSITIVE);

  /** The other files the blog keeps (post-service's FileType), by the end of an address's path. */
  private static final Pattern OTHER_FILE =
      Pattern.compile(
          ".*\\.(mp3|m4a|ogg|oga|opus|wav|flac|aac|mp4|m4v|webm|ogv|mov"
              + "|pdf|epub|zip|txt|csv|rtf|docx?|xlsx?|pptx?|odt|ods|odp)$",
          Pattern.CASE_INSENSITIVE);

  /**
   * Where blog platforms keep what their authors uploaded: WordPress's uploads (WordPress.com's on
   * {@code files.wordpress.com}), Ghost's files and media, Inkwell's files (another Inkwell's
   * export). A link to a file anywhere else is a link to someone else's, which stays theirs.
   */
  private static final Pattern UPLOADS =
      Pattern.compile(
          "/wp-content/uploads/.*|/content/(files|media)/.*|/api/files/[0-9a-f]{32}\\.[a-z0-9]+");

  private static final String WORDPRESS_COM_FILES = ".files.wordpress.com";

  /** Where Substack keeps its podcasts' episodes: {@code api.substack.com/feed/podcast/…}. */
  private static final String SUBSTACK_EPISODES = "api.substack.com/feed/podcast/";

  /** Where Blogger keeps its blogs' pictures, whose addresses name no file type. */
  private static final List<String> PICTURE_HOSTS =
      List.of(".bp.blogspot.com", ".googleusercontent.com");

  /** An {@code src} or {@code href} and its value, quoted either way. */
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(\\b(?:src|href)\\s*=\\s*)(?:\"([^\"]*)\"|'([^']*)')", Pattern.CASE_INSENSITIVE);

  private OldPictures() {}

  /**
   * One picture the post shows from elsewhere.
   *
   * @param shown its {@code src}, as a browser reads it
   * @param link the larger picture it links to, or null
   */
  record Picture(String shown, String link) {

    /** What to fetch, best first: the larger picture, then the one shown. */
    List<URI> sources() {
      var sources = new ArrayList<URI>();
      if (link != null) {
        address(link).ifPresent(sources::add);
      }
      address(shown).ifPresent(sources::add);
      return sources;
    }
  }

  /** The post's pictures on other hosts, each once, in the order the post shows them. */
  static List<Picture> in(String html) {
    if (html == null || !html.toLowerCase(Locale.ROOT).contains("<img")) {
      return List.of();
    }
    var pictures = new LinkedHashMap<String, Picture>();
    for (Element image : Jsoup.parseBodyFragment(html).select("img[src]")) {
      String shown = image.attr("src").strip();
      if (!isWeb(shown)) {
        continue;
      }
      Element link = image.closest("a[href]");
      String larger = link == null ? null : link.attr("href").strip();
      pictures.putIfAbsent(
          shown, new Picture(shown, larger != null && isPicture(larger) ? larger : null));
    }
    return List.copyOf(pictures.values());
  }

  /**
   * The post's other files on other hosts (audio, video, documents), each once, in the order the
   * post has them: what its players play ({@code audio}, {@code video} and their {@code source}s),
   * and what it links to among the old blog's uploads (WordPress's {@code /wp-content/uploads/},
   * Ghost's {@code /content/files/} and {@code /content/media/}, Inkwell's {@code /api/files/},
   * Substack's podcast episodes), not a link to another site's.
   */
  static List<String> files(String html) {
    String lower = html == null ? "" : html.toLowerCase(Locale.ROOT);
    if (!lower.contains("<audio") && !lower.contains("<video") && !lower.contains("<a")) {
      return List.of();
    }
    var files = new LinkedHashSet<String>();
    var post = Jsoup.parseBodyFragment(html);
    for (Element played :
        post.select("audio[src], video[src], audio source[src], video source[src]")) {
      String address = played.attr("src").strip();
      if (isWeb(address)) {
        files.add(address);
      }
    }
    for (Element link : post.select("a[href]")) {
      String address = link.attr("href").strip();
      if (isWeb(address) && isUpload(address)) {
        files.add(address);
      }
    }
    return List.copyOf(files);
  }

  /** Whether a link leads to a file the old blog's author uploaded, of a kind the blog keeps. */
  private static boolean isUpload(String address) {
    return address(address)
        .map(
            uri -> {
              String host = uri.getHost().toLowerCase(Locale.ROOT);
              String path = uri.getPath() == null ? "" : uri.getPath();
              return OTHER_FILE.matcher(path).matches()
                  && (UPLOADS.matcher(path).matches()
                      || host.endsWith(WORDPRESS_COM_FILES)
                      || (host + path).startsWith(SUBSTACK_EPISODES));
            })
        .orElse(false);
  }

  /**
   * The HTML with every {@code src} and {@code href} that names one of {@code moved}'s addresses
   * naming its new one instead.
   *
   * @param moved old addresses, as a browser reads them, to the blog's own
   */
  static String moved(String html, Map<String, String> moved) {
    if (moved.isEmpty()) {
      return html;
    }
    Matcher attribute = ADDRESS.matcher(html);
    var result = new StringBuilder(html.length());
    while (attribute.find()) {
      String raw = attribute.group(2) != null ? attribute.group(2) : attribute.group(3);
      String now = moved.get(Parser.unescapeEntities(raw, true).strip());
      String replacement = now == null ? attribute.group() : attribute.group(1) + '"' + now + '"';
      attribute.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    attribute.appendTail(result);
    return result.toString();
  }

  private static boolean isWeb(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("//");
  }

  /** Whether a link leads to a picture file rather than a page. */
  private static boolean isPicture(String address) {
    if (!isWeb(address)) {
      return false;
    }
    return address(address)
        .map(
            uri -> {
              String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
              String path = uri.getPath() == null ? "" : uri.getPath();
              return PICTURE_FILE.matcher(path).matches()
                  || PICTURE_HOSTS.stream().anyMatch(host::endsWith);
            })
        .orElse(false);
  }

  /**
   * The address as a URI to fetch: one written without its scheme ({@code //host/…}) over HTTPS,
   * spaces and letters outside ASCII encoded as a browser does.
   */
  static Optional<URI> address(String written) {
    String absolute = written.startsWith("//") ? "https:" + written : written;
    try {
      return Optional.of(new URI(absolute)).filter(uri -> uri.getHost() != null);
    } catch (URISyntaxException notStrict) {
      try {
        URL url = new URL(absolute);
        return Optional.of(
                new URI(
                    url.getProtocol(),
                    url.getUserInfo(),
                    url.getHost(),
                    url.getPort(),
                    url.getPath(),
                    url.getQuery(),
                    url.getRef()))
            .filter(uri -> uri.getHost() != null && !uri.getHost().isEmpty());
      } catch (MalformedURLException | URISyntaxException unreadable) {
        return Optional.empty();
      }
    }
  }
}
