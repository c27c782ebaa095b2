package io.inkwell.posts.site;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin changed the blog's title or description; sent to {@code blog.site-events} so that the
 * services which sign mails and pages with the blog's name follow. The record's components are the
 * published contract ({@code contracts/site-changed.schema.json}).
 *
 * @param version the site identity's version after the change: a consumer drops an older one
 */
public record SiteChanged(
    String eventId,
    String type,
    long version,
    Instant occurredAt,
    String title,
    String description) {

  static SiteChanged of(long version, Instant now, String title, String description) {
    return new SiteChanged(
        UUID.randomUUID().toString(), "SiteChanged", version, now, title, description);
  }
}
