package io.inkwell.posts.site;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.NotAllowed;
import io.inkwell.posts.post.PostSettings;
import java.time.Clock;
import java.time.Instant;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Service;

/**
 * The blog's title and description: what admins set, or until then the configured name ({@code
 * inkwell.posts.blog-name}) and no description.
 */
@Service
public class Sites {

  private final MongoOperations mongo;
  private final PostSettings settings;
  private final Clock clock;

  Sites(MongoOperations mongo, PostSettings settings, Clock clock) {
    this.mongo = mongo;
    this.settings = settings;
    this.clock = clock;
  }

  public SiteIdentity current() {
    SiteIdentity stored = mongo.findById(SiteIdentity.ID, SiteIdentity.class);
    return stored != null
        ? stored
        : new SiteIdentity(SiteIdentity.ID, settings.blogName(), null, null, null);
  }

  /** Admins only; each a single line of plain text (control characters and runs of space go). */
  public SiteIdentity change(String title, String description, Actor actor) {
    if (!actor.isAdmin()) {
      throw new NotAllowed("Only admins change the blog's title and description.");
    }
    String cleanTitle = plain(title);
    if (cleanTitle.isEmpty()) {
      throw new NoTitle();
    }
    var identity =
        new SiteIdentity(
            SiteIdentity.ID, cleanTitle, plain(description), Instant.now(clock), actor.name());
    mongo.save(identity);
    return identity;
  }

  /** A title of control characters and spaces only. */
  static class NoTitle extends RuntimeException {

    NoTitle() {
      super("A blog needs a title: letters, not only spaces or control characters.");
    }
  }

  private static String plain(String text) {
    return text.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
  }
}
