package io.inkwell.comments.post;

import java.time.Instant;

/**
 * The fields of a post event that comment-service reads; everything else in the event is ignored
 * (tolerant reader), so post-service may add fields freely. The comment fields are those of {@code
 * CommentImported}.
 */
record PostEventMessage(
    String eventId,
    String type,
    Long version,
    String postId,
    String slug,
    String title,
    Author author,
    Boolean commentsOpen,
    Instant publishedAt,
    String commentId,
    String parentId,
    String authorName,
    String body,
    Instant postedAt) {

  record Author(String id) {}
}
