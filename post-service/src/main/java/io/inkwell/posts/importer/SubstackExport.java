package io.inkwell.posts.importer;

import io.inkwell.posts.TextCleaning;
import io.inkwell.posts.post.CalendarDates;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * Reads a Substack export (Settings → Exports → Create new export): a zip archive with {@code
 * posts.csv}, a row per post (its id and slug, date, whether it is published and for whom, title,
 * subtitle, podcast episode), and {@code posts/<id>.<slug>.html}, each post's body ({@link
 * SubstackContent}). Published posts for everyone come in published at their dates, with the
 * subtitle as their excerpt; drafts stay drafts; a post for paid (or only free) subscribers comes
 * in as a draft, so that moving the newsletter makes nothing public that was paid for; threads
 * (Substack's discussion posts, without a body) stay behind. The rest of the archive (the mailing
 * list, who opened what) is not read here: the subscribers' list is imported on its own. Substack's
 * export has no comments and no tags.
 *
 * <p>The archive is read as an {@link ExportArchive}: bounded, a zip bomb refused.
 */
final class SubstackExport {

  private static final String POSTS_CSV = "posts.csv";

  private static final CsvMapper CSV =
      CsvMapper.builder()
          .enable(CsvReadFeature.TRIM_SPACES)
          .enable(CsvReadFeature.SKIP_EMPTY_LINES)
          .build();

  private SubstackExport() {}

  /**
   * @param site the newsletter's address ({@code https://name.substack.com} or its own domain),
   *     null when not given: links to its posts become paths here, where the old addresses lead to
   *     the imported posts, as do those to the address most of its subscribe buttons name
   */
  static List<ImportedPost> read(InputStream upload, String site) {
    try (var archive =
        ExportArchive.of(
            upload,
            "Substack's export is the zip archive it gives (Settings → Exports); this is not one.")) {
      return posts(archive, site);
    }
  }

  private static List<ImportedPost> posts(ExportArchive archive, String site) {
    String folder =
        archive.folderOf(
            Pattern.quote(POSTS_CSV),
            "This zip archive has no posts.csv: Substack's export has one, beside the folder"
                + " posts/.");
    List<Map<String, String>> rows =
        rows(archive.read(archive.entry(folder + POSTS_CSV).orElseThrow()));
    Map<String, String> bodies = new HashMap<>();
    for (Map<String, String> row : rows) {
      String id = cell(row, "post_id");
      if (id != null) {
        archive
            .entry(folder + "posts/" + id + ".html")
            .ifPresent(body -> bodies.put(id, archive.read(body)));
      }
    }
    List<String> sites = new ArrayList<>();
    if (site != null) {
      sites.add(site);
    }
    // the address most subscribe buttons name is the newsletter's own
    bodies.values().stream()
        .flatMap(html -> SubstackContent.subscribeSites(html).stream())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
        .entrySet()
        .stream()
        .max(Map.Entry.comparingByValue())
        .ifPresent(most -> sites.add(most.getKey()));
    List<ImportedPost> posts = new ArrayList<>();
    for (Map<String, String> row : rows) {
      ImportedPost post = post(row, bodies, sites);
      if (post != null) {
        posts.add(post);
      }
    }
    return posts;
  }

  private static ImportedPost post(
      Map<String, String> row, Map<String, String> bodies, List<String> sites) {
    String id = cell(row, "post_id");
    String type = String.valueOf(cell(row, "type")).toLowerCase(Locale.ROOT);
    if (id == null || "thread".equals(type)) {
      return null; // a thread is a discussion among subscribers, with no body of its own
    }
    // "123401.a-slug": Substack's number of the post, then its slug, its address /p/a-slug
    String slug = id.contains(".") ? id.substring(id.indexOf('.') + 1) : null;
    if (slug != null && slug.isBlank()) {
      slug = null;
    }
    String audience = String.valueOf(cell(row, "audience", "everyone")).toLowerCase(Locale.ROOT);
    boolean forEveryone = "everyone".equals(audience);
    String title = firstNonBlank(cell(row, "title"), slug == null ? "Untitled" : slug);
    String html =
        SubstackContent.cleaned(bodies.getOrDefault(id, ""), cell(row, "podcast_url"), title);
    return new ImportedPost(
        ImportIds.of("substack", id),
        null,
        title,
        slug,
        OwnLinks.asPaths(html, sites, Set.of()),
        cell(row, "subtitle"),
        List.of(),
        CalendarDates.parsed(firstNonBlank(cell(row, "post_date"), cell(row, "email_sent_at"))),
        forEveryone && "true".equalsIgnoreCase(cell(row, "is_published")),
        false,
        slug == null ? null : "/p/" + slug,
        true,
        "page".equals(type),
        false,
        List.of(),
        MetaTags.NONE,
        null,
        Map.of());
  }

  private static List<Map<String, String>> rows(String csv) {
    List<Map<String, String>> rows = new ArrayList<>();
    try (MappingIterator<Map<String, String>> lines =
        CSV.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader())
            // a byte-order mark, which a spreadsheet saving the file again writes, is no column's
            .readValues(csv.startsWith("\uFEFF") ? csv.substring(1) : csv)) {
      while (lines.hasNextValue()) {
        Map<String, String> cells = new HashMap<>();
        lines.nextValue().forEach((name, value) -> cells.put(name.toLowerCase(Locale.ROOT), value));
        if (rows.isEmpty() && !cells.containsKey("post_id")) {
          throw new UnreadableImport(
              "The archive's posts.csv has no post_id column; is this Substack's export?");
        }
        rows.add(cells);
      }
    } catch (JacksonException unreadable) {
      throw new UnreadableImport(
          "The archive's posts.csv cannot be read: " + unreadable.getOriginalMessage());
    }
    return rows;
  }

  private static String cell(Map<String, String> row, String column) {
    return cell(row, column, null);
  }

  /** A cell's text, cleaned as the API's is ({@link TextCleaning}); blank is none. */
  private static String cell(Map<String, String> row, String column, String otherwise) {
    String value = row.get(column);
    return value == null || value.isBlank() ? otherwise : TextCleaning.clean(value.strip());
  }

  private static String firstNonBlank(String value, String otherwise) {
    return value == null || value.isBlank() ? otherwise : value;
  }
}
