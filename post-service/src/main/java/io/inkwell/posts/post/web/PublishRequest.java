package io.inkwell.posts.post.web;

import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * {@code publishAt} in the future schedules; no body, or a time that has come, publishes now.
 * {@code mailSubscribers: false} publishes without mailing the subscribers (Ghost's "Publish
 * only"); left out, they are mailed.
 */
record PublishRequest(
    @JsonDeserialize(using = DateTimeText.class) @CalendarDate Instant publishAt,
    Boolean mailSubscribers) {

  boolean mail() {
    return mailSubscribers == null || mailSubscribers;
  }
}
