package io.inkwell.posts.redirect;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An address an admin sends elsewhere (Ghost's redirects, WordPress's Redirection): readers who
 * open {@code from}, where the blog has no page, go to {@code to}.
 *
 * @param from a path of the blog, without a trailing slash ({@code /about-me})
 * @param to a path of the blog ({@code /pages/about}) or an http or https address
 * @param permanent a 301, which browsers and search engines remember; else a 302
 * @param hits how often readers were sent on (WordPress's Redirection counts them, so that an admin
 *     sees which are still used)
 * @param lastHitAt when one last was; null while none was
 */
@Document("redirect-rules")
public record RedirectRule(
    @Id String id,
    @Indexed(unique = true) String from,
    String to,
    boolean permanent,
    Instant createdAt,
    String createdBy,
    Long hits,
    Instant lastHitAt) {

  /** Boxed: a rule kept before hits were counted has none (0). */
  public RedirectRule {
    hits = hits == null ? 0 : hits;
  }
}
