package io.inkwell.posts.post;

import io.inkwell.posts.post.PostEvent.ImportedComment;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/** Stores posts that come from another platform. */
@Service
public class PostImports {

  private static final int SLUG_ATTEMPTS = 20;

  private final Posts posts;
  private final PostContentRenderer renderer;
  private final PostSettings settings;
  private final Clock clock;

  PostImports(Posts posts, PostContentRenderer renderer, PostSettings settings, Clock clock) {
    this.posts = posts;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * A post as the importer read it; {@code html} is the body (Markdown allows HTML).
   *
   * @param author its byline; null for the blog's default one
   */
  public record ImportedPost(
      String id,
      Author author,
      String title,
      String html,
      List<String> labels,
      Instant published,
      boolean isPublished,
      String permalinkPath,
      List<ImportedComment> comments) {}

  /**
   * @return false when a post with this id was imported before (nothing is changed then)
   */
  public boolean importPost(ImportedPost source) {
    if (posts.existsById(source.id())) {
      return false;
    }
    Post.Content content = renderer.render(source.title(), source.html(), null);
    List<String> tags =
        source.labels().stream().map(PostManagement::normalisedTag).distinct().toList();
    String base = Slugs.fromTitle(slugSource(source));
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
      String slug = Slugs.candidate(base, attempt);
      if (posts.findBySlug(slug).isPresent()) {
        continue;
      }
      try {
        posts.insert(
            Post.imported(
                source.id(),
                slug,
                source.permalinkPath(),
                content,
                tags,
                source.author() == null ? settings.defaultAuthor() : source.author(),
                source.published().truncatedTo(ChronoUnit.MILLIS),
                source.isPublished(),
                source.comments(),
                now));
        return true;
      } catch (DuplicateKeyException raced) {
        if (posts.existsById(source.id())) {
          return false; // the same file imported twice at once
        }
      }
    }
    throw new SlugTaken(base);
  }

  /** Blogger's own permalink name ("wpc-wrap" of /2009/03/wpc-wrap.html) keeps URLs familiar. */
  private static String slugSource(ImportedPost source) {
    String path = source.permalinkPath();
    if (path != null && path.endsWith(".html")) {
      return path.substring(path.lastIndexOf('/') + 1, path.length() - ".html".length());
    }
    return source.title();
  }
}
