package io.inkwell.notifications.subscription;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Someone who asked for the blog's posts by email.
 *
 * @param email the address as they first typed it (its domain in lower case); mail goes to it
 * @param tags the tags whose posts they want; empty for every post
 * @param paused whether they asked for no mail for now
 * @param frequency each post as it is published, or a daily or weekly digest
 * @param emailKey the address in lower case and composed, one subscriber each: {@code
 *     Ada@example.org} typed on a phone that capitalises the first letter is the same reader as
 *     {@code ada@example.org}, as every mail provider treats them (the letter of RFC 5321 lets a
 *     server tell them apart; none that readers use does)
 * @param refusedAt when whoever holds the address said they never asked, and wanted no mail asking
 *     again (ADR 43); null for never
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
    Frequency frequency,
    // sparse: subscribers stored before it had one get it when the service starts
    @Indexed(unique = true, sparse = true) String emailKey,
    Instant refusedAt) {

  @PersistenceCreator
  public Subscriber {
    tags = tags == null ? List.of() : List.copyOf(tags);
    frequency = frequency == null ? Frequency.INSTANTLY : frequency;
    emailKey = email == null ? null : keyOf(email);
  }

  public Subscriber(
      String id,
      String email,
      SubscriberStatus status,
      List<String> tags,
      boolean paused,
      Instant createdAt,
      Instant confirmedAt,
      Frequency frequency) {
    this(id, email, status, tags, paused, createdAt, confirmedAt, frequency, null, null);
  }

  /**
   * The one key of an address and its spellings in other cases, or with an accent written as a mark
   * of its own (composed, NFC, as RFC 6532 asks).
   */
  public static String keyOf(String email) {
    return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
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
