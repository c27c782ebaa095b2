package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** What authors and readers do with posts. */
@Service
public class PostManagement {

  private static final int SLUG_ATTEMPTS = 20;

  private final Posts posts;
  private final MongoOperations mongo;
  private final PostContentRenderer renderer;
  private final PostSettings settings;
  private final Clock clock;

  PostManagement(
      Posts posts,
      MongoOperations mongo,
      PostContentRenderer renderer,
      PostSettings settings,
      Clock clock) {
    this.posts = posts;
    this.mongo = mongo;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
  }

  public record NewPost(
      String title, String body, String excerpt, List<String> tags, String slug) {}

  /**
   * Creates a draft. A slug the author chose must be free (409 otherwise); a slug derived from the
   * title gets a numeric suffix until it is free, also when two drafts race for it.
   */
  public Post create(NewPost request) {
    Post.Content content = renderer.render(request.title(), request.body(), request.excerpt());
    List<String> tags = normalisedTags(request.tags());
    Instant now = now();
    if (request.slug() != null) {
      try {
        return posts.insert(
            Post.draft(request.slug(), content, tags, settings.defaultAuthor(), now));
      } catch (DuplicateKeyException taken) {
        throw new SlugTaken(request.slug());
      }
    }
    String base = Slugs.fromTitle(content.title());
    for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
      String slug = Slugs.candidate(base, attempt);
      if (posts.findBySlug(slug).isPresent()) {
        continue;
      }
      try {
        return posts.insert(Post.draft(slug, content, tags, settings.defaultAuthor(), now));
      } catch (DuplicateKeyException raced) {
        // another draft took this slug between the check and the insert: try the next one
      }
    }
    throw new SlugTaken(base);
  }

  /** Publishes the post; publishing a published post again changes nothing. */
  public Post publish(String id) {
    Post post = posts.findById(id).orElseThrow(() -> new PostNotFound(id));
    if (post.publish(now())) {
      // The status change and its PostPublished event are one single-document write; a
      // concurrent change of the same post fails the version check rather than being lost.
      return posts.save(post);
    }
    return post;
  }

  /** A published post by id or slug; drafts are not visible to readers. */
  public Post published(String idOrSlug) {
    return posts
        .findById(idOrSlug)
        .or(() -> posts.findBySlug(idOrSlug))
        .filter(Post::isPublished)
        .orElseThrow(() -> new PostNotFound(idOrSlug));
  }

  /** Published posts, newest first, a page at a time. */
  public PostPage published(int limit, String cursor) {
    Criteria criteria = where("status").is(PostStatus.PUBLISHED);
    if (cursor != null && !cursor.isBlank()) {
      Position after = Position.decode(cursor);
      criteria =
          criteria.orOperator(
              where("publishedAt").lt(after.publishedAt()),
              where("publishedAt").is(after.publishedAt()).and("_id").lt(after.id()));
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
            .limit(limit + 1);
    List<Post> found = mongo.find(query, Post.class);
    if (found.size() <= limit) {
      return new PostPage(found, null);
    }
    List<Post> page = found.subList(0, limit);
    Post last = page.get(limit - 1);
    return new PostPage(page, new Position(last.publishedAt(), last.id()).encode());
  }

  private Instant now() {
    // MongoDB keeps milliseconds; so do we, so that what we return equals what we stored.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static List<String> normalisedTags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    var unique = new LinkedHashSet<String>();
    for (String tag : tags) {
      String normalised = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
      if (!normalised.isEmpty()) {
        unique.add(normalised);
      }
    }
    return List.copyOf(unique);
  }

  /** Where a page ended: the publication time and id of its last post. */
  record Position(Instant publishedAt, String id) {

    String encode() {
      String raw = publishedAt.toEpochMilli() + "_" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int separator = raw.indexOf('_');
        return new Position(
            Instant.ofEpochMilli(Long.parseLong(raw.substring(0, separator))),
            raw.substring(separator + 1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new InvalidCursor();
      }
    }
  }
}
