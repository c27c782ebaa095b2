package io.inkwell.notifications.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone who asked for the blog's posts by email.
 *
 * @param tags the tags whose posts they want; empty for every post
 * @param paused whether they asked for no mail for now
 * @param frequency each post as it is published, or a daily or weekly digest
 */
@Document("subscribers")
public record Subscriber(
    @Id String id,
    @Indexed(unique = true) String email,
    SubscriberStatus status,
    List<String> tags,
    boolean paused,
    Instant createdAt,
    Instant confirmedAt,
    Frequency frequency) {

  public Subscriber {
    tags = tags == null ? List.of() : List.copyOf(tags);
    frequency = frequency == null ? Frequency.INSTANTLY : frequency;
  }

  static Subscriber pending(String email, List<String> tags, Frequency frequency, Instant now) {
    return new Subscriber(
        UUID.randomUUID().toString(),
        email,
        SubscriberStatus.PENDING,
        tags,
        false,
        now,
        null,
        frequency);
  }

  /** Whether a post with these tags is mailed to this subscriber. */
  public boolean wants(Collection<String> postTags) {
    return status == SubscriberStatus.CONFIRMED
        && !paused
        && (tags.isEmpty() || tags.stream().anyMatch(postTags::contains));
  }
}
