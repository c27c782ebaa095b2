package io.inkwell.web.api;

import java.time.Instant;
import java.util.List;

/** A published post as the public API gives it (other fields are ignored). */
public record Post(
    String id,
    String slug,
    String title,
    String excerpt,
    String bodyHtml,
    List<String> tags,
    boolean commentsOpen,
    Author author,
    Instant publishedAt,
    Instant updatedAt) {

  public record Author(String id, String name) {}

  public Post {
    tags = tags == null ? List.of() : tags;
  }
}
