package io.inkwell.notifications.webhook;

import java.util.List;
import java.util.Map;

/** The changes a webhook may be told of, named as Ghost names them, and the events they are. */
public final class WebhookEvents {

  /** By the type of the event on {@code blog.post-events}. */
  static final Map<String, String> BY_TYPE =
      Map.of(
          "PostPublished", "post.published",
          "PostUpdated", "post.updated",
          "PostUnpublished", "post.unpublished",
          "PostDeleted", "post.deleted");

  public static final List<String> NAMES =
      List.of("post.published", "post.updated", "post.unpublished", "post.deleted");

  private WebhookEvents() {}
}
