package io.inkwell.comments.post;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What comment-service knows of a post, kept from {@code blog.post-events}. It never asks
 * post-service: a post is open for comments when this projection says it is published.
 */
@Document("posts")
public record KnownPost(@Id String id, String slug, String title, String status, long version) {

  public static final String PUBLISHED = "PUBLISHED";
  public static final String DRAFT = "DRAFT";
  public static final String DELETED = "DELETED";

  public boolean acceptsComments() {
    return PUBLISHED.equals(status);
  }
}
