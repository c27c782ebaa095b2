package io.inkwell.posts.importer;

import io.inkwell.posts.TextCleaning;
import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.CalendarDates;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.io.Reader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a Ghost export (Settings → Advanced → Import/Export → Export content: one JSON file with
 * {@code db[0].data}): posts and pages with their dates, tags, bylines, drafts, scheduled posts,
 * featured posts, custom excerpts, feature images (as the first picture of the body, the post's
 * cover once an import copied it to the blog) and their search title, description and canonical
 * address. Ghost 1 to 6 are read: dates as epoch milliseconds or text, the byline from {@code
 * posts_authors} or the older {@code author_id}, a page by {@code type} or the older {@code page}
 * flag, search fields from {@code posts_meta} or the post itself. Internal tags ({@code #…}) stay
 * behind, and so do email-only posts; a post for members or paid members only comes in as a draft,
 * so that moving the blog makes nothing public that was paid for. Ghost's export has no comments.
 * The file is read as it arrives, only the tables read kept, and of each post not its text as
 * Lexical, Mobiledoc or plain text beside its HTML.
 */
final class GhostExport {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> KEPT = Set.of("published", "draft", "scheduled");

  /** The tables read; the rest (settings, members, newsletters, …) is passed over as it arrives. */
  private static final Set<String> TABLES_READ =
      Set.of("posts", "tags", "posts_tags", "users", "posts_authors", "posts_meta");

  /**
   * A post's fields not read, dropped as each post is read: its text as Ghost's editors keep it
   * (Lexical, or Mobiledoc before Ghost 5) and as plain text, beside the HTML that is read, most of
   * the file.
   */
  private static final Set<String> POST_FIELDS_NOT_READ =
      Set.of("lexical", "mobiledoc", "plaintext");

  private static final String NOT_READABLE = "This is not a readable Ghost export (JSON).";

  private GhostExport() {}

  /**
   * What Ghost 4 and later write in place of the blog's own address, in a post's links and in its
   * pictures' addresses ({@code __GHOST_URL__/content/images/…}, {@code __GHOST_URL__/a-post/}).
   */
  private static final String GHOST_URL = "__GHOST_URL__";

  /** An address in a link that names the old blog's own address. */
  private static final Pattern OWN_LINK =
      Pattern.compile("(\\bhref\\s*=\\s*[\"']?)" + GHOST_URL, Pattern.CASE_INSENSITIVE);

  /**
   * The export files in a zip archive: the {@code .json} files in it, as Ghost's own importer takes
   * them beside the pictures (which are not read: the pictures' old addresses are, {@code site}).
   */
  static List<ZipEntry> filesIn(ExportArchive archive) {
    return archive.exportFiles(
        ".json",
        "This zip archive holds no Ghost export: Ghost's is the .json file of Settings →"
            + " Advanced → Import/Export.");
  }

  /**
   * @param site the old blog's address ({@code https://old.example.org}), where its pictures are;
   *     null when it was not given
   */
  static List<ImportedPost> read(Reader export, String site) {
    JsonNode data = data(export);
    Map<String, String> tags = new HashMap<>();
    // where each tag's page was: /tag/{slug}/
    Map<String, String> tagSlugs = new HashMap<>();
    for (JsonNode tag : data.path("tags")) {
      String id = id(tag, "id");
      String name = text(tag, "name");
      // Ghost's internal tags ("#newsletter") organise its own templates: no tag of the post
      if (id != null && name != null && !name.startsWith("#")) {
        tags.put(id, name);
        String slug = text(tag, "slug");
        if (slug != null && !slug.isBlank()) {
          tagSlugs.putIfAbsent(name, slug);
        }
      }
    }
    Map<String, List<String>> tagsOfPost = joined(data.path("posts_tags"), "tag_id", tags);
    Map<String, Author> authors = new HashMap<>();
    for (JsonNode user : data.path("users")) {
      String id = id(user, "id");
      String name = text(user, "name");
      if (id != null) {
        authors.put(
            id,
            new Author(
                // Ghost numbers every blog's owner "1": with the slug, two blogs' owners differ
                ImportIds.of("ghost", "author-" + id + "/" + text(user, "slug")),
                name == null ? text(user, "slug") : name));
      }
    }
    Map<String, String> firstAuthor = new HashMap<>();
    joined(data.path("posts_authors"), "author_id", null)
        .forEach((post, ids) -> firstAuthor.put(post, ids.get(0)));
    Map<String, JsonNode> meta = new HashMap<>();
    for (JsonNode row : data.path("posts_meta")) {
      String post = id(row, "post_id");
      if (post != null) {
        meta.put(post, row);
      }
    }
    List<ImportedPost> posts = new ArrayList<>();
    for (JsonNode post : data.path("posts")) {
      String status = String.valueOf(text(post, "status"));
      if (!KEPT.contains(status)) {
        continue; // "sent": an email-only post, never on the site
      }
      String id = id(post, "id");
      String authorId = firstAuthor.getOrDefault(id, id(post, "author_id"));
      JsonNode search = meta.getOrDefault(id, post);
      boolean open = "public".equals(String.valueOf(text(post, "visibility", "public")));
      String slug = text(post, "slug");
      Instant published = instant(post.path("published_at"));
      posts.add(
          new ImportedPost(
              ImportIds.of("ghost", text(post, "uuid", id)),
              authors.get(authorId),
              firstNonBlank(text(post, "title"), "Untitled"),
              slug,
              atAddresses(
                  withFeatureImage(firstNonBlank(text(post, "html"), ""), post, search), site),
              text(post, "custom_excerpt"),
              tagsOfPost.getOrDefault(id, List.of()),
              published,
              open && "published".equals(status),
              open && "scheduled".equals(status),
              // Ghost's default permalinks: /{slug}/
              slug == null ? null : "/" + slug + "/",
              true,
              "page".equals(text(post, "type")) || flag(post.path("page")),
              flag(post.path("featured")),
              List.of(),
              MetaTags.imported(
                  text(search, "meta_title"),
                  text(search, "meta_description"),
                  text(post, "canonical_url")),
              cover(post, search, site),
              tagsOfPost.getOrDefault(id, List.of()).stream()
                  .filter(tagSlugs::containsKey)
                  .collect(
                      java.util.stream.Collectors.toMap(
                          name -> name, tagSlugs::get, (first, again) -> first))));
    }
    if (site == null) {
      return posts;
    }
    // the links older Ghosts wrote with the blog's address whole, as paths here too
    return posts.stream()
        .map(post -> post.withHtml(OwnLinks.asPaths(post.html(), List.of(site), Set.of())))
        .toList();
  }

  /**
   * The feature image's address when it heads the body without a caption: once it is one of the
   * blog's pictures, it becomes the post's cover (a cover has no caption).
   */
  private static String cover(JsonNode post, JsonNode meta, String site) {
    String image = text(post, "feature_image");
    String caption = text(meta, "feature_image_caption", text(post, "feature_image_caption"));
    if (image == null || image.isBlank() || (caption != null && !caption.isBlank())) {
      return null;
    }
    return image.replace(GHOST_URL, origin(site));
  }

  private static String origin(String site) {
    return site == null ? "" : site.replaceAll("/+$", "");
  }

  /**
   * The HTML with the addresses Ghost wrote as its own ({@code __GHOST_URL__…}) made whole again: a
   * link to one of the old blog's pages becomes a link to that path here, where the old address
   * leads to the imported page; a picture's address becomes the old blog's, where the picture is
   * (and from where an import may copy it), or a path here when that address is not known.
   */
  private static String atAddresses(String html, String site) {
    if (!html.contains(GHOST_URL)) {
      return html;
    }
    String linked = OWN_LINK.matcher(html).replaceAll("$1");
    return linked.replace(GHOST_URL, origin(site));
  }

  /**
   * The post's HTML headed by its feature image, which heads every post in Ghost's themes: a cover
   * here is one of the blog's own pictures, and the old blog's stays where it is, so it comes in as
   * the body's first picture (with its alt text and caption, from {@code posts_meta} or the post)
   * until an import copies it to the blog ({@link #cover}).
   */
  private static String withFeatureImage(String html, JsonNode post, JsonNode meta) {
    String image = text(post, "feature_image");
    if (image == null || image.isBlank()) {
      return html;
    }
    String alt = text(meta, "feature_image_alt", text(post, "feature_image_alt", ""));
    String caption = text(meta, "feature_image_caption", text(post, "feature_image_caption"));
    return "<figure><img src=\""
        + HtmlUtils.htmlEscape(image)
        + "\" alt=\""
        + HtmlUtils.htmlEscape(alt)
        + "\">"
        // Ghost keeps the caption as HTML (a credit with its link); the sanitiser cleans it
        + (caption == null || caption.isBlank() ? "" : "<figcaption>" + caption + "</figcaption>")
        + "</figure>"
        + html;
  }

  /**
   * The tables read of the export's {@code db[0].data} (or {@code data}, in the oldest exports),
   * read as the file arrives: whatever else it holds is passed over, and of each post the fields
   * not read are dropped as it is read, so that memory holds what is imported rather than the file.
   */
  private static JsonNode data(Reader export) {
    JsonNode fromDatabase = null;
    JsonNode fromRoot = null;
    try (JsonParser json = JSON.createParser(export)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw notAGhostExport();
      }
      while (json.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = json.currentName();
        JsonToken value = json.nextToken();
        if ("db".equals(name) && value == JsonToken.START_ARRAY) {
          fromDatabase = firstDatabase(json);
        } else if ("data".equals(name) && value == JsonToken.START_OBJECT) {
          fromRoot = tables(json);
        } else {
          json.skipChildren();
        }
      }
    } catch (JacksonException e) {
      throw ExportFile.refusalIn(e, NOT_READABLE);
    }
    JsonNode data = fromDatabase == null ? fromRoot : fromDatabase;
    if (data == null || !data.path("posts").isArray()) {
      throw notAGhostExport();
    }
    return data;
  }

  private static UnreadableImport notAGhostExport() {
    return new UnreadableImport(
        "A Ghost export is the JSON file of Settings → Advanced → Import/Export, its posts"
            + " under db[0].data; this is something else.");
  }

  /** The tables of {@code db}'s first database, the one Ghost writes, or null without one. */
  private static JsonNode firstDatabase(JsonParser json) {
    JsonNode data = null;
    boolean first = true;
    for (JsonToken database = json.nextToken();
        database != JsonToken.END_ARRAY;
        database = json.nextToken()) {
      if (first && database == JsonToken.START_OBJECT) {
        while (json.nextToken() == JsonToken.PROPERTY_NAME) {
          String name = json.currentName();
          if (json.nextToken() == JsonToken.START_OBJECT && "data".equals(name)) {
            data = tables(json);
          } else {
            json.skipChildren();
          }
        }
      } else {
        json.skipChildren();
      }
      first = false;
    }
    return data;
  }

  /** The tables read of {@code data}, its rows read one by one, a post without what is not read. */
  private static ObjectNode tables(JsonParser json) {
    ObjectNode tables = JSON.createObjectNode();
    while (json.nextToken() == JsonToken.PROPERTY_NAME) {
      String table = json.currentName();
      JsonToken value = json.nextToken();
      if (!TABLES_READ.contains(table)) {
        json.skipChildren();
      } else if (value != JsonToken.START_ARRAY) {
        tables.set(table, json.<JsonNode>readValueAsTree());
      } else {
        ArrayNode rows = tables.putArray(table);
        while (json.nextToken() != JsonToken.END_ARRAY) {
          JsonNode row = json.readValueAsTree();
          if ("posts".equals(table) && row instanceof ObjectNode post) {
            post.remove(POST_FIELDS_NOT_READ);
          }
          rows.add(row);
        }
      }
    }
    return tables;
  }

  /**
   * A relation table ({@code posts_tags}, {@code posts_authors}) as each post's related ids in
   * their order, or their names when {@code names} is given (those it lacks are left out, and rows
   * without ids).
   */
  private static Map<String, List<String>> joined(
      JsonNode rows, String field, Map<String, String> names) {
    List<JsonNode> sorted = new ArrayList<>();
    rows.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(row -> row.path("sort_order").asInt(0)));
    Map<String, List<String>> joined = new HashMap<>();
    for (JsonNode row : sorted) {
      String post = id(row, "post_id");
      String related = id(row, field);
      String value = names == null ? related : names.get(related);
      if (post != null && value != null) {
        joined.computeIfAbsent(post, first -> new ArrayList<>()).add(value);
      }
    }
    return joined;
  }

  /** Ghost's dates: epoch milliseconds (Ghost 1), ISO text, or SQLite's "2019-05-14 06:30:00". */
  private static Instant instant(JsonNode date) {
    if (date.isNumber()) {
      Instant time = Instant.ofEpochMilli(date.asLong());
      return CalendarDates.holds(time) ? time : null;
    }
    if (!date.isString() || date.asString().isBlank()) {
      return null;
    }
    String text = date.asString().strip();
    try {
      Instant time = Instant.parse(text); // "+999999999-12-31T23:59:59Z" too, which is no date
      return CalendarDates.holds(time) ? time : null;
    } catch (DateTimeParseException notIso) {
      try {
        return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  /** Ghost 1 wrote flags as 0 and 1, later ones as booleans. */
  private static boolean flag(JsonNode value) {
    return value.isBoolean() ? value.asBoolean() : value.asInt(0) == 1;
  }

  /** Ids are text in Ghost 2 and later, numbers in Ghost 1; anything else is none. */
  private static String id(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isString() || value.isNumber() ? value.asString() : null;
  }

  private static String text(JsonNode node, String field) {
    return text(node, field, null);
  }

  /** Text is cleaned as the API's is ({@link TextCleaning}): a feed must be able to carry it. */
  private static String text(JsonNode node, String field, String otherwise) {
    JsonNode value = node.path(field);
    return value.isString() ? TextCleaning.clean(value.asString()) : otherwise;
  }

  private static String firstNonBlank(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }
}
