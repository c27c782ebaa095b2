package io.inkwell.posts.site;

import java.time.Instant;
import java.util.UUID;

/**
 * An admin changed the blog's title, description, language, time zone, icon, logo or accent colour;
 * sent to {@code blog.site-events} so that the services which sign mails and pages with the blog's
 * name, and mail its posts, follow. The record's components are the published contract ({@code
 * contracts/site-changed.schema.json}).
 *
 * @param version the site identity's version after the change: a consumer drops an older one
 * @param language the language the posts are written in (a BCP 47 tag), after the change
 * @param direction which way its text runs, {@code ltr} or {@code rtl}
 * @param timeZone the blog's zone (an IANA name), in which digests go out at their hour
 * @param icon where the blog's icon is ({@code /api/images/{id}}), which heads its mails; null
 *     without one
 * @param accentColor the colour ({@code #rrggbb}) of the buttons in its mails; null for none
 * @param logo the picture that heads its mails instead of its name in letters; null for none
 */
public record SiteChanged(
    String eventId,
    String type,
    long version,
    Instant occurredAt,
    String title,
    String description,
    String language,
    String direction,
    String timeZone,
    String icon,
    String accentColor,
    Logo logo) {

  /**
   * The logo as the contract says it.
   *
   * @param url a path on the blog's public address ({@code /api/images/{id}})
   */
  public record Logo(String url, int width, int height) {}

  static SiteChanged of(
      long version,
      Instant now,
      String title,
      String description,
      String language,
      String timeZone,
      String icon,
      String accentColor,
      SiteIdentity.Logo logo) {
    return new SiteChanged(
        UUID.randomUUID().toString(),
        "SiteChanged",
        version,
        now,
        title,
        description,
        language,
        LanguageTags.direction(language),
        timeZone,
        icon,
        accentColor,
        logo == null ? null : new Logo(logo.url(), logo.width(), logo.height()));
  }
}
