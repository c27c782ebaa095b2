package io.inkwell.comments.post;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What comment-service knows of a post, kept from {@code blog.post-events}. It never asks
 * post-service: a post takes comments when this projection says it is published and open.
 */
@Document("posts")
public record KnownPost(
    @Id String id,
    String slug,
    String title,
    String authorId,
    String status,
    Boolean commentsOpen,
    Instant publishedAt,
    long version) {

  public static final String PUBLISHED = "PUBLISHED";
  public static final String DRAFT = "DRAFT";
  public static final String DELETED = "DELETED";

  public boolean isPublished() {
    return PUBLISHED.equals(status);
  }

  /** Open unless the post's author closed it; older events say nothing, which means open. */
  public boolean acceptsComments() {
    return commentsOpen == null || commentsOpen;
  }
}
