package io.inkwell.posts.post;

import java.time.Instant;
import java.util.UUID;

/**
 * A tag has a new name, the spelling readers are shown for it (ADR 44), or is its own name again
 * ({@code name} equal to {@code tag}). Waits in the outbox of the tag's document in {@code
 * tag-descriptions}, written by the same update as the name, and is sent keyed by the tag, so one
 * tag's names come in order; see {@code contracts/tag-named.schema.json}.
 */
public record TagNamed(String eventId, String type, Instant occurredAt, String tag, String name) {

  static TagNamed of(String tag, String name, Instant now) {
    return new TagNamed(UUID.randomUUID().toString(), "TagNamed", now, tag, name);
  }
}
