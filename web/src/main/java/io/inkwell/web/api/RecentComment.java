package io.inkwell.web.api;

import java.time.Instant;

/** A comment readers see, with the post it is on: an entry of the comment feeds. */
public record RecentComment(
    String id,
    String postId,
    String postSlug,
    String postTitle,
    String authorName,
    String bodyHtml,
    Instant createdAt) {}
