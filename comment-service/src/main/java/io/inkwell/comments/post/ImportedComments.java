package io.inkwell.comments.post;

import io.inkwell.comments.comment.Comment;
import io.inkwell.comments.comment.CommentStatus;
import io.inkwell.comments.comment.Comments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Stores comments that came with an imported post as approved comments. Their ids come from the
 * source, so a re-import or a re-delivered event finds the comment already there.
 */
@Component
class ImportedComments {

  private final Comments comments;

  ImportedComments(Comments comments) {
    this.comments = comments;
  }

  void imported(PostEventMessage event) {
    if (event.commentId() == null || event.postId() == null || event.body() == null) {
      throw new IllegalArgumentException("CommentImported without ids or body: " + event);
    }
    try {
      comments.insert(
          new Comment(
              event.commentId(),
              event.postId(),
              event.parentId(),
              event.authorName() == null ? "Anonymous" : event.authorName(),
              null,
              event.body(),
              CommentStatus.APPROVED,
              event.postedAt()));
    } catch (DuplicateKeyException alreadyImported) {
      // imported before: nothing to do
    }
  }
}
