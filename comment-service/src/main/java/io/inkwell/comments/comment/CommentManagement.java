package io.inkwell.comments.comment;

import io.inkwell.comments.post.KnownPost;
import io.inkwell.comments.post.KnownPosts;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;

/** What readers do with comments. */
@Service
public class CommentManagement {

  private final Comments comments;
  private final KnownPosts posts;
  private final Clock clock;

  CommentManagement(Comments comments, KnownPosts posts, Clock clock) {
    this.comments = comments;
    this.posts = posts;
    this.clock = clock;
  }

  public record NewComment(String authorName, String authorEmail, String body, String parentId) {}

  /** Comments are taken only on posts this service knows to be published. */
  public Comment post(String postId, NewComment request) {
    requireOpen(postId);
    if (request.parentId() != null
        && comments
            .findById(request.parentId())
            .filter(parent -> parent.postId().equals(postId))
            .isEmpty()) {
      throw new ParentNotFound(request.parentId());
    }
    // Every comment is approved until moderation policies arrive (see the comment-service README).
    return comments.insert(
        Comment.posted(
            postId,
            request.parentId(),
            request.authorName(),
            request.authorEmail(),
            request.body(),
            CommentStatus.APPROVED,
            clock.instant().truncatedTo(ChronoUnit.MILLIS)));
  }

  /** The approved comments of a published post, oldest first. */
  public List<Comment> approved(String postId) {
    requireOpen(postId);
    return comments.findByPostIdAndStatusOrderByCreatedAtAscIdAsc(postId, CommentStatus.APPROVED);
  }

  private void requireOpen(String postId) {
    posts
        .findById(postId)
        .filter(KnownPost::acceptsComments)
        .orElseThrow(() -> new PostNotOpen(postId));
  }
}
