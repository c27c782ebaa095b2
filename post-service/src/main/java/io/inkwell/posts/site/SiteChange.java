package io.inkwell.posts.site;

/**
 * What an admin saves in Settings. Title and description are always given; each other setting left
 * out (null) stays as it is, so a client that knows nothing of it changes none.
 *
 * @param language a BCP 47 tag
 * @param timeZone a name of the IANA time zone database
 * @param accentColor {@code #rgb} or {@code #rrggbb}; empty for the theme's own
 * @param icon the address of one of the blog's pictures as Images gives it (or its Markdown, or its
 *     id); empty for the platform's own
 * @param logo alike; empty for the blog's name in letters
 * @param feedContent what each entry of the blog's feeds carries: {@code FULL}, the post, or {@code
 *     EXCERPT}, its excerpt only
 */
public record SiteChange(
    String title,
    String description,
    String language,
    String timeZone,
    String accentColor,
    String icon,
    String logo,
    String feedContent) {}
