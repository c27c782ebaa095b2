package io.inkwell.posts.post;

import java.util.Collection;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

/** All posts of the blog. */
public interface Posts extends MongoRepository<Post, String> {

  Optional<Post> findBySlug(String slug);

  Optional<Post> findFirstByPreviousSlugs(String slug);

  Optional<Post> findFirstByLegacyPathIn(Collection<String> legacyPaths);
}
