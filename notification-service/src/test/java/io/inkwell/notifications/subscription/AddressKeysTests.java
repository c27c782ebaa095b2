package io.inkwell.notifications.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.notifications.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Subscribers stored before an address had one key, some of them the same reader typed in another
 * case, become one subscriber each, and every link they were sent keeps working.
 */
class AddressKeysTests extends IntegrationTest {

  @Autowired private AddressKeys addressKeys;
  @Autowired private Subscribers subscribers;
  @Autowired private SubscriptionManagement subscriptions;
  @Autowired private MongoTemplate mongo;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  @Test
  void theSameReaderInThreeCasesBecomesTheConfirmedOneAndAnswersTheOthersLinks() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    String pending = stored("Ben-" + run + "@example.org", "PENDING", now.minusSeconds(300));
    String confirmed = stored("ben-" + run + "@example.org", "CONFIRMED", now.minusSeconds(200));
    String left = stored("BEN-" + run + "@example.org", "UNSUBSCRIBED", now.minusSeconds(100));
    String solo = stored("Solo-" + run + "@example.org", "CONFIRMED", now);

    assertThat(addressKeys.giveKeys()).isEqualTo(2);

    List<Subscriber> ben =
        subscribers.findAll().stream()
            .filter(
                subscriber -> subscriber.email().equalsIgnoreCase("ben-" + run + "@example.org"))
            .toList();
    assertThat(ben).extracting(Subscriber::id).containsExactly(confirmed);
    assertThat(keyOf(confirmed)).isEqualTo("ben-" + run + "@example.org");
    assertThat(keyOf(solo)).isEqualTo("solo-" + run + "@example.org");
    assertThat(subscribers.findByAddress("SOLO-" + run + "@EXAMPLE.ORG").orElseThrow().email())
        .as("the address as it was typed, for mail")
        .isEqualTo("Solo-" + run + "@example.org");
    assertThat(addressKeys.giveKeys()).as("a second start finds nothing to do").isZero();

    // a link in a mail sent to another spelling reaches the reader that stays
    assertThat(subscriptions.preferences(subscriptions.manageToken(left)).id())
        .isEqualTo(confirmed);
    subscriptions.unsubscribe(subscriptions.unsubscribeToken(pending));
    assertThat(subscribers.findById(confirmed).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  @Test
  void aKeylessConfirmedReaderTakesTheKeyFromAPendingOneStoredSince() {
    String older = stored("Cleo-" + run + "@example.org", "CONFIRMED", Instant.now());
    // asked for again meanwhile, by a request that could not find the older one
    String newer =
        subscribers
            .insert(
                Subscriber.pending("cleo-" + run + "@example.org", List.of(), null, Instant.now()))
            .id();

    addressKeys.giveKeys();

    assertThat(subscribers.findByAddress("cleo-" + run + "@example.org").orElseThrow().id())
        .isEqualTo(older);
    assertThat(subscribers.findById(newer)).isEmpty();
  }

  /**
   * A reader whose address was stored with its accent as a mark of its own, keyed so before keys
   * were composed, is the reader who typed the accent as one letter since: one subscriber, the
   * confirmed one, answering the other's links.
   */
  @Test
  void aReaderKeyedWithTheirAccentAsAMarkBecomesOneWithTheAddressItLooksLike() {
    String decomposed = "jose\u0301-" + run + "@example.org";
    String composed = "jos\u00e9-" + run + "@example.org";
    String confirmed =
        stored(
            decomposed, "CONFIRMED", Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MILLIS));
    mongo.updateFirst(
        Query.query(where("_id").is(confirmed)),
        new Update().set("emailKey", decomposed),
        "subscribers");
    // typed since with the accent as one letter, by a request that could not find the other
    String pending =
        subscribers.insert(Subscriber.pending(composed, List.of(), null, Instant.now())).id();

    assertThat(addressKeys.forgetStaleKeys()).isEqualTo(1);
    assertThat(addressKeys.giveKeys()).isEqualTo(1);

    assertThat(subscribers.findByAddress(composed).orElseThrow().id()).isEqualTo(confirmed);
    assertThat(subscribers.findByAddress(decomposed).orElseThrow().id()).isEqualTo(confirmed);
    assertThat(subscribers.findById(pending)).isEmpty();
    assertThat(keyOf(confirmed)).isEqualTo(composed);
    assertThat(addressKeys.forgetStaleKeys()).as("a second start finds nothing to do").isZero();
    subscriptions.unsubscribe(subscriptions.unsubscribeToken(pending));
    assertThat(subscribers.findById(confirmed).orElseThrow().status())
        .isEqualTo(SubscriberStatus.UNSUBSCRIBED);
  }

  /** A subscriber as this service stored them before addresses had keys. */
  private String stored(String email, String status, Instant createdAt) {
    String id = UUID.randomUUID().toString();
    mongo.insert(
        new Document("_id", id)
            .append("email", email)
            .append("status", status)
            .append("tags", List.of())
            .append("paused", false)
            .append("createdAt", Date.from(createdAt))
            .append("confirmedAt", "CONFIRMED".equals(status) ? Date.from(createdAt) : null)
            .append("frequency", "INSTANTLY"),
        "subscribers");
    return id;
  }

  private String keyOf(String id) {
    return mongo
        .findOne(Query.query(where("_id").is(id)), Document.class, "subscribers")
        .getString("emailKey");
  }
}
