package io.inkwell.posts.importer;

import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PostEvent.ImportedComment;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.jdom2.input.StAXStreamBuilder;
import org.jsoup.Jsoup;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriUtils;

/**
 * Reads a WordPress export (Tools → Export: WXR, an RSS feed whose items carry WordPress's own
 * {@code wp:} elements): posts and pages with their dates, categories and tags, bylines, drafts,
 * sticky posts, scheduled posts, comment settings, approved comments with their threads, featured
 * images (as the first picture of the body), and the search title, description and canonical
 * address Yoast SEO kept. Attachments, menus, revisions, trashed posts and comments that were never
 * approved stay behind. A post kept behind a password there, which this blog has no way to keep
 * from readers, comes in as a draft, as private ones do, for its author to decide on. The file is
 * read item by item as it arrives, and what is not imported is dropped as it passes. Doctypes are
 * refused, so no external entity is ever resolved.
 */
final class WordPressExport {

  private static final String WP = "http://wordpress.org/export/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Set<String> PUBLISHED = Set.of("publish");
  private static final Set<String> KEPT_AS_DRAFTS = Set.of("draft", "pending", "future", "private");
  private static final Set<String> TAXONOMIES = Set.of("category", "post_tag");
  private static final int LONGEST_EXCERPT = 1_000;

  /**
   * The keys of the postmeta read ({@link #meta}); an item's other postmeta (plugins' settings and
   * caches, an upload's sizes) is dropped as the file is read.
   */
  private static final Set<String> META_READ =
      Set.of(
          "_wp_attachment_image_alt",
          "_thumbnail_id",
          "enclosure",
          MetaTags.YOAST_TITLE,
          MetaTags.YOAST_DESCRIPTION,
          MetaTags.YOAST_CANONICAL);

  private static final String NOT_READABLE = "This is not a readable WordPress export (WXR XML).";
  private static final String NOT_WXR =
      "A WordPress export is an RSS feed with WordPress's own elements (WXR); this is something else.";

  private WordPressExport() {}

  /**
   * The export files in the zip archive WordPress.com gives: its {@code .xml} files, one, or
   * several for a large site, in the order of their names.
   */
  static List<ZipEntry> filesIn(ExportArchive archive) {
    return archive.exportFiles(
        ".xml",
        "This zip archive holds no WordPress export: WordPress.com's has the site's .xml file.");
  }

  static List<ImportedPost> read(Reader xml) {
    Element channel = channel(xml);
    String site =
        firstNonBlank(
            wp(channel, "base_blog_url"),
            wp(channel, "base_site_url"),
            channel.getChildTextTrim("link"));
    if (site == null) {
      throw new UnreadableImport("This WordPress export does not say which site it is from.");
    }
    Map<String, String> names = new HashMap<>();
    for (Element author : children(channel, WP, "author")) {
      names.put(
          wp(author, "author_login"),
          firstNonBlank(wp(author, "author_display_name"), wp(author, "author_login")));
    }
    Map<String, WordPressContent.Picture> pictures = new HashMap<>();
    // each post's own pictures (uploaded to it), in their order, which a [gallery] without ids
    // shows
    Map<String, List<Element>> uploadedTo = new HashMap<>();
    for (Element item : channel.getChildren("item")) {
      if (isAttachment(item)) {
        String url = wp(item, "attachment_url");
        pictures.put(
            wp(item, "post_id"),
            new WordPressContent.Picture(
                url, Objects.requireNonNullElse(meta(item, "_wp_attachment_image_alt"), "")));
        if (PICTURE_FILE.matcher(url).find()) {
          uploadedTo
              .computeIfAbsent(String.valueOf(wp(item, "post_parent")), parent -> new ArrayList<>())
              .add(item);
        }
      }
    }
    Map<String, List<String>> ownPictures = new HashMap<>();
    uploadedTo.forEach(
        (parent, items) ->
            ownPictures.put(
                parent,
                items.stream()
                    .sorted(Comparator.comparingInt(item -> number(wp(item, "menu_order"))))
                    .map(item -> wp(item, "post_id"))
                    .toList()));
    List<ImportedPost> posts = new ArrayList<>();
    for (Element item : channel.getChildren("item")) {
      if (isImported(item)) {
        var library =
            new WordPressContent.Library(
                pictures, ownPictures.getOrDefault(wp(item, "post_id"), List.of()));
        boolean locked = !Objects.requireNonNullElse(wp(item, "post_password"), "").isBlank();
        posts.add(post(site, item, names, library, PUBLISHED.contains(wp(item, "status")), locked));
      }
    }
    // links to the blog's own pages as paths here, where the old addresses redirect
    Set<String> oldPaths = new HashSet<>();
    posts.forEach(post -> oldPaths.add(post.permalinkPath()));
    oldPaths.remove(null);
    return posts.stream()
        .map(post -> post.withHtml(OwnLinks.asPaths(post.html(), List.of(site), oldPaths)))
        .toList();
  }

  /**
   * The export's channel with what is read of it: its own elements (the site's address, its
   * authors), the posts and pages imported and the attachments, read item by item as the text
   * arrives. Other items (menus, trashed posts, other kinds of content) and postmeta not read are
   * dropped as they pass, so memory holds what is imported and never the whole file.
   */
  private static Element channel(Reader xml) {
    var channel = new Element("channel");
    try {
      XMLStreamReader rss = ExportFile.xml(xml);
      ExportFile.rootOf(rss, NOT_READABLE);
      if (!"rss".equals(rss.getLocalName())) {
        throw new UnreadableImport(NOT_WXR);
      }
      channelAt(rss);
      ExportFile.eachChild(
          rss,
          element -> {
            if (!"item".equals(element.getName())) {
              channel.addContent(element);
            } else if (isImported(element) || isAttachment(element)) {
              element
                  .getChildren()
                  .removeIf(
                      child ->
                          "postmeta".equals(child.getName())
                              && !META_READ.contains(wp(child, "meta_key")));
              channel.addContent(element);
            }
          });
    } catch (XMLStreamException | JDOMException | IllegalArgumentException e) {
      // JDOM's refusals of a name or a character are IllegalArgumentExceptions
      throw ExportFile.refusalIn(e, NOT_READABLE);
    }
    if (wp(channel, "wxr_version") == null) {
      throw new UnreadableImport(NOT_WXR);
    }
    return channel;
  }

  /**
   * Moves the reader into the feed's {@code <channel>}, past the elements before it; a feed without
   * one is no WordPress export.
   */
  private static void channelAt(XMLStreamReader rss) throws XMLStreamException, JDOMException {
    var elements = new StAXStreamBuilder();
    for (int event = rss.next(); event != XMLStreamConstants.END_ELEMENT; ) {
      if (event != XMLStreamConstants.START_ELEMENT) {
        event = rss.next();
      } else if ("channel".equals(rss.getLocalName())
          && Objects.requireNonNullElse(rss.getNamespaceURI(), "").isEmpty()) {
        return;
      } else {
        elements.fragment(rss);
        event = rss.getEventType();
      }
    }
    throw new UnreadableImport(NOT_WXR);
  }

  /** A post or a page imported: published there, or one kept here as a draft. */
  private static boolean isImported(Element item) {
    String type = wp(item, "post_type");
    String status = String.valueOf(wp(item, "status"));
    return ("post".equals(type) || "page".equals(type))
        && (PUBLISHED.contains(status) || KEPT_AS_DRAFTS.contains(status))
        && wp(item, "post_id") != null;
  }

  /** An uploaded file with its address, which a post's gallery or featured image may show. */
  private static boolean isAttachment(Element item) {
    String url = wp(item, "attachment_url");
    return "attachment".equals(wp(item, "post_type")) && url != null && !url.isBlank();
  }

  /** An attachment's file that is a picture, which a gallery shows. */
  private static final Pattern PICTURE_FILE =
      Pattern.compile("\\.(?:jpe?g|png|gif|webp|avif)(?:[?#].*)?$", Pattern.CASE_INSENSITIVE);

  private static int number(String text) {
    try {
      return Integer.parseInt(String.valueOf(text).strip());
    } catch (NumberFormatException none) {
      return 0;
    }
  }

  private static ImportedPost post(
      String site,
      Element item,
      Map<String, String> names,
      WordPressContent.Library library,
      boolean publishedThere,
      boolean locked) {
    boolean published = publishedThere && !locked;
    String login = text(item, DC, "creator");
    String excerpt =
        item.getChildren().stream()
            .filter(
                child ->
                    "encoded".equals(child.getName())
                        && child.getNamespaceURI().endsWith("/excerpt/"))
            .map(Element::getText)
            .findFirst()
            .map(html -> Jsoup.parse(html).text())
            // as long as an author may write one here; a longer one is derived from the body
            .filter(text -> text.length() <= LONGEST_EXCERPT)
            .orElse(null);
    String body =
        withEpisode(
            WordPressContent.html(
                Objects.requireNonNullElse(text(item, CONTENT, "encoded"), ""), library),
            meta(item, "enclosure"));
    WordPressContent.Picture featured = library.pictures().get(meta(item, "_thumbnail_id"));
    boolean headed = featured != null && !body.contains(featured.url());
    return new ImportedPost(
        ImportIds.of("wordpress", site + "#post-" + wp(item, "post_id")),
        login == null
            ? null
            : new Author(
                ImportIds.of("wordpress", site + "#author-" + login),
                names.getOrDefault(login, login)),
        firstNonBlank(item.getChildTextTrim("title"), "Untitled"),
        name(wp(item, "post_name")),
        headed ? withFeaturedImage(body, featured) : body,
        excerpt,
        labels(item),
        published(item),
        published,
        "future".equals(wp(item, "status")) && !locked,
        path(item.getChildTextTrim("link")),
        "open".equals(wp(item, "comment_status")),
        "page".equals(wp(item, "post_type")),
        "1".equals(wp(item, "is_sticky")),
        published ? comments(site, item) : List.of(),
        MetaTags.imported(
            meta(item, MetaTags.YOAST_TITLE),
            meta(item, MetaTags.YOAST_DESCRIPTION),
            meta(item, MetaTags.YOAST_CANONICAL)),
        headed ? featured.url() : null,
        labelSlugs(item));
  }

  /**
   * The post's HTML headed by its featured image, which WordPress themes show above the post: a
   * cover here is one of the blog's own pictures, and the old blog's stays where it is, so it comes
   * in as the body's first picture (the post's cover once it is copied to the blog), unless the
   * body shows it already.
   */
  private static String withFeaturedImage(String html, WordPressContent.Picture featured) {
    return "<figure><img src=\""
        + HtmlUtils.htmlEscape(featured.url())
        + "\" alt=\""
        + HtmlUtils.htmlEscape(featured.alt())
        + "\"></figure>"
        + html;
  }

  /**
   * The post's HTML with its episode at the end, where WordPress keeps it apart from the text: the
   * {@code enclosure} field WordPress writes for a post's audio or video and PowerPress for a
   * podcast's episode (its address, length and type on their own lines, then PowerPress's
   * settings), which their feeds carry. A body that links the file already keeps it where it is.
   */
  private static String withEpisode(String html, String enclosure) {
    if (enclosure == null) {
      return html;
    }
    String url = enclosure.strip().split("\\s", 2)[0];
    if (!url.matches("(?i)https?://\\S+")
        || html.contains(url)
        || html.contains(HtmlUtils.htmlEscape(url))) {
      return html;
    }
    return html + WordPressContent.mediaLink(url);
  }

  /** The value of one of the item's {@code wp:postmeta} by its key, or null. */
  private static String meta(Element item, String key) {
    if (!META_READ.contains(key)) {
      throw new IllegalArgumentException(key + " is dropped as the file is read: see META_READ");
    }
    return children(item, WP, "postmeta").stream()
        .filter(meta -> key.equals(wp(meta, "meta_key")))
        .map(meta -> wp(meta, "meta_value"))
        .findFirst()
        .orElse(null);
  }

  /** Categories and tags both become tags; WordPress's default "Uncategorized" is no tag. */
  private static List<String> labels(Element item) {
    return item.getChildren("category").stream()
        .filter(
            category -> TAXONOMIES.contains(String.valueOf(category.getAttributeValue("domain"))))
        .filter(category -> !"uncategorized".equals(category.getAttributeValue("nicename")))
        .map(Element::getTextTrim)
        .filter(name -> !name.isEmpty())
        .toList();
  }

  /** Each label's slug on the old blog (its {@code nicename}), where its tag page was. */
  private static Map<String, String> labelSlugs(Element item) {
    Map<String, String> slugs = new HashMap<>();
    for (Element category : item.getChildren("category")) {
      String slug = category.getAttributeValue("nicename");
      if (TAXONOMIES.contains(String.valueOf(category.getAttributeValue("domain")))
          && slug != null
          && !slug.isBlank()
          && !category.getTextTrim().isEmpty()) {
        slugs.putIfAbsent(category.getTextTrim(), slug.strip());
      }
    }
    return slugs;
  }

  /**
   * The approved comments (no pingbacks), oldest first; a reply to one left behind is top-level.
   */
  private static List<ImportedComment> comments(String site, Element item) {
    record Read(String number, String parent, ImportedComment comment) {}
    List<Read> approved = new ArrayList<>();
    for (Element comment : children(item, WP, "comment")) {
      String type = wp(comment, "comment_type");
      String number = wp(comment, "comment_id");
      String body = wp(comment, "comment_content");
      if ("1".equals(wp(comment, "comment_approved"))
          && (type == null || type.isEmpty() || "comment".equals(type))
          && number != null
          && body != null) {
        approved.add(
            new Read(
                number,
                wp(comment, "comment_parent"),
                new ImportedComment(
                    ImportIds.of("wordpress", site + "#comment-" + number),
                    null,
                    firstNonBlank(wp(comment, "comment_author"), "Anonymous"),
                    WordPressContent.html(body),
                    firstDate(wp(comment, "comment_date_gmt"), wp(comment, "comment_date")))));
      }
    }
    Map<String, String> ids = new HashMap<>();
    approved.forEach(read -> ids.put(read.number(), read.comment().id()));
    return approved.stream()
        .map(
            read -> {
              var c = read.comment();
              return new ImportedComment(
                  c.id(), ids.get(read.parent()), c.authorName(), c.body(), c.postedAt());
            })
        .sorted(
            Comparator.comparing(
                ImportedComment::postedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .toList();
  }

  /** In UTC where WordPress kept it (drafts have none), else the RSS date, else the blog's time. */
  private static Instant published(Element item) {
    Instant gmt = firstDate(wp(item, "post_date_gmt"), null);
    if (gmt != null) {
      return gmt;
    }
    try {
      String rss = item.getChildTextTrim("pubDate");
      if (rss != null) {
        return ZonedDateTime.parse(rss, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      }
    } catch (DateTimeParseException e) {
      // drafts carry "-0001" years
    }
    return firstDate(wp(item, "post_date"), null);
  }

  private static Instant firstDate(String utc, String local) {
    for (String value : new String[] {utc, local}) {
      if (value != null && !value.startsWith("0000")) {
        try {
          return LocalDateTime.parse(value, WP_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
          // try the next
        }
      }
    }
    return null;
  }

  /** WordPress keeps non-ASCII names percent-encoded ("%e6%97%a5"). */
  private static String name(String postName) {
    if (postName == null || postName.isBlank()) {
      return null;
    }
    try {
      return UriUtils.decode(postName, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return postName;
    }
  }

  /** The address on the old site, path and query ("/2019/05/14/hello/", "/?p=12"). */
  private static String path(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      URI uri = new URI(link.strip());
      if (uri.getPath() == null) {
        return null;
      }
      String path = uri.getPath().isEmpty() ? "/" : uri.getPath();
      return uri.getQuery() == null ? path : path + "?" + uri.getQuery();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static String wp(Element parent, String name) {
    return text(parent, WP, name);
  }

  private static String text(Element parent, String namespace, String name) {
    return children(parent, namespace, name).stream()
        .map(Element::getText)
        .map(String::strip)
        .findFirst()
        .orElse(null);
  }

  /** WXR 1.0, 1.1 and 1.2 differ in their namespace's version: any of them is read. */
  private static List<Element> children(Element parent, String namespace, String name) {
    return parent.getChildren().stream()
        .filter(child -> name.equals(child.getName()))
        .filter(
            child ->
                child.getNamespaceURI().equals(namespace)
                    || (WP.equals(namespace)
                        && child.getNamespaceURI().startsWith(WP)
                        && !child.getNamespaceURI().endsWith("/excerpt/")))
        .toList();
  }

  private static String firstNonBlank(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }
}
