package io.inkwell.web.api;

import java.time.Instant;
import java.util.List;

/**
 * A published post as the public API gives it (other fields are ignored); {@code page} for a page
 * (About, Contact), read at {@code /pages/{slug}}.
 */
public record Post(
    String id,
    String slug,
    String title,
    String excerpt,
    String bodyHtml,
    List<String> tags,
    boolean commentsOpen,
    Boolean page,
    Author author,
    Instant publishedAt,
    Instant updatedAt) {

  public record Author(String id, String name) {}

  public Post {
    tags = tags == null ? List.of() : tags;
    // an API from before pages says nothing: a post
    page = page != null && page;
  }
}
