package io.inkwell.posts.importer;

import io.inkwell.posts.TextCleaning;
import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.CalendarDates;
import io.inkwell.posts.post.MetaTags;
import io.inkwell.posts.post.PostImports.ImportedPost;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads a Medium export (Settings → Security and apps → Download your information: a zip archive
 * with a page per story in {@code posts/}, in the microformats Medium writes: {@code .p-name}, the
 * title, {@code .p-summary}, the subtitle, {@code .e-content}, the story, and in its footer the
 * author, the date, the tags and the story's address). Published stories come in published at their
 * dates, with their subtitle as excerpt and their tags; drafts ({@code draft_…}) stay drafts. A
 * response (what the author wrote under someone else's story, which Medium exports as a story with
 * no title of its own) comes in as a draft, for the author to publish or delete: it was public, but
 * as a reply. The rest of the archive (claps, bookmarks, lists) is not read. Medium's export has no
 * comments.
 */
final class MediumExport {

  private static final String POSTS = "posts/";

  /**
   * The last part of a story's address is its slug and Medium's id: {@code a-walk-4f2a9c1b7e3d} of
   * {@code /@jo/a-walk-4f2a9c1b7e3d}. Matched against that part alone, from its start: looked for
   * anywhere in the address, a long part with no id was read to its end from each of its
   * characters.
   */
  private static final Pattern SLUG_AND_ID = Pattern.compile("([^/]*?)-?([0-9a-f]{8,16})");

  private MediumExport() {}

  static List<ImportedPost> read(InputStream upload) {
    try (var archive =
        ExportArchive.of(
            upload,
            "Medium's export is the zip archive it mails a link to (Settings → Security and apps →"
                + " Download your information); this is not one.")) {
      String folder =
          archive.folderOf(
              "posts/[^/]+\\.html",
              "This zip archive has no folder posts/: Medium's export keeps its stories there.");
      List<ImportedPost> posts = new ArrayList<>();
      Set<String> sites = new HashSet<>();
      for (ZipEntry story :
          archive.entries(
              entry ->
                  entry.getName().startsWith(folder + POSTS)
                      && entry.getName().endsWith(".html")
                      && !entry.isDirectory())) {
        String name = story.getName().substring((folder + POSTS).length());
        if (!name.contains("/")) {
          Document page = Jsoup.parse(archive.read(story));
          posts.add(post(name, page));
          originOf(attr(page, ".p-canonical", "href")).ifPresent(sites::add);
        }
      }
      // links between the stories (at medium.com, or the publication's domain) as paths here
      Set<String> paths = new HashSet<>();
      posts.forEach(post -> paths.add(post.permalinkPath()));
      return posts.stream()
          .map(post -> post.withHtml(OwnLinks.knownAsPaths(post.html(), sites, paths)))
          .toList();
    }
  }

  private static ImportedPost post(String fileName, Document page) {
    Element content = page.selectFirst(".e-content");
    boolean response = content == null || content.selectFirst(".graf--title") == null;
    boolean draft = fileName.startsWith("draft");
    String address = attr(page, ".p-canonical", "href");
    if (address == null) {
      address = attr(page, "footer a[href*=/p/]", "href"); // a draft's footer names its editor
    }
    String path = pathOf(address);
    Matcher slugAndId = slugAndId(path == null ? "" : path);
    boolean named = slugAndId.matches();
    if (!named) {
      slugAndId = slugAndId(stem(fileName)); // a draft's, or an address of no story
      named = slugAndId.matches();
    }
    String slug = named && !slugAndId.group(1).isBlank() ? slugAndId.group(1) : null;
    String id = named ? slugAndId.group(2) : stem(fileName);
    Element author = page.selectFirst("footer .p-author");
    String title = text(page.selectFirst(".p-name"));
    return new ImportedPost(
        ImportIds.of("medium", id),
        author == null || text(author) == null
            ? null
            : new Author(ImportIds.of("medium", "author-" + author.attr("href")), text(author)),
        title == null ? "Untitled" : title,
        slug,
        content == null ? "" : MediumContent.cleaned(content),
        text(page.selectFirst(".p-summary")),
        page.select("footer .p-tags a").stream()
            .map(MediumExport::text)
            .filter(Objects::nonNull)
            .toList(),
        CalendarDates.parsed(attr(page, "footer .dt-published", "datetime")),
        !draft && !response,
        false,
        draft ? null : path,
        true,
        false,
        false,
        List.of(),
        MetaTags.NONE,
        null,
        Map.of());
  }

  /** The path of a story's address on Medium or the publication's own domain. */
  private static String pathOf(String address) {
    if (address == null) {
      return null;
    }
    try {
      String path = new URI(address.strip()).getRawPath();
      return path == null || path.isEmpty() ? null : path;
    } catch (URISyntaxException notAnAddress) {
      return null;
    }
  }

  private static Optional<String> originOf(String address) {
    try {
      URI uri = address == null ? null : new URI(address.strip());
      return uri == null || uri.getScheme() == null || uri.getHost() == null
          ? Optional.empty()
          : Optional.of(uri.getScheme() + "://" + uri.getHost());
    } catch (URISyntaxException notAnAddress) {
      return Optional.empty();
    }
  }

  private static Matcher slugAndId(String path) {
    return SLUG_AND_ID.matcher(BoundedText.of(path.substring(path.lastIndexOf('/') + 1)));
  }

  /** The file's name without its date, {@code draft_} and {@code .html}. */
  private static String stem(String fileName) {
    return fileName
        .replaceFirst("\\.html$", "")
        .replaceFirst("^(draft_|\\d{4}-\\d{2}-\\d{2}_)", "");
  }

  private static String attr(Document page, String selector, String attribute) {
    Element element = page.selectFirst(selector);
    return element == null || element.attr(attribute).isBlank() ? null : element.attr(attribute);
  }

  /** An element's words, cleaned as the API's are ({@link TextCleaning}); none when blank. */
  private static String text(Element element) {
    return element == null || element.text().isBlank()
        ? null
        : TextCleaning.clean(element.text().strip());
  }
}
