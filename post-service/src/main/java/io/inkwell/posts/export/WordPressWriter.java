package io.inkwell.posts.export;

import io.inkwell.posts.file.BlogFile;
import io.inkwell.posts.post.AbsoluteAddresses;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PictureSizes;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.Slugs;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jsoup.Jsoup;

/**
 * Writes a blog as WordPress exports one (Tools → Export: WXR 1.2, an RSS feed with WordPress's own
 * elements), one post at a time, so that a blog of any size streams out in little memory. WordPress
 * (Tools → Import), Ghost's and most other platforms' importers read it, and so does Inkwell's own.
 * Of WordPress's two date fields, {@code post_date} is in the blog's time zone, as WordPress keeps
 * it, and {@code post_date_gmt} in UTC.
 */
final class WordPressWriter implements AutoCloseable {

  static final String WP = "http://wordpress.org/export/1.2/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  /** WordPress's date in the blog's zone. */
  private final DateTimeFormatter localDate;

  private static final String NO_DATE = "0000-00-00 00:00:00";

  /** The meta key of each item's post id here. */
  static final String INKWELL_ID = "_inkwell_id";

  /** WordPress's meta keys of a post's featured image and of a picture's alt text. */
  static final String THUMBNAIL = "_thumbnail_id";

  static final String IMAGE_ALT = "_wp_attachment_image_alt";

  /** The pictures and files written already, as attachments of the first post that names them. */
  private final Set<String> written = new HashSet<>();

  /** What XML 1.0 cannot carry at all (C0 controls but tab, newline and return; FFFE, FFFF). */
  private static final Pattern NOT_XML =
      Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");

  /** The blog as a whole: the channel's head. */
  record Blog(
      String title,
      String description,
      String language,
      ZoneId zone,
      String url,
      Instant exportedAt) {}

  /**
   * A byline: WordPress knows authors by a login name, which each item's {@code dc:creator} names.
   */
  record Author(long number, String login, String displayName) {}

  /** A tag, with its WordPress slug ("nicename") and what the blog says about it. */
  record Tag(long number, String name, String slug, String description) {}

  /** The audio or video a post plays first, its episode: its whole address, size and type. */
  record Enclosure(String url, long length, String type) {}

  private final XMLStreamWriter xml;
  private final Blog blog;

  WordPressWriter(OutputStream out, Blog blog) {
    this.blog = blog;
    localDate = WP_DATE.withZone(blog.zone());
    try {
      xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      xml.writeStartElement("rss");
      xml.writeAttribute("version", "2.0");
      xml.writeNamespace("excerpt", EXCERPT);
      xml.writeNamespace("content", CONTENT);
      xml.writeNamespace("dc", DC);
      xml.writeNamespace("wp", WP);
      xml.writeStartElement("channel");
      element("title", blog.title());
      element("link", blog.url());
      element("description", blog.description() == null ? "" : blog.description());
      element("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(utc(blog.exportedAt())));
      element("language", blog.language());
      wp("wxr_version", "1.2");
      wp("base_site_url", blog.url());
      wp("base_blog_url", blog.url());
    } catch (XMLStreamException e) {
      throw new ExportFailed(e);
    }
  }

  void author(Author author) {
    write(
        () -> {
          xml.writeStartElement("wp", "author", WP);
          wp("author_id", Long.toString(author.number()));
          wpData("author_login", author.login());
          // staff addresses stay inside the platform
          wpData("author_email", "");
          wpData("author_display_name", author.displayName());
          wpData("author_first_name", "");
          wpData("author_last_name", "");
          xml.writeEndElement();
        });
  }

  void tag(Tag tag) {
    write(
        () -> {
          xml.writeStartElement("wp", "tag", WP);
          wp("term_id", Long.toString(tag.number()));
          wpData("tag_slug", tag.slug());
          wpData("tag_name", tag.name());
          if (tag.description() != null) {
            wpData("tag_description", tag.description());
          }
          xml.writeEndElement();
        });
  }

  /**
   * One post or page; deleted ones are not the blog's any more and are not written.
   *
   * @param url where readers find it
   * @param logins each author id's login
   * @param tagSlugs each tag's slug
   * @param tagNames the names of the tags that have one of their own ("WPC" for "wpc")
   * @param episode what the post plays first, or null
   */
  void post(
      Post post,
      String url,
      Map<String, String> logins,
      Map<String, String> tagSlugs,
      Map<String, String> tagNames,
      Enclosure episode) {
    if (post.status() == PostStatus.DELETED) {
      return;
    }
    write(
        () -> {
          Instant date = dateOf(post);
          // a draft has no date; a trashed post has the one it was published with, if any
          boolean dated =
              post.status() == PostStatus.TRASHED
                  ? post.publishedAt() != null
                  : post.status() != PostStatus.DRAFT;
          xml.writeStartElement("item");
          data("title", post.title());
          element("link", url);
          if (dated) {
            element("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(utc(date)));
          }
          xml.writeStartElement("dc", "creator", DC);
          cdata(post.author() == null ? "" : logins.getOrDefault(post.author().id(), ""));
          xml.writeEndElement();
          xml.writeStartElement("guid");
          xml.writeAttribute("isPermaLink", "false");
          xml.writeCharacters(url);
          xml.writeEndElement();
          element("description", "");
          // read on another site: its links and pictures lead back here
          String html = AbsoluteAddresses.of(post.bodyHtml(), url);
          xml.writeStartElement("content", "encoded", CONTENT);
          cdata(html);
          xml.writeEndElement();
          // WordPress's excerpt is the author's own; it takes the first words itself
          xml.writeStartElement("excerpt", "encoded", EXCERPT);
          cdata(post.customExcerpt() == null ? "" : post.customExcerpt());
          xml.writeEndElement();
          wp("post_id", Long.toString(numberOf(post.id())));
          wpData("post_date", localDate.format(date));
          wpData("post_date_gmt", dated ? WP_DATE.format(date) : NO_DATE);
          wpData("post_modified", localDate.format(post.updatedAt()));
          wpData("post_modified_gmt", WP_DATE.format(post.updatedAt()));
          wpData("comment_status", post.commentsOpen() ? "open" : "closed");
          wpData("ping_status", "closed");
          // a post in the trash by the address it gave up, as WordPress's desired slug
          wpData("post_name", post.trashedSlug() != null ? post.trashedSlug() : post.slug());
          wpData("status", statusOf(post.status()));
          wp("post_parent", "0");
          wp("menu_order", "0");
          wpData("post_type", post.page() ? "page" : "post");
          wpData("post_password", "");
          wp("is_sticky", post.featured() ? "1" : "0");
          // Inkwell's own id, for whoever adds the post's comments (WordPress hides "_" keys)
          postmeta(INKWELL_ID, post.id());
          // what search engines are shown, where Yoast SEO (and Inkwell's import) reads it
          postmeta(MetaTags.YOAST_TITLE, post.metaTags().title());
          postmeta(MetaTags.YOAST_DESCRIPTION, post.metaTags().description());
          postmeta(MetaTags.YOAST_CANONICAL, post.metaTags().canonicalUrl());
          // where WordPress keeps a post's audio or video for its feed (and PowerPress an episode)
          if (episode != null) {
            postmeta(
                "enclosure",
                episode.url() + "\n" + episode.length() + "\n" + episode.type() + "\n");
          }
          // WordPress's featured image is an attachment of the post's, written after it
          if (post.cover() != null) {
            postmeta(THUMBNAIL, Long.toString(pictureNumber(post.cover().image())));
          }
          for (String tag : post.tags()) {
            xml.writeStartElement("category");
            xml.writeAttribute("domain", "post_tag");
            xml.writeAttribute("nicename", tagSlugs.getOrDefault(tag, tag));
            cdata(tagNames.getOrDefault(tag, tag));
            xml.writeEndElement();
          }
          xml.writeEndElement();
          int order = 0;
          for (Attachment attachment : attachmentsOf(post, html)) {
            if (written.add(attachment.key())) {
              attachment(attachment, post, order++, logins);
            }
          }
        });
  }

  /**
   * One of the blog's pictures or files a post shows, plays or links, as WordPress's attachment of
   * it: WordPress's importer ("Download and import file attachments") fetches the file from {@code
   * attachment_url} and puts its new address wherever the posts named this one.
   *
   * @param key the picture's or file's id, with what it is
   * @param title what the Media library calls it: a picture's id, the words that link a file
   * @param alt a picture's alternative text
   */
  private record Attachment(String key, String title, String url, String alt) {

    static Attachment picture(String id, String url, String alt) {
      return new Attachment("picture:" + id, id, url, alt);
    }

    long number() {
      return numberOf(key);
    }
  }

  /**
   * The blog's own pictures a post shows, its cover first, then the files (audio, video, documents)
   * it plays or links, each once.
   */
  private List<Attachment> attachmentsOf(Post post, String absoluteHtml) {
    var attachments = new LinkedHashMap<String, Attachment>();
    String own = blog.url() + PictureSizes.PATH;
    if (post.cover() != null) {
      var cover =
          Attachment.picture(
              post.cover().image(), blog.url() + post.cover().url(), post.cover().alt());
      attachments.put(cover.key(), cover);
    }
    var body = Jsoup.parseBodyFragment(absoluteHtml);
    for (var image : body.select("img[src]")) {
      String src = image.attr("src");
      if (src.startsWith(own)) {
        String id = PictureSizes.idIn(src, blog.url());
        var picture = Attachment.picture(id, own + id, image.attr("alt"));
        attachments.putIfAbsent(picture.key(), picture);
      }
    }
    String files = blog.url() + BlogFile.PATH;
    // a player's caption is a link to what it plays
    for (var link : body.select("a[href]")) {
      String href = link.attr("href");
      String id = href.startsWith(files) ? href.substring(files.length()) : "";
      if (id.matches("[0-9a-f]{32}\\.[a-z0-9]+")) {
        String words = link.text().isBlank() ? id : link.text();
        attachments.putIfAbsent("file:" + id, new Attachment("file:" + id, words, href, null));
      }
    }
    return List.copyOf(attachments.values());
  }

  /** The attachment of a picture or a file to the first post that shows, plays or links it. */
  private void attachment(Attachment attachment, Post parent, int order, Map<String, String> logins)
      throws XMLStreamException {
    Instant date = dateOf(parent);
    xml.writeStartElement("item");
    data("title", attachment.title());
    element("link", attachment.url());
    xml.writeStartElement("dc", "creator", DC);
    cdata(parent.author() == null ? "" : logins.getOrDefault(parent.author().id(), ""));
    xml.writeEndElement();
    xml.writeStartElement("guid");
    xml.writeAttribute("isPermaLink", "false");
    xml.writeCharacters(attachment.url());
    xml.writeEndElement();
    element("description", "");
    xml.writeStartElement("content", "encoded", CONTENT);
    cdata("");
    xml.writeEndElement();
    xml.writeStartElement("excerpt", "encoded", EXCERPT);
    cdata("");
    xml.writeEndElement();
    wp("post_id", Long.toString(attachment.number()));
    wpData("post_date", localDate.format(date));
    wpData("post_date_gmt", WP_DATE.format(date));
    wpData("comment_status", "closed");
    wpData("ping_status", "closed");
    wpData("post_name", Slugs.fromTitle(attachment.title()));
    wpData("status", "inherit");
    wp("post_parent", Long.toString(numberOf(parent.id())));
    wp("menu_order", Integer.toString(order));
    wpData("post_type", "attachment");
    wpData("post_password", "");
    wp("is_sticky", "0");
    wpData("attachment_url", attachment.url());
    postmeta(IMAGE_ALT, attachment.alt());
    xml.writeEndElement();
  }

  /** A picture's attachment number, as stable as a post's and apart from theirs. */
  static long pictureNumber(String pictureId) {
    return numberOf("picture:" + pictureId);
  }

  @Override
  public void close() {
    write(
        () -> {
          xml.writeEndElement();
          xml.writeEndElement();
          xml.writeEndDocument();
          xml.flush();
        });
  }

  /**
   * A stable number for a post, as WordPress numbers its posts: the same post has the same number
   * in every export (53 bits of a hash of its id: a collision is as likely as none in a billion
   * blogs of ten thousand posts).
   */
  static long numberOf(String id) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      long number = 0;
      for (int i = 0; i < 8; i++) {
        number = (number << 8) | (hash[i] & 0xFF);
      }
      return (number >>> 11) + 1;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  private static Instant dateOf(Post post) {
    return switch (post.status()) {
      case PUBLISHED -> post.publishedAt();
      case SCHEDULED -> post.publishAt();
      case TRASHED -> post.publishedAt() != null ? post.publishedAt() : post.updatedAt();
      default -> post.updatedAt();
    };
  }

  private static String statusOf(PostStatus status) {
    return switch (status) {
      case PUBLISHED -> "publish";
      case SCHEDULED -> "future";
      case TRASHED -> "trash";
      default -> "draft";
    };
  }

  private static java.time.ZonedDateTime utc(Instant instant) {
    return instant.atZone(ZoneOffset.UTC);
  }

  private void element(String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    xml.writeCharacters(clean(text));
    xml.writeEndElement();
  }

  private void data(String name, String text) throws XMLStreamException {
    xml.writeStartElement(name);
    cdata(text);
    xml.writeEndElement();
  }

  private void wp(String name, String text) throws XMLStreamException {
    xml.writeStartElement("wp", name, WP);
    xml.writeCharacters(clean(text));
    xml.writeEndElement();
  }

  /** One {@code wp:postmeta} of an item, when it has a value. */
  private void postmeta(String key, String value) throws XMLStreamException {
    if (value == null) {
      return;
    }
    xml.writeStartElement("wp", "postmeta", WP);
    wpData("meta_key", key);
    wpData("meta_value", value);
    xml.writeEndElement();
  }

  private void wpData(String name, String text) throws XMLStreamException {
    xml.writeStartElement("wp", name, WP);
    cdata(text);
    xml.writeEndElement();
  }

  /** Text as WordPress writes it: in CDATA, a "]]>" inside split across two sections. */
  private void cdata(String text) throws XMLStreamException {
    String[] parts = clean(text).split("]]>", -1);
    for (int i = 0; i < parts.length; i++) {
      String part = i < parts.length - 1 ? parts[i] + "]]" : parts[i];
      xml.writeCData(i > 0 ? ">" + part : part);
    }
  }

  private static String clean(String text) {
    return text == null ? "" : NOT_XML.matcher(text).replaceAll("");
  }

  private interface XmlStep {
    void run() throws XMLStreamException;
  }

  private static void write(XmlStep step) {
    try {
      step.run();
    } catch (XMLStreamException e) {
      throw new ExportFailed(e);
    }
  }

  /** The response stream broke (the client went away); nothing is left half-written but it. */
  static class ExportFailed extends RuntimeException {
    ExportFailed(Throwable cause) {
      super("Writing the export failed", cause);
    }
  }
}
