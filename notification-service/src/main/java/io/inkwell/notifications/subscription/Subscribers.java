package io.inkwell.notifications.subscription;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Subscribers extends MongoRepository<Subscriber, String> {

  Optional<Subscriber> findByEmail(String email);
}
