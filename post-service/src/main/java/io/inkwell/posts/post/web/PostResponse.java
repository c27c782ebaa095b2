package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Author;
import io.inkwell.posts.post.Cover;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.SearchMatch;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A post as the API gives it. {@code excerpt} is what lists, feeds and mails show; {@code
 * customExcerpt} the author's own one (Ghost's {@code custom_excerpt}), null when the excerpt is
 * the body's first words, which follow the body. {@code match} only in a search's list: where the
 * reader's words stand in the post's text (absent when only its title, excerpt or tags have them);
 * {@code titleMatch} so too, where they stand in its title, the whole title around them. {@code
 * seasonNumber}, {@code episodeNumber} and {@code episodeType} only where the author gave them (a
 * whole episode has no {@code episodeType}). {@code tagNames} are the {@code tags} as readers are
 * shown them, in their order ("WPC" for "wpc"; the tag itself where it has no name of its own).
 */
record PostResponse(
    String id,
    String slug,
    String title,
    String excerpt,
    String customExcerpt,
    String bodyMarkdown,
    String bodyHtml,
    List<String> tags,
    List<String> tagNames,
    boolean commentsOpen,
    boolean page,
    boolean mailSubscribers,
    boolean featured,
    CoverResponse cover,
    String metaTitle,
    String metaDescription,
    String canonicalUrl,
    Integer seasonNumber,
    Integer episodeNumber,
    String episodeType,
    Author author,
    PostStatus status,
    Instant createdAt,
    Instant publishAt,
    Instant publishedAt,
    Instant updatedAt,
    Instant deletesAt,
    Instant reviewRequestedAt,
    long version,
    SearchMatch match,
    SearchMatch titleMatch) {

  /**
   * @param names the names of its tags that have one of their own, by their tag
   */
  static PostResponse of(Post post, Map<String, String> names) {
    return of(post, names, null, null);
  }

  /**
   * The post as a search found it: {@code match} and {@code titleMatch}, where the words stand in
   * its text and in its title, or null.
   */
  static PostResponse of(
      Post post, Map<String, String> names, SearchMatch match, SearchMatch titleMatch) {
    return new PostResponse(
        post.id(),
        post.slug(),
        post.title(),
        post.excerpt(),
        post.customExcerpt(),
        post.bodyMarkdown(),
        post.bodyHtml(),
        post.tags(),
        post.tags().stream().map(tag -> names.getOrDefault(tag, tag)).toList(),
        post.commentsOpen(),
        post.page(),
        post.mailSubscribers(),
        post.featured(),
        CoverResponse.of(post.cover()),
        post.metaTags().title(),
        post.metaTags().description(),
        post.metaTags().canonicalUrl(),
        post.episodeTags().season(),
        post.episodeTags().number(),
        post.episodeTags().type(),
        post.author(),
        post.status(),
        post.createdAt(),
        post.publishAt(),
        post.publishedAt(),
        post.updatedAt(),
        post.deletesAt(),
        post.reviewRequestedAt(),
        post.version() == null ? 0 : post.version(),
        match,
        titleMatch);
  }

  /** The cover as pages show it: where it is, how large, its narrower copies. */
  record CoverResponse(
      String image, String url, String alt, int width, int height, String srcset, String sizes) {

    static CoverResponse of(Cover cover) {
      return cover == null
          ? null
          : new CoverResponse(
              cover.image(),
              cover.url(),
              cover.alt(),
              cover.width(),
              cover.height(),
              cover.srcset(),
              cover.sizes());
    }
  }

  /**
   * The version, whether the post is featured, whose byline it carries and its tags' names:
   * featuring, an author's rename and a tag's new name are no edits (the version stays, so an
   * author's save is no conflict), but they change what a reader is shown.
   */
  String etag() {
    return "\""
        + id
        + "-"
        + version
        + (featured ? "-featured" : "")
        + "-by"
        + Integer.toHexString(author == null ? 0 : author.name().hashCode())
        + (tagNames.equals(tags) ? "" : "-tagged" + Integer.toHexString(tagNames.hashCode()))
        + "\"";
  }

  /** The version an {@code If-Match} names, or -1 when it names none of this post's versions. */
  static long versionIn(String ifMatch, String id) {
    String tag = ifMatch.strip();
    if (tag.startsWith("W/")) {
      tag = tag.substring(2);
    }
    String prefix = "\"" + id + "-";
    if (!tag.startsWith(prefix) || !tag.endsWith("\"")) {
      return -1;
    }
    // what follows the version ("-featured", "-by…") is what readers see, not the edit
    String version = tag.substring(prefix.length(), tag.length() - 1).split("-", 2)[0];
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
