package io.inkwell.posts.post;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a post said before an edit replaced it (WordPress's revisions, Ghost's post history): kept
 * in a collection of its own, as a post may hold 1 MiB of Markdown and a document 16 MiB.
 *
 * @param id the post's id and the version this content had, so that keeping it twice is once
 * @param ownExcerpt whether the excerpt was the author's own, not the body's first words (null in a
 *     revision kept before this was: taken as the author's)
 * @param savedAt when this content was saved
 */
@Document("revisions")
public record Revision(
    @Id String id,
    @Indexed String postId,
    long version,
    String title,
    String bodyMarkdown,
    String excerpt,
    Boolean ownExcerpt,
    List<String> tags,
    Instant savedAt) {

  static Revision of(Post post) {
    long version = post.version() == null ? 0 : post.version();
    return new Revision(
        post.id() + ":" + version,
        post.id(),
        version,
        post.title(),
        post.bodyMarkdown(),
        post.excerpt(),
        post.customExcerpt() != null,
        post.tags(),
        post.updatedAt());
  }

  /** The author's own excerpt; null when it was the body's first words. */
  public String customExcerpt() {
    return Boolean.FALSE.equals(ownExcerpt) ? null : excerpt;
  }

  /** Whether the new content says anything this does not: an unchanged save keeps no revision. */
  boolean differsFrom(Post.Content content, List<String> newTags) {
    return !title.equals(content.title())
        || !bodyMarkdown.equals(content.bodyMarkdown())
        || !java.util.Objects.equals(excerpt, content.excerpt())
        || !tags.equals(newTags);
  }
}
