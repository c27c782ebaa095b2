package io.inkwell.posts.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event a post raised, waiting in the post's outbox until the relay has sent it to {@code
 * blog.post-events}. The records' components are the published contracts (see {@code contracts/});
 * {@code version} is the post's version after the change, so consumers can drop an event older than
 * what they have seen.
 */
public sealed interface PostEvent
    permits PostEvent.PostPublished,
        PostEvent.PostUpdated,
        PostEvent.PostUnpublished,
        PostEvent.PostDeleted,
        PostEvent.PostSubmitted,
        PostEvent.CommentImported {

  String eventId();

  String type();

  long version();

  Instant occurredAt();

  String postId();

  private static String newId() {
    return UUID.randomUUID().toString();
  }

  /**
   * The post became visible to readers.
   *
   * @param imported whether it came from an import of old posts, which subscribers are not mailed
   * @param bodyHtml the post's sanitised HTML for the mail, when subscribers are mailed and it is
   *     not larger than {@link #MAILED_BODY_LIMIT} characters (addresses relative to the site)
   */
  record PostPublished(
      String eventId,
      String type,
      long version,
      Instant occurredAt,
      String postId,
      String slug,
      String title,
      String excerpt,
      List<String> tags,
      Author author,
      Instant publishedAt,
      boolean commentsOpen,
      boolean imported,
      boolean page,
      boolean mailSubscribers,
      CoverPicture cover,
      String bodyHtml)
      implements PostEvent {

    /** A longer post is mailed as its excerpt and a link: events stay far below Kafka's 1 MB. */
    static final int MAILED_BODY_LIMIT = 256_000;

    static PostPublished of(Post post, long version, Instant now, boolean imported) {
      boolean mailed = post.mailSubscribers() && !imported && !post.page();
      return new PostPublished(
          newId(),
          "PostPublished",
          version,
          now,
          post.id(),
          post.slug(),
          post.title(),
          post.excerpt(),
          post.tags(),
          post.author(),
          post.publishedAt(),
          post.commentsOpen(),
          imported,
          post.page(),
          mailed,
          CoverPicture.of(post.cover()),
          mailed && post.bodyHtml() != null && post.bodyHtml().length() <= MAILED_BODY_LIMIT
              ? post.bodyHtml()
              : null);
    }
  }

  /**
   * The picture at the head of the post, for a mail to show it (Ghost's newsletters do).
   *
   * @param url its address on the blog, relative to the site
   */
  record CoverPicture(String url, String alt, int width, int height) {

    static CoverPicture of(Cover cover) {
      return cover == null
          ? null
          : new CoverPicture(cover.url(), cover.alt(), cover.width(), cover.height());
    }
  }

  /** A published post was edited; it carries the post as it now reads. */
  record PostUpdated(
      String eventId,
      String type,
      long version,
      Instant occurredAt,
      String postId,
      String slug,
      String title,
      String excerpt,
      List<String> tags,
      Author author,
      Instant publishedAt,
      boolean commentsOpen)
      implements PostEvent {

    static PostUpdated of(Post post, long version, Instant now) {
      return new PostUpdated(
          newId(),
          "PostUpdated",
          version,
          now,
          post.id(),
          post.slug(),
          post.title(),
          post.excerpt(),
          post.tags(),
          post.author(),
          post.publishedAt(),
          post.commentsOpen());
    }
  }

  /** A published post went back to draft: readers no longer see it. */
  record PostUnpublished(
      String eventId, String type, long version, Instant occurredAt, String postId, String slug)
      implements PostEvent {

    static PostUnpublished of(Post post, long version, Instant now) {
      return new PostUnpublished(newId(), "PostUnpublished", version, now, post.id(), post.slug());
    }
  }

  /**
   * Its author asked an editor to look at the draft (WordPress's "Submit for Review"): the editors
   * are mailed. Only the staff ever hear of it.
   */
  record PostSubmitted(
      String eventId,
      String type,
      long version,
      Instant occurredAt,
      String postId,
      String slug,
      String title,
      Author author)
      implements PostEvent {

    static PostSubmitted of(Post post, long version, Instant now) {
      return new PostSubmitted(
          newId(),
          "PostSubmitted",
          version,
          now,
          post.id(),
          post.slug(),
          post.title(),
          post.author());
    }
  }

  /** The post is gone for good. */
  record PostDeleted(
      String eventId, String type, long version, Instant occurredAt, String postId, String slug)
      implements PostEvent {

    /** By the address readers knew: a post deleted from the trash, by the one it gave up. */
    static PostDeleted of(Post post, long version, Instant now) {
      String slug = post.trashedSlug() != null ? post.trashedSlug() : post.slug();
      return new PostDeleted(newId(), "PostDeleted", version, now, post.id(), slug);
    }
  }

  /**
   * A comment that came with an imported post, handed to comment-service. Its id is derived from
   * the source, so importing the same file twice hands over the same comment twice, harmlessly.
   */
  record CommentImported(
      String eventId,
      String type,
      long version,
      Instant occurredAt,
      String postId,
      String commentId,
      String parentId,
      String authorName,
      String body,
      Instant postedAt)
      implements PostEvent {

    static CommentImported of(Post post, long version, Instant now, ImportedComment comment) {
      return new CommentImported(
          newId(),
          "CommentImported",
          version,
          now,
          post.id(),
          comment.id(),
          comment.parentId(),
          comment.authorName(),
          comment.body(),
          comment.postedAt());
    }
  }

  /** A comment as an import found it. */
  record ImportedComment(
      String id, String parentId, String authorName, String body, Instant postedAt) {}
}
