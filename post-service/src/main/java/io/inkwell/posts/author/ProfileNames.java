package io.inkwell.posts.author;

import io.inkwell.posts.post.StaffNames;
import java.util.Optional;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Staff members' names as their profiles, kept from {@code StaffChanged}, say them. */
@Component
class ProfileNames implements StaffNames {

  private final MongoTemplate mongo;

  ProfileNames(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  @Override
  public Optional<String> current(String staffId) {
    return Optional.ofNullable(mongo.findById(staffId, AuthorProfile.class))
        .map(AuthorProfile::name);
  }
}
