package io.inkwell.notifications.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** Someone who asked for the blog's posts by email. */
@Document("subscribers")
public record Subscriber(
    @Id String id,
    @Indexed(unique = true) String email,
    SubscriberStatus status,
    List<String> tags,
    Instant createdAt,
    Instant confirmedAt) {

  static Subscriber pending(String email, List<String> tags, Instant now) {
    return new Subscriber(
        UUID.randomUUID().toString(),
        email,
        SubscriberStatus.PENDING,
        tags == null ? List.of() : List.copyOf(tags),
        now,
        null);
  }
}
