package io.inkwell.comments.comment;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Comments extends MongoRepository<Comment, String> {

  List<Comment> findByPostIdAndStatusOrderByCreatedAtAscIdAsc(String postId, CommentStatus status);

  long countByPostIdAndStatus(String postId, CommentStatus status);

  boolean existsByPostIdAndAuthorEmailAndBody(String postId, String authorEmail, String body);

  void deleteByPostId(String postId);
}
