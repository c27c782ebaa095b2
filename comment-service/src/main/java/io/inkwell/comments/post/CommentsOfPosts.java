package io.inkwell.comments.post;

import java.time.Instant;

/**
 * What becomes of a post's comments when post-service's events say so. The comment feature does it;
 * the projection calls it as the events come, in their order (one post's events share a partition),
 * so a comment imported with a post finds the post known.
 */
public interface CommentsOfPosts {

  /** The post was deleted: its comments go with it. */
  void removeAllOf(String postId);

  /** A comment that came with an imported post: approved, with its original date, once. */
  void imported(
      String id, String postId, String parentId, String authorName, String body, Instant postedAt);
}
