package io.inkwell.comments.post;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface KnownPosts extends MongoRepository<KnownPost, String> {}
