package io.inkwell.comments.comment;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A reader's comment on a post. The email address is kept for moderation and notifications and is
 * never part of any public answer.
 */
@Document("comments")
@CompoundIndex(name = "post_thread", def = "{'postId': 1, 'status': 1, 'createdAt': 1}")
public record Comment(
    @Id String id,
    String postId,
    String parentId,
    String authorName,
    String authorEmail,
    String body,
    CommentStatus status,
    Instant createdAt) {

  public static Comment posted(
      String postId,
      String parentId,
      String authorName,
      String authorEmail,
      String body,
      CommentStatus status,
      Instant now) {
    return new Comment(
        UUID.randomUUID().toString(),
        postId,
        parentId,
        authorName.strip(),
        authorEmail.strip(),
        body.strip(),
        status,
        now);
  }
}
