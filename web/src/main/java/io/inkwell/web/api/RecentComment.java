package io.inkwell.web.api;

import java.time.Instant;

/**
 * A comment readers see, with the post it is on: an entry of the comment feeds. {@code erased} when
 * its writer asked to be forgotten (its name, "Anonymous", is then said in the blog's language).
 */
public record RecentComment(
    String id,
    String postId,
    String postSlug,
    String postTitle,
    String authorName,
    Boolean erased,
    String bodyHtml,
    Instant createdAt) {

  public RecentComment {
    erased = erased != null && erased;
  }
}
