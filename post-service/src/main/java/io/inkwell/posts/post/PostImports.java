package io.inkwell.posts.post;

import io.inkwell.posts.post.PostEvent.ImportedComment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/** Stores posts that come from another platform. */
@Service
public class PostImports {

  private static final int SLUG_ATTEMPTS = 20;
  private static final int WRITE_ATTEMPTS = 5;

  private final Posts posts;
  private final PostWrites writes;
  private final PostContentRenderer renderer;
  private final Covers covers;
  private final PostSettings settings;
  private final TagEditing tagEditing;
  private final TagDescriptions tagDescriptions;
  private final Clock clock;

  PostImports(
      Posts posts,
      PostWrites writes,
      PostContentRenderer renderer,
      Covers covers,
      PostSettings settings,
      TagEditing tagEditing,
      TagDescriptions tagDescriptions,
      Clock clock) {
    this.tagEditing = tagEditing;
    this.tagDescriptions = tagDescriptions;
    this.posts = posts;
    this.writes = writes;
    this.covers = covers;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A post as the importer read it; {@code html} is the body (Markdown allows HTML).
   *
   * @param author its byline; null for the blog's default one
   * @param name what its slug is made from (the old platform's own name for it); null for the title
   * @param excerpt the author's own excerpt; null to derive one from the body
   * @param permalinkPath its address on the old platform, which then leads to the new one
   * @param page an About or Contact page rather than a post
   * @param featured shown first on the home page (WordPress's sticky posts)
   * @param scheduled waiting for its date on the old platform (WordPress's "future"): scheduled for
   *     {@code published} here too while that is ahead, as WordPress's importer keeps it
   * @param cover the address of the picture the old platform headed the post with (Ghost's feature
   *     image, WordPress's featured image), which heads the body as a figure of its own until it is
   *     one of the blog's pictures and can be the post's cover; null when there is none
   * @param tagSlugs the slug each of its labels had on the old platform, by the label, where the
   *     export says it: the tag page's address there (WordPress's {@code /tag/js/} for
   *     "JavaScript"), which then leads to the tag ({@link #rememberTagSlugs}); none for Blogger's
   *     labels, which have no slugs, and where the export has no tags
   */
  public record ImportedPost(
      String id,
      Author author,
      String title,
      String name,
      String html,
      String excerpt,
      List<String> labels,
      Instant published,
      boolean isPublished,
      boolean scheduled,
      String permalinkPath,
      boolean commentsOpen,
      boolean page,
      boolean featured,
      List<ImportedComment> comments,
      MetaTags metaTags,
      String cover,
      Map<String, String> tagSlugs) {

    /** The same post with another body. */
    public ImportedPost withHtml(String html) {
      return new ImportedPost(
          id,
          author,
          title,
          name,
          html,
          excerpt,
          labels,
          published,
          isPublished,
          scheduled,
          permalinkPath,
          commentsOpen,
          page,
          featured,
          comments,
          metaTags,
          cover,
          tagSlugs);
    }
  }

  /**
   * A title with something to see in it, as the editor asks for one; the importers give a post
   * without a title this one (as Blogger and WordPress show it).
   */
  private static final Pattern VISIBLE = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{S}]");

  private static final String UNTITLED = "Untitled";

  /**
   * A title or excerpt as long as the editor takes; a longer one (other platforms take any) ends at
   * its last whole word that fits, with "…".
   */
  private static String fitted(String text, int longest) {
    String whole = text.strip();
    if (whole.length() <= longest) {
      return whole;
    }
    String start = cut(whole, longest - 1);
    int word = start.lastIndexOf(' ');
    return (word > longest / 2 ? start.substring(0, word) : start).strip() + "…";
  }

  /** A label as a tag the editor takes, or the post could not be saved again once imported. */
  private static String asTag(String label) {
    return cut(PostManagement.normalisedTag(label), Post.LONGEST_TAG).strip();
  }

  /** A label as the name of its tag ({@link #asTag}): "WPC" is the tag "wpc" and its name. */
  private static String asTagName(String label) {
    return cut(PostManagement.writtenTag(label), Post.LONGEST_TAG).strip();
  }

  /** At most this many characters, never half of a pair that makes one (an emoji). */
  private static String cut(String text, int longest) {
    if (text.length() <= longest) {
      return text;
    }
    int end = Character.isHighSurrogate(text.charAt(longest - 1)) ? longest - 1 : longest;
    return text.substring(0, end);
  }

  /**
   * @return false when a post with this id was imported before: nothing is changed then but the
   *     names of its tags that have none (a blog imported before tags had names gets its labels'
   *     spellings back by importing its export again)
   */
  public boolean importPost(ImportedPost source) {
    if (posts.existsById(source.id())) {
      rememberTagNames(source);
      return false;
    }
    Post.Content content =
        renderer.render(
            fitted(
                VISIBLE.matcher(source.title()).find() ? source.title() : UNTITLED,
                Post.LONGEST_TITLE),
            source.html(),
            source.excerpt() == null || source.excerpt().isBlank()
                ? null
                : fitted(source.excerpt(), Post.LONGEST_EXCERPT));
    List<String> tags =
        source.labels().stream()
            .map(PostImports::asTag)
            .filter(tag -> !tag.isEmpty())
            .distinct()
            .limit(Post.MOST_TAGS)
            .toList();
    String base =
        Slugs.fromTitle(
            source.name() == null || source.name().isBlank() ? source.title() : source.name());
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
      String slug = Slugs.candidate(base, attempt);
      if (posts.findBySlug(slug).isPresent()) {
        continue;
      }
      try {
        Post post =
            Post.imported(
                source.id(),
                slug,
                source.permalinkPath(),
                content,
                tags,
                source.author() == null ? settings.defaultAuthor() : source.author(),
                source.published() == null
                    ? now
                    : source.published().truncatedTo(ChronoUnit.MILLIS),
                source.isPublished(),
                new Post.ImportedFlags(
                    source.commentsOpen(),
                    source.page(),
                    source.featured(),
                    !source.isPublished()
                        && source.scheduled()
                        && source.published() != null
                        && source.published().isAfter(now)),
                source.comments(),
                now);
        post.describe(source.metaTags());
        posts.insert(post);
        rememberTagNames(source);
        return true;
      } catch (DuplicateKeyException raced) {
        if (posts.existsById(source.id())) {
          return false; // the same file imported twice at once
        }
      }
    }
    throw new SlugTaken(base);
  }

  /** Names the post's tags as its labels are written, where they have no name yet. */
  private void rememberTagNames(ImportedPost source) {
    tagDescriptions.remember(
        source.labels().stream().map(PostImports::asTagName).limit(Post.MOST_TAGS).toList());
  }

  /**
   * Keeps the slugs the imported posts' labels had on the old platform, each once, so that the old
   * tag pages' addresses lead to the tags ({@link TagEditing#rememberOldSlug}).
   *
   * @param slugs each label's slug there, by the label as the export names it
   */
  public void rememberTagSlugs(Map<String, String> slugs) {
    slugs.forEach((label, slug) -> tagEditing.rememberOldSlug(slug, asTag(label)));
  }

  /** The body of a post as it is now, or empty when it is deleted. */
  public Optional<String> body(String id) {
    return posts.findById(id).filter(post -> !post.isDeleted()).map(Post::bodyMarkdown);
  }

  /**
   * Gives a post the body {@code change} makes of it, when that shows the same words with pictures
   * at other addresses (an imported post's, copied to the blog): see {@link Post#movePictures}. An
   * edit saved meanwhile is read and changed the same way.
   *
   * @return false when the post is deleted, or was edited again and again while this tried
   */
  public boolean movePictures(String id, UnaryOperator<String> change) {
    for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      Post post = posts.findById(id).filter(found -> !found.isDeleted()).orElse(null);
      if (post == null) {
        return false;
      }
      String body = change.apply(post.bodyMarkdown());
      if (body.equals(post.bodyMarkdown())) {
        return true;
      }
      post.movePictures(renderer.render(post.title(), body, post.customExcerpt()));
      try {
        writes.saveOnly(post, "bodyMarkdown", "bodyHtml", "excerpt", "searchText");
        return true;
      } catch (OptimisticLockingFailureException editedMeanwhile) {
        // read it again
      }
    }
    return false;
  }

  /**
   * The figure an importer heads a post's body with for the picture the old platform headed it
   * with, as it writes it ({@code GhostExport}, {@code WordPressExport}): the picture's address and
   * its alt text.
   */
  private static final Pattern HEAD_PICTURE =
      Pattern.compile("\\s*<figure><img src=\"([^\"]+)\" alt=\"([^\"]*)\"></figure>\\s*");

  /**
   * Makes the picture an imported post's body is headed with its cover, now that it is one of the
   * blog's pictures ({@code path}), and takes it from the body, where it stood in for the cover:
   * readers see it above the post as before, and on its card on the home page too. Nothing happens
   * when the post has a cover already or no longer begins with that picture (its author chose or
   * changed them meanwhile).
   *
   * @return whether the picture became the cover
   */
  public boolean coverFromHead(String id, String path) {
    for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
      Post post = posts.findById(id).filter(found -> !found.isDeleted()).orElse(null);
      if (post == null || post.cover() != null) {
        return false;
      }
      Matcher head = HEAD_PICTURE.matcher(post.bodyMarkdown());
      if (!head.lookingAt() || !head.group(1).equals(path)) {
        return false;
      }
      post.useCover(covers.chosen(path, HtmlUtils.htmlUnescape(head.group(2)), null));
      String body = post.bodyMarkdown().substring(head.end());
      post.movePictures(renderer.render(post.title(), body, post.customExcerpt()));
      try {
        writes.saveOnly(post, "bodyMarkdown", "bodyHtml", "excerpt", "searchText", "cover");
        return true;
      } catch (OptimisticLockingFailureException editedMeanwhile) {
        // read it again
      }
    }
    return false;
  }
}
