package io.inkwell.posts.importer;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * An imported post's links to the old blog's own pages, made paths of this blog. The old blog may
 * be deleted after the move, or stay where it was (a {@code blogspot.com} address cannot follow the
 * blog), and a path leads to the imported page here, where the reader site redirects the old
 * address (as Ghost's migration tools rewrite them). Links to the old blog's files (its uploads,
 * which an import copies from there) and to other sites stay as they are.
 */
final class OwnLinks {

  /** A file rather than a page: an extension that is not a page's. */
  private static final Pattern FILE =
      Pattern.compile("\\.(?!(?:html?|php)$)[A-Za-z0-9]{1,5}$", Pattern.CASE_INSENSITIVE);

  /** Where WordPress keeps its files, which are no pages whatever their names. */
  private static final Pattern WORDPRESS_FILES = Pattern.compile("^/wp-(?:content|includes)/");

  private OwnLinks() {}

  /**
   * @param html an imported post's HTML
   * @param sites the old blog's addresses the export names ({@code https://notes.blogspot.com/});
   *     none when it names none (Google Takeout's Blogger export)
   * @param oldPaths the old addresses' paths of the export's posts and pages: where no site is
   *     named, a link to one of them at a {@code blogspot.com} address, which every Blogger blog
   *     has, is taken for one to the old blog (a path such as {@code /2011/05/nach-suzhou.html} is
   *     its own); one at its own domain then stays, as it cannot be told from another site's
   * @return the HTML with those links as paths here; the same HTML when none was changed
   */
  static String asPaths(String html, Collection<String> sites, Set<String> oldPaths) {
    Set<String> hosts = hostsOf(sites);
    if (hosts.isEmpty() && oldPaths.isEmpty()) {
      return html;
    }
    return asPaths(
        html,
        (host, address) ->
            hosts.isEmpty()
                ? host.endsWith(".blogspot.com") && oldPaths.contains(address.getPath())
                : hosts.contains(host) && isPage(pathOf(address)));
  }

  /**
   * Links to the imported posts' old addresses only, where the old blog's host is shared with
   * others' (Medium's {@code medium.com/@someone/…}): a link to another writer's page stays.
   *
   * @param sites the hosts the old addresses were at
   * @param oldPaths the paths of the imported posts' old addresses
   */
  static String knownAsPaths(String html, Collection<String> sites, Set<String> oldPaths) {
    Set<String> hosts = hostsOf(sites);
    if (hosts.isEmpty() || oldPaths.isEmpty()) {
      return html;
    }
    return asPaths(
        html, (host, address) -> hosts.contains(host) && oldPaths.contains(pathOf(address)));
  }

  private static String asPaths(String html, BiPredicate<String, URI> own) {
    if (html == null || html.isEmpty()) {
      return html;
    }
    var document = Jsoup.parseBodyFragment(html);
    document.outputSettings().prettyPrint(false);
    boolean changed = false;
    for (Element link : document.select("a[href]")) {
      URI address = uri(link.attr("href"));
      String host = address == null ? null : hostOf(address);
      if (host == null || address.getRawPath() == null) {
        continue;
      }
      if (own.test(host, address)) {
        link.attr(
            "href",
            pathOf(address)
                + (address.getRawQuery() == null ? "" : "?" + address.getRawQuery())
                + (address.getRawFragment() == null ? "" : "#" + address.getRawFragment()));
        changed = true;
      }
    }
    return changed ? document.body().html() : html;
  }

  private static Set<String> hostsOf(Collection<String> sites) {
    Set<String> hosts = new HashSet<>();
    for (String site : sites) {
      String host = hostOf(site);
      if (host != null) {
        hosts.add(host);
      }
    }
    return hosts;
  }

  private static String pathOf(URI address) {
    return address.getRawPath().isEmpty() ? "/" : address.getRawPath();
  }

  private static boolean isPage(String path) {
    return !WORDPRESS_FILES.matcher(path).find() && !FILE.matcher(path).find();
  }

  private static URI uri(String href) {
    try {
      return new URI(href.strip());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String hostOf(String site) {
    URI address = site == null ? null : uri(site);
    return address == null ? null : hostOf(address);
  }

  /**
   * The host of a web address, without {@code www.}, and a Blogger blog's without the country
   * Blogger once moved its readers to ({@code notes.blogspot.fr} is {@code notes.blogspot.com});
   * null for any other kind of address.
   */
  private static String hostOf(URI address) {
    String scheme = address.getScheme();
    if (address.getHost() == null
        || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))) {
      return null;
    }
    String host = address.getHost().toLowerCase(Locale.ROOT);
    host = host.startsWith("www.") ? host.substring(4) : host;
    int blogspot = host.indexOf(".blogspot.");
    return blogspot < 0 ? host : host.substring(0, blogspot) + ".blogspot.com";
  }
}
