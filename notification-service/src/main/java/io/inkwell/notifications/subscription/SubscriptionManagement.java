package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.NotificationMetrics;
import io.inkwell.notifications.NotificationSettings;
import io.inkwell.notifications.mail.EmailAddresses;
import io.inkwell.notifications.mail.ReaderMails;
import io.inkwell.notifications.subscription.Tokens.Purpose;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;

/** Subscribing with double opt-in, confirming and unsubscribing. */
@Service
public class SubscriptionManagement {

  /** Unsubscribe links must keep working for as long as anyone may keep an old mail. */
  static final long UNSUBSCRIBE_VALIDITY_DAYS = 3650;

  /** When the address was last sent a link to confirm ({@link UnconfirmedSubscribers}). */
  static final String ASKED_AT = "askedAt";

  /** {@link Subscriber#refusedAt}. */
  static final String REFUSED_AT = "refusedAt";

  private final Subscribers subscribers;
  private final RateLimits rateLimits;
  private final MongoOperations mongo;
  private final Tokens tokens;
  private final ReaderMails mails;
  private final NotificationSettings settings;
  private final Clock clock;
  private final NotificationMetrics metrics;
  private final ApplicationEventPublisher events;

  SubscriptionManagement(
      Subscribers subscribers,
      RateLimits rateLimits,
      MongoOperations mongo,
      Tokens tokens,
      ReaderMails mails,
      NotificationSettings settings,
      Clock clock,
      NotificationMetrics metrics,
      ApplicationEventPublisher events) {
    this.metrics = metrics;
    this.events = events;
    this.subscribers = subscribers;
    this.rateLimits = rateLimits;
    this.mongo = mongo;
    this.tokens = tokens;
    this.mails = mails;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Asks the address to confirm. The caller learns nothing about whether the address was known: a
   * confirmed subscriber gets no mail, everyone else gets a (new) confirmation link, at most a few
   * a day, so that the form cannot be used to flood someone's inbox. A client that asks too often
   * is refused.
   *
   * <p>A new address's tags and frequency ({@code null}: each post as it is published) are kept
   * from this first request. A known address's choices, in whatever case it is typed now, are not
   * changed here (anyone may type anyone's address): its holder changes them with the link in their
   * mails. An address whose owner refused ({@link #refuse}) is never asked again.
   */
  public void subscribe(String email, List<String> tags, Frequency frequency, String client) {
    var byClient =
        rateLimits.attempt(
            "subscribe-client:" + client, settings.confirmationsPerClient(), Duration.ofHours(1));
    if (!byClient.allowed()) {
      throw new TooManyRequests(Duration.between(clock.instant(), byClient.windowEndsAt()));
    }
    String address =
        EmailAddresses.normalised(email)
            .orElseThrow(() -> new IllegalArgumentException("Not an address: " + email));
    Subscriber subscriber = findOrCreate(address, normalisedTags(tags), frequency);
    if (subscriber.status() == SubscriberStatus.CONFIRMED
        || subscriber.status() == SubscriberStatus.BOUNCING
        || subscriber.refusedAt() != null) {
      return;
    }
    // one who unsubscribed stays so until they confirm again: anyone may type their address
    var byAddress =
        rateLimits.attempt(
            "confirm-address:" + subscriber.email(),
            settings.confirmationsPerAddress(),
            Duration.ofDays(1));
    if (!byAddress.allowed()) {
      return;
    }
    String token =
        tokens.issue(subscriber.id(), Purpose.CONFIRM, now().plus(settings.confirmationValidity()));
    String refusal =
        tokens.issue(
            subscriber.id(),
            Purpose.REFUSE,
            now().plus(UNSUBSCRIBE_VALIDITY_DAYS, ChronoUnit.DAYS));
    try {
      mails.sendConfirmation(subscriber.email(), token, refusal);
    } catch (MailException unavailable) {
      // The subscriber stays pending; asking again sends a new link once the mail server is back,
      // and a mail that never left does not count against the address's few a day.
      rateLimits.giveBack(byAddress);
      metrics.failed("confirmation");
      throw new MailUnavailable(unavailable);
    }
    mongo.updateFirst(
        Query.query(where("_id").is(subscriber.id())),
        new Update().set(ASKED_AT, now()),
        Subscriber.class);
    metrics.sent("confirmation");
  }

  /** The confirmation mail could not be handed to the mail server (503, try again shortly). */
  public static class MailUnavailable extends RuntimeException {
    MailUnavailable(Throwable cause) {
      this(
          "The confirmation mail could not be sent right now; please try again in a minute.",
          cause);
    }

    public MailUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A subscriber confirmed their address just now (not again). */
  public record Confirmed(String subscriberId) {}

  /**
   * Confirms the address of the token's subscriber, pending or back after unsubscribing; the first
   * time, with the welcome mail marked due in the same update ({@link Welcomes} sends it). Whoever
   * follows the link of a mail that went to the address is its owner: a refusal from the same mail
   * is undone.
   */
  public void confirm(String token) {
    String id = reached(tokens.verify(token, Purpose.CONFIRM).orElseThrow(InvalidToken::new));
    var update =
        new Update()
            .set("status", SubscriberStatus.CONFIRMED)
            .set("confirmedAt", now())
            .unset(REFUSED_AT);
    if (settings.welcomeMail()) {
      update.set(Welcomes.DUE, true);
    }
    var confirmed =
        mongo.updateFirst(
            Query.query(
                where("_id")
                    .is(id)
                    .and("status")
                    .in(SubscriberStatus.PENDING, SubscriberStatus.UNSUBSCRIBED)),
            update,
            Subscriber.class);
    if (confirmed.getModifiedCount() > 0) {
      metrics.subscription("confirmed");
      events.publishEvent(new Confirmed(id));
    }
  }

  public void unsubscribe(String token) {
    String id = reached(tokens.verify(token, Purpose.UNSUBSCRIBE).orElseThrow(InvalidToken::new));
    setStatus(
        id,
        SubscriberStatus.UNSUBSCRIBED,
        List.of(SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED));
    metrics.subscription("unsubscribed");
  }

  /** Whoever holds the address said they never asked for the blog's posts (ADR 43). */
  public record Refused(String email) {}

  /**
   * The link, in the mail that asks to confirm, for whoever did not ask: the address is not
   * subscribed, now or later (a subscriber who confirmed from the same mail is unsubscribed), and
   * typing it into the subscribe form again mails it nothing; the comment forms ask it nothing
   * either ({@link Refused}). Again is the same; only the confirmation link of a mail that went to
   * the address undoes it.
   */
  public void refuse(String token) {
    Supplier<InvalidToken> invalid =
        () -> new InvalidToken("The link is invalid; use the one in the mail you got from us.");
    String id = reached(tokens.verify(token, Purpose.REFUSE).orElseThrow(invalid));
    var subscriber = subscribers.findById(id).orElseThrow(invalid);
    setStatus(
        id,
        SubscriberStatus.UNSUBSCRIBED,
        List.of(SubscriberStatus.PENDING, SubscriberStatus.CONFIRMED));
    var first =
        mongo.updateFirst(
            Query.query(where("_id").is(id).and(REFUSED_AT).exists(false)),
            new Update().set(REFUSED_AT, now()),
            Subscriber.class);
    if (first.getModifiedCount() > 0) {
      metrics.subscription("refused");
    }
    events.publishEvent(new Refused(subscriber.email()));
  }

  /** The subscriber a preferences link belongs to. */
  public Subscriber preferences(String token) {
    String id = reached(tokens.verify(token, Purpose.MANAGE).orElseThrow(InvalidToken::new));
    return subscribers.findById(id).orElseThrow(InvalidToken::new);
  }

  /**
   * Chooses all posts (no tags) or some tags, pauses or resumes mail, and chooses how often it
   * comes (pausing and frequency {@code null}: as before). A post already waiting for a digest
   * comes with it.
   */
  public Subscriber changePreferences(
      String token, List<String> tags, Boolean paused, Frequency frequency) {
    String id = reached(tokens.verify(token, Purpose.MANAGE).orElseThrow(InvalidToken::new));
    var update = new Update().set("tags", normalisedTags(tags));
    if (paused != null) {
      update.set("paused", paused);
    }
    if (frequency != null) {
      update.set("frequency", frequency);
    }
    mongo.updateFirst(Query.query(where("_id").is(id)), update, Subscriber.class);
    return subscribers.findById(id).orElseThrow(InvalidToken::new);
  }

  /** The address's server refused mail for good: stop mailing it. */
  public void bounced(String subscriberId) {
    setStatus(
        subscriberId,
        SubscriberStatus.BOUNCING,
        List.of(SubscriberStatus.CONFIRMED, SubscriberStatus.PENDING));
    metrics.subscription("bounced");
  }

  public String manageToken(String subscriberId) {
    return tokens.issue(
        subscriberId, Purpose.MANAGE, now().plus(UNSUBSCRIBE_VALIDITY_DAYS, ChronoUnit.DAYS));
  }

  public String unsubscribeToken(String subscriberId) {
    return tokens.issue(
        subscriberId, Purpose.UNSUBSCRIBE, now().plus(UNSUBSCRIBE_VALIDITY_DAYS, ChronoUnit.DAYS));
  }

  /**
   * The subscriber a link made for this id reaches now: itself, or the one it was merged into
   * ({@link AddressKeys}); an erased one's id stays as it was and reaches nobody.
   */
  private String reached(String id) {
    return AddressKeys.answering(mongo, id).orElse(id);
  }

  private Subscriber findOrCreate(String email, List<String> tags, Frequency frequency) {
    return subscribers
        .findByAddress(email)
        .orElseGet(
            () -> {
              try {
                metrics.subscription("subscribed");
                return subscribers.insert(Subscriber.pending(email, tags, frequency, now()));
              } catch (DuplicateKeyException raced) {
                return subscribers.findByAddress(email).orElseThrow();
              }
            });
  }

  private void setStatus(String id, SubscriberStatus to, List<SubscriberStatus> from) {
    mongo.updateFirst(
        Query.query(where("_id").is(id).and("status").in(from)),
        new Update().set("status", to),
        Subscriber.class);
  }

  static List<String> normalisedTags(List<String> tags) {
    return tags == null
        ? List.of()
        : tags.stream()
            .map(SubscriptionManagement::normalisedTag)
            .filter(tag -> !tag.isEmpty())
            .distinct()
            .toList();
  }

  /**
   * As post-service writes a post's tags: lower-case, spaces of every kind one space (a no-break
   * space is a space) and control characters too, invisible characters gone but the joiners,
   * letters composed (NFC), Turkish's "İ" an "i".
   */
  static String normalisedTag(String tag) {
    String visible =
        tag.replaceAll("\\p{Cntrl}", " ")
            .replaceAll("[\\p{Cf}&&[^\\u200C\\u200D]]", "")
            .replaceAll("[\\s\\p{Z}]+", " ")
            .strip();
    return Normalizer.normalize(
        visible.toLowerCase(Locale.ROOT).replace("i\u0307", "i"), Normalizer.Form.NFC);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
