package io.inkwell.web.api;

import java.time.Instant;
import java.util.List;

/** An approved comment with its replies, as readers see it (no email address, ever). */
public record Comment(
    String id, String authorName, String bodyHtml, Instant createdAt, List<Comment> replies) {

  public Comment {
    replies = replies == null ? List.of() : replies;
  }
}
