package io.inkwell.notifications.webhook;

import java.util.List;
import java.util.Map;

/** The changes a webhook may be told of, named as Ghost names them, and the events they are. */
public final class WebhookEvents {

  /**
   * By the type of the event on {@code blog.post-events}, {@code blog.site-events} or {@code
   * blog.comment-events}.
   */
  static final Map<String, String> BY_TYPE =
      Map.of(
          "PostPublished", "post.published",
          "PostUpdated", "post.updated",
          "PostUnpublished", "post.unpublished",
          "PostDeleted", "post.deleted",
          "SiteChanged", "site.updated",
          "CommentPosted", "comment.posted",
          "CommentHeld", "comment.held");

  /**
   * Any change readers see, a post's or the blog's title and description: what a static site is
   * rebuilt on, with one webhook instead of five, as Ghost's {@code site.changed} is.
   */
  static final String SITE_CHANGED = "site.changed";

  public static final List<String> NAMES =
      List.of(
          "post.published",
          "post.updated",
          "post.unpublished",
          "post.deleted",
          "site.updated",
          SITE_CHANGED,
          "comment.posted",
          "comment.held");

  /** Whether {@code site.changed} is told of the change: a post's or the blog's, not a comment. */
  static boolean changesTheSite(String change) {
    return change.startsWith("post.") || change.equals("site.updated");
  }

  private WebhookEvents() {}
}
