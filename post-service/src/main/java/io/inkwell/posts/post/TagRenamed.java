package io.inkwell.posts.post;

import java.time.Instant;
import java.util.UUID;

/**
 * An editor renamed a tag, or merged it into another by giving it that one's name: every post that
 * had {@code from} has {@code to} instead (each published one also raised its {@code PostUpdated}).
 * Waits in the outbox of the blog's one tag-changes document, so every tag change is sent in order,
 * under one key ({@code tags}); see {@code contracts/tag-renamed.schema.json}.
 */
public record TagRenamed(String eventId, String type, Instant occurredAt, String from, String to) {

  static TagRenamed of(String from, String to, Instant now) {
    return new TagRenamed(UUID.randomUUID().toString(), "TagRenamed", now, from, to);
  }
}
