package io.inkwell.posts.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blog post, the aggregate of post-service. Every state change happens through a method here, and
 * the events a change raises are kept in {@link #outbox()} so that the change and its events are
 * written in one single-document update.
 */
@Document("posts")
public class Post {

  @Id private final String id;

  @Indexed(unique = true)
  private final String slug;

  private final String title;
  private final String bodyMarkdown;
  private final String bodyHtml;
  private final String excerpt;
  private final List<String> tags;
  private final Author author;
  private PostStatus status;
  private final Instant createdAt;
  private Instant updatedAt;
  private Instant publishedAt;
  @Version private Long version;
  private final List<PostEvent> outbox;

  @PersistenceCreator
  Post(
      String id,
      String slug,
      String title,
      String bodyMarkdown,
      String bodyHtml,
      String excerpt,
      List<String> tags,
      Author author,
      PostStatus status,
      Instant createdAt,
      Instant updatedAt,
      Instant publishedAt,
      Long version,
      List<PostEvent> outbox) {
    this.id = id;
    this.slug = slug;
    this.title = title;
    this.bodyMarkdown = bodyMarkdown;
    this.bodyHtml = bodyHtml;
    this.excerpt = excerpt;
    this.tags = tags == null ? List.of() : List.copyOf(tags);
    this.author = author;
    this.status = status;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.publishedAt = publishedAt;
    this.version = version;
    this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
  }

  /** A new draft. The content is already rendered: the model stores, it does not parse. */
  public static Post draft(
      String slug, Content content, List<String> tags, Author author, Instant now) {
    return new Post(
        UUID.randomUUID().toString(),
        slug,
        content.title(),
        content.bodyMarkdown(),
        content.bodyHtml(),
        content.excerpt(),
        tags,
        author,
        PostStatus.DRAFT,
        now,
        now,
        null,
        null,
        List.of());
  }

  /**
   * Publishes the post now and raises {@code PostPublished}. Publishing a published post changes
   * nothing and raises nothing, so a repeated request never sends a second email.
   *
   * @return whether the post changed
   */
  public boolean publish(Instant now) {
    if (status == PostStatus.PUBLISHED) {
      return false;
    }
    status = PostStatus.PUBLISHED;
    publishedAt = now;
    updatedAt = now;
    outbox.add(
        new PostEvent(
            UUID.randomUUID().toString(),
            PostEvent.POST_PUBLISHED,
            nextVersion(),
            now,
            id,
            slug,
            title,
            excerpt,
            tags,
            author,
            publishedAt));
    return true;
  }

  public boolean isPublished() {
    return status == PostStatus.PUBLISHED;
  }

  private long nextVersion() {
    return version == null ? 0 : version + 1;
  }

  public String id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String bodyMarkdown() {
    return bodyMarkdown;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String excerpt() {
    return excerpt;
  }

  public List<String> tags() {
    return tags;
  }

  public Author author() {
    return author;
  }

  public PostStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Long version() {
    return version;
  }

  /** Events raised but not yet relayed to Kafka, oldest first. */
  public List<PostEvent> outbox() {
    return List.copyOf(outbox);
  }

  /** The rendered content of a post. */
  public record Content(String title, String bodyMarkdown, String bodyHtml, String excerpt) {}
}
