package io.inkwell.posts.importer;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.impl.Atom10Parser;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jdom2.Element;
import org.jdom2.JDOMException;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads a Blogger export: an Atom feed whose entries are posts, pages, comments, settings and the
 * template. The older one, from Blogger's own "Back up content", tells them apart by their {@code
 * kind} category; the one Google Takeout makes ({@code Blogger/Blogs/<blog>/feed.atom}) by its own
 * elements ({@code blogger:type}, {@code blogger:status}, {@code blogger:filename}, {@code
 * blogger:parent}), which this reads as well. Doctypes are refused, so no external entity is ever
 * resolved.
 */
final class BloggerExport {

  private static final String KIND_SCHEME = "http://schemas.google.com/g/2005#kind";
  private static final String KIND_POST = "http://schemas.google.com/blogger/2008/kind#post";
  private static final String KIND_PAGE = "http://schemas.google.com/blogger/2008/kind#page";
  private static final String KIND_COMMENT = "http://schemas.google.com/blogger/2008/kind#comment";
  private static final String LABEL_SCHEME = "http://www.blogger.com/atom/ns#";

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  /** The roots of RSS and of Atom 0.3, which are feeds but no Blogger export. */
  private static final Set<String> OTHER_FEEDS = Set.of("rss", "RDF", "feed");

  private static final String NOT_READABLE = "This is not a readable Blogger export (Atom XML).";

  /** The namespace of Google Takeout's export, whose entries say what they are in elements. */
  private static final String TAKEOUT = "http://schemas.google.com/blogger/2018";

  /** Takeout's kinds of entry, as the older export's kind categories name them. */
  private static final Map<String, String> TAKEOUT_KINDS =
      Map.of("POST", KIND_POST, "PAGE", KIND_PAGE, "COMMENT", KIND_COMMENT);

  /**
   * Google Takeout's export file, {@code Takeout/Blogger/Blogs/<the blog>/feed.atom}, or one packed
   * again without its folder.
   */
  private static final Pattern TAKEOUT_FEED =
      Pattern.compile("(?:.*/)?([^/]+)/feed\\.atom|feed\\.atom");

  /** Blogger's own export file, {@code blog-03-14-2024.xml}, packed by its owner. */
  private static final Pattern EXPORT_FILE =
      Pattern.compile("(?!__MACOSX/)(?:.*/)?([^/]+)\\.xml", Pattern.CASE_INSENSITIVE);

  /**
   * A post of the export with its comments, oldest first.
   *
   * @param page one of the blog's pages (About, Contact: {@code /p/about.html}) rather than a post
   * @param scheduled waiting for its date on Blogger (Takeout's {@code SCHEDULED}); a draft too
   * @param searchDescription what the author wrote for search engines (Takeout's {@code
   *     blogger:metaDescription}), or null
   */
  record ExportedPost(
      String sourceId,
      boolean page,
      ExportedAuthor author,
      String title,
      String html,
      List<String> labels,
      Instant published,
      boolean draft,
      boolean scheduled,
      String permalinkPath,
      String searchDescription,
      List<ExportedComment> comments) {

    /** The same post with other HTML. */
    ExportedPost withHtml(String other) {
      return new ExportedPost(
          sourceId,
          page,
          author,
          title,
          other,
          labels,
          published,
          draft,
          scheduled,
          permalinkPath,
          searchDescription,
          comments);
    }
  }

  /**
   * Who wrote a post on Blogger.
   *
   * @param key what tells Blogger's authors apart: the profile address, or the name without one
   */
  record ExportedAuthor(String key, String name) {}

  /**
   * @param parentSourceId the Blogger id of the comment this one answers, in threaded comments
   */
  record ExportedComment(
      String sourceId, String parentSourceId, String authorName, String html, Instant published) {}

  private BloggerExport() {}

  /**
   * The export file in a zip archive: Google Takeout's, whose {@code feed.atom} in the folder of
   * each of the account's blogs under {@code Takeout/Blogger/Blogs/} is the export (its pictures,
   * themes and settings are not read), or an archive of the one file Blogger's own "Back up
   * content" gives.
   *
   * @param blog which blog's export, by its folder's name (or the file's, without {@code .xml}),
   *     needed when the archive holds several; null when not given
   */
  static List<ZipEntry> feedIn(ExportArchive archive, String blog) {
    Pattern export = TAKEOUT_FEED;
    List<ZipEntry> feeds = archive.entries(entry -> named(entry, TAKEOUT_FEED) != null);
    if (feeds.isEmpty()) {
      export = EXPORT_FILE;
      feeds = archive.entries(entry -> named(entry, EXPORT_FILE) != null);
    }
    if (feeds.isEmpty()) {
      throw new UnreadableImport(
          "This zip archive holds no Blogger export: Google Takeout's has"
              + " Takeout/Blogger/Blogs/<the blog>/feed.atom (a large download comes as several"
              + " archives, of which one has it).");
    }
    Map<String, ZipEntry> byBlog = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (ZipEntry feed : feeds) {
      byBlog.putIfAbsent(named(feed, export), feed);
    }
    if (blog != null && !blog.isBlank()) {
      ZipEntry chosen = byBlog.get(blog.strip());
      if (chosen == null) {
        throw new UnreadableImport(
            "This archive holds no blog named \""
                + blog.strip()
                + "\"; it holds "
                + String.join(", ", byBlog.keySet())
                + ".");
      }
      return List.of(chosen);
    }
    if (byBlog.size() > 1) {
      throw new UnreadableImport(
          "This archive holds "
              + byBlog.size()
              + " blogs ("
              + String.join(", ", byBlog.keySet())
              + "); say which one to import by its name.");
    }
    return List.copyOf(byBlog.values());
  }

  /** The blog's name the entry is the export of, by its path; null when it is no export file. */
  private static String named(ZipEntry entry, Pattern export) {
    Matcher file = export.matcher(entry.getName());
    if (entry.isDirectory() || !file.matches()) {
      return null;
    }
    return file.group(1) == null ? entry.getName() : file.group(1);
  }

  /**
   * The posts and pages of an export, each with its comments. The feed is read element by element
   * as its text arrives, ROME parsing each entry alone: what stays is what the posts and comments
   * hold, never the whole file and its tree at once.
   */
  static List<ExportedPost> read(Reader xml) {
    var posts = new LinkedHashMap<String, ExportedPost>();
    var comments = new ArrayList<Entry>();
    // the blog's address is its feed's link and its posts' (Takeout's export names none)
    var sites = new HashSet<String>();
    var entries = new EntryParser();
    try {
      XMLStreamReader feed = ExportFile.xml(xml);
      atomFeedAt(feed);
      ExportFile.eachChild(
          feed,
          element -> {
            if (!ATOM.equals(element.getNamespaceURI())) {
              return;
            }
            if ("link".equals(element.getName()) && isAlternate(element)) {
              sites.add(element.getAttributeValue("href"));
            } else if ("entry".equals(element.getName())) {
              Entry entry = entries.entry(element);
              entry.getAlternateLinks().forEach(link -> sites.add(link.getHref()));
              keep(entry, posts, comments);
            }
          });
    } catch (XMLStreamException | JDOMException | IllegalArgumentException e) {
      // JDOM's refusals of a name or a character are IllegalArgumentExceptions
      throw ExportFile.refusalIn(e, NOT_READABLE);
    }
    withCommentsOnTheirPosts(posts, comments);
    sites.remove(null);
    Set<String> oldPaths = new HashSet<>();
    posts.values().forEach(post -> oldPaths.add(post.permalinkPath()));
    oldPaths.remove(null);
    return posts.values().stream()
        .map(post -> post.withHtml(OwnLinks.asPaths(post.html(), sites, oldPaths)))
        .toList();
  }

  /** Moves the reader to the document's root, which has to be an Atom feed. */
  private static void atomFeedAt(XMLStreamReader feed) throws XMLStreamException {
    ExportFile.rootOf(feed, NOT_READABLE);
    if ("feed".equals(feed.getLocalName()) && ATOM.equals(feed.getNamespaceURI())) {
      return;
    }
    if (OTHER_FEEDS.contains(feed.getLocalName())) {
      throw new UnreadableImport("A Blogger export is an Atom feed; this is another kind of feed.");
    }
    throw new UnreadableImport(NOT_READABLE);
  }

  /** {@code <link rel="alternate" href="…"/>}, or a link with no {@code rel}, which is one. */
  private static boolean isAlternate(Element link) {
    String rel = link.getAttributeValue("rel");
    return rel == null || "alternate".equals(rel);
  }

  /** A post, a page or a comment of the blog kept; the rest (settings, the template) is not. */
  private static void keep(Entry entry, Map<String, ExportedPost> posts, List<Entry> comments) {
    String kind = kind(entry);
    if (trashed(entry)) {
      return;
    }
    boolean ours = KIND_POST.equals(kind) || KIND_PAGE.equals(kind) || KIND_COMMENT.equals(kind);
    if (ours && (entry.getId() == null || entry.getId().isBlank())) {
      // its id is what makes a second import of the file create nothing twice
      throw new UnreadableImport(
          "An entry of this file (\""
              + (entry.getTitle() == null ? "untitled" : entry.getTitle().strip())
              + "\") has no <id>; Blogger gives every post, page and comment one.");
    }
    if (KIND_POST.equals(kind) || KIND_PAGE.equals(kind)) {
      posts.put(entry.getId(), post(entry, KIND_PAGE.equals(kind)));
    } else if (KIND_COMMENT.equals(kind)) {
      comments.add(entry);
    }
  }

  /** Each comment under its post, oldest first, a threaded reply with its parent's id. */
  private static void withCommentsOnTheirPosts(
      Map<String, ExportedPost> posts, List<Entry> comments) {
    // A comment's id ends with ".post-<number>"; a threaded reply links to its parent by number,
    // or in Takeout's export by its id.
    Map<String, Entry> commentsByNumber = new LinkedHashMap<>();
    Map<String, Entry> commentsById = new LinkedHashMap<>();
    comments.forEach(comment -> commentsByNumber.put(number(comment.getId()), comment));
    comments.forEach(comment -> commentsById.put(comment.getId(), comment));
    for (Entry comment : comments) {
      String postId = inReplyTo(comment);
      ExportedPost post = postId == null ? null : posts.get(postId);
      if (post != null) {
        String answered = takeout(comment, "inReplyTo");
        Entry parent =
            answered == null
                ? commentsByNumber.get(parentNumber(comment))
                : commentsById.get(answered);
        boolean parentOnSamePost = parent != null && postId.equals(inReplyTo(parent));
        post.comments()
            .add(
                new ExportedComment(
                    comment.getId(),
                    parentOnSamePost ? parent.getId() : null,
                    commenter(comment),
                    html(comment),
                    instant(comment)));
      }
    }
    posts
        .values()
        .forEach(post -> post.comments().sort((a, b) -> a.published().compareTo(b.published())));
  }

  /** ROME's Atom parser, given one entry at a time (as WireFeedInput parses, in its locale). */
  private static final class EntryParser extends Atom10Parser {

    Entry entry(Element element) {
      return parseEntry(new Feed("atom_1.0"), element, null, Locale.US);
    }
  }

  private static ExportedPost post(Entry entry, boolean page) {
    boolean takeout = takeout(entry, "type") != null;
    List<String> labels =
        entry.getCategories().stream()
            // Takeout names its labels' scheme after the blog ("tag:blogger.com,1999:blog-…")
            .filter(
                category ->
                    LABEL_SCHEME.equals(category.getScheme())
                        || takeout && !KIND_SCHEME.equals(category.getScheme()))
            .map(Category::getTerm)
            .filter(term -> term != null && !term.isBlank())
            .toList();
    String permalink =
        entry.getAlternateLinks().stream()
            .map(Link::getHref)
            .filter(href -> href != null && !href.isBlank())
            .findFirst()
            .orElse(null);
    String filename = takeout(entry, "filename");
    String oldPath = pathOf(permalink);
    return new ExportedPost(
        entry.getId(),
        page,
        author(entry),
        title(entry, takeout),
        html(entry),
        labels,
        instant(entry),
        isDraft(entry),
        "SCHEDULED".equalsIgnoreCase(String.valueOf(takeout(entry, "status"))),
        oldPath != null ? oldPath : filename,
        takeout(entry, "metaDescription"),
        new ArrayList<>());
  }

  /** The path of a post's old address; none of one no URI can carry (a raw space). */
  private static String pathOf(String permalink) {
    if (permalink == null) {
      return null;
    }
    try {
      return new URI(permalink.strip()).getPath();
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /**
   * Takeout's titles are HTML, as Blogger keeps them ({@code Jo&#39;s trip}), where the older
   * export's are text.
   */
  private static String title(Entry entry, boolean takeout) {
    String title = entry.getTitle() == null ? "" : entry.getTitle();
    if (takeout) {
      title = HtmlUtils.htmlUnescape(title);
    }
    return title.isBlank() ? "Untitled" : title;
  }

  /** The name a comment was signed with; "Anonymous", as Blogger shows it, without one. */
  private static String commenter(Entry comment) {
    return comment.getAuthors().stream()
        .map(SyndPerson::getName)
        .filter(name -> name != null && !name.isBlank())
        .map(String::strip)
        .findFirst()
        .orElse("Anonymous");
  }

  /** {@code <author><name>Jo</name><uri>…/profile/123</uri></author>}; none when nameless. */
  private static ExportedAuthor author(Entry entry) {
    return entry.getAuthors().stream()
        .filter(person -> person.getName() != null && !person.getName().isBlank())
        .map(
            person ->
                new ExportedAuthor(
                    person.getUri() == null || person.getUri().isBlank()
                        ? person.getName().strip()
                        : person.getUri().strip(),
                    person.getName().strip()))
        .findFirst()
        .orElse(null);
  }

  private static String kind(Entry entry) {
    return entry.getCategories().stream()
        .filter(category -> KIND_SCHEME.equals(category.getScheme()))
        .map(Category::getTerm)
        .findFirst()
        .orElseGet(
            () ->
                TAKEOUT_KINDS.get(String.valueOf(takeout(entry, "type")).toUpperCase(Locale.ROOT)));
  }

  /**
   * The text of one of Takeout's own elements of an entry ({@code <blogger:filename>}), or null
   * when it has none or an empty one.
   */
  private static String takeout(Entry entry, String name) {
    for (Element element : entry.getForeignMarkup()) {
      if (name.equals(element.getName()) && TAKEOUT.equals(element.getNamespaceURI())) {
        String text = element.getTextTrim();
        return text.isEmpty() ? null : text;
      }
    }
    return null;
  }

  /**
   * Takeout's export keeps what the author deleted: in the trash ({@code
   * <blogger:status>SOFT_TRASHED</blogger:status>}, or the time it went there in {@code
   * <blogger:trashed>}), and comments not shown (spam, deleted), whose status is no {@code LIVE}.
   */
  private static boolean trashed(Entry entry) {
    String status = takeout(entry, "status");
    return takeout(entry, "trashed") != null
        || "SOFT_TRASHED".equalsIgnoreCase(String.valueOf(status))
        || KIND_COMMENT.equals(kind(entry)) && status != null && !"LIVE".equalsIgnoreCase(status);
  }

  private static String html(Entry entry) {
    return entry.getContents().stream().map(Content::getValue).findFirst().orElse("");
  }

  private static Instant instant(Entry entry) {
    return entry.getPublished() == null ? Instant.EPOCH : entry.getPublished().toInstant();
  }

  /**
   * {@code <app:control><app:draft>yes</app:draft></app:control>} marks a draft, and in Takeout's
   * export any status but {@code LIVE} (a scheduled post is scheduled here while its date is
   * ahead).
   */
  private static boolean isDraft(Entry entry) {
    String status = takeout(entry, "status");
    if (status != null) {
      return !"LIVE".equalsIgnoreCase(status);
    }
    for (Element element : entry.getForeignMarkup()) {
      if ("control".equals(element.getName())) {
        for (Element child : element.getChildren()) {
          if ("draft".equals(child.getName()) && "yes".equalsIgnoreCase(child.getTextTrim())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The number at the end of a Blogger id or feed address ({@code ….post-9001}, {@code …/9001}).
   */
  private static String number(String id) {
    if (id == null) {
      return null;
    }
    int cut = Math.max(id.lastIndexOf('/'), id.lastIndexOf('-'));
    return id.substring(cut + 1);
  }

  /**
   * Blogger's threaded comments: {@code <link rel="related" href="…/comments/default/<parent
   * number>"/>} names the comment a reply answers.
   */
  private static String parentNumber(Entry comment) {
    return comment.getOtherLinks().stream()
        .filter(link -> "related".equals(link.getRel()) && link.getHref() != null)
        .map(link -> number(link.getHref()))
        .findFirst()
        .orElse(null);
  }

  /**
   * {@code <thr:in-reply-to ref="...post id..."/>} names the post a comment belongs to, and
   * Takeout's {@code <blogger:parent>}.
   */
  private static String inReplyTo(Entry entry) {
    for (Element element : entry.getForeignMarkup()) {
      if ("in-reply-to".equals(element.getName())) {
        return element.getAttributeValue("ref");
      }
    }
    return takeout(entry, "parent");
  }
}
