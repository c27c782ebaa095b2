package io.inkwell.notifications.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface Subscribers extends MongoRepository<Subscriber, String> {

  /** The subscriber of this address, in whatever case it is typed. */
  default Optional<Subscriber> findByAddress(String email) {
    return findByEmailKey(Subscriber.keyOf(email));
  }

  Optional<Subscriber> findByEmailKey(String emailKey);

  List<Subscriber> findByEmailKeyIn(Collection<String> emailKeys);
}
