package io.inkwell.web.api;

import java.time.Instant;
import java.util.List;

/**
 * An approved comment with its replies, as readers see it (no email address, ever); {@code staff}
 * when the blog's own people wrote it.
 */
public record Comment(
    String id,
    String authorName,
    Boolean staff,
    String bodyHtml,
    Instant createdAt,
    List<Comment> replies) {

  public Comment {
    replies = replies == null ? List.of() : replies;
    staff = staff != null && staff;
  }
}
