package io.inkwell.posts.post;

import java.time.Instant;
import java.util.List;

/**
 * An event a post raised, waiting in the post's outbox until the relay has sent it to {@code
 * blog.post-events}. Its fields are the published contract (see {@code contracts/}).
 *
 * @param version the version of the post after the change that raised the event; consumers drop
 *     events older than what they have seen
 */
public record PostEvent(
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
    Instant publishedAt) {

  public static final String POST_PUBLISHED = "PostPublished";
}
