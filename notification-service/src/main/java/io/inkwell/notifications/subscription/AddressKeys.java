package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * One subscriber per address, whatever its case. Subscribers stored before {@link
 * Subscriber#emailKey} existed get theirs when the service starts, before it takes a request or an
 * event; two of them whose addresses differ only in case (a phone capitalised the first letter)
 * become one, so that the reader stops getting every post twice.
 *
 * <p>Keys are composed too ({@link Subscriber#keyOf}): a subscriber keyed before that, whose
 * address has an accent written as a mark of its own, is keyed again at start, and becomes one with
 * the reader of the address it looks like.
 *
 * <p>The one kept is the confirmed one, else a bouncing, pending, unsubscribed one, the oldest
 * first; it answers the other's links too ({@link #FORMER_IDS}), so that unsubscribing from a mail
 * sent to the other spelling stops the mail.
 */
@Component
class AddressKeys implements SmartInitializingSingleton {

  /** The ids of the subscribers merged into this one, whose links it answers. */
  static final String FORMER_IDS = "formerIds";

  private static final String COLLECTION = "subscribers";

  private static final Logger log = LoggerFactory.getLogger(AddressKeys.class);

  private static final List<SubscriberStatus> KEPT_FIRST =
      List.of(
          SubscriberStatus.CONFIRMED,
          SubscriberStatus.BOUNCING,
          SubscriberStatus.PENDING,
          SubscriberStatus.UNSUBSCRIBED);

  private static final Comparator<Subscriber> KEPT =
      Comparator.comparing((Subscriber subscriber) -> KEPT_FIRST.indexOf(subscriber.status()))
          .thenComparing(Subscriber::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(Subscriber::id);

  private final MongoOperations mongo;

  AddressKeys(MongoOperations mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterSingletonsInstantiated() {
    mongo
        .indexOps(Subscriber.class)
        .createIndex(new Index(FORMER_IDS, Sort.Direction.ASC).sparse());
    forgetStaleKeys();
    int merged = giveKeys();
    if (merged > 0) {
      log.info(
          "{} subscribers whose addresses differed only in case or in how an accent was written"
              + " were merged",
          merged);
    }
  }

  /**
   * Takes their key from subscribers whose stored key is not the key of their address as keys are
   * written now, so that {@link #giveKeys} gives it again. Only an address beyond ASCII can have
   * one.
   *
   * @return how many subscribers lost their key
   */
  int forgetStaleKeys() {
    Query beyondAscii = Query.query(where("emailKey").regex("[^\\x00-\\x7F]"));
    beyondAscii.fields().include("email").include("emailKey");
    int stale = 0;
    for (Document found : mongo.find(beyondAscii, Document.class, COLLECTION)) {
      String key = found.getString("emailKey");
      if (!key.equals(Subscriber.keyOf(found.getString("email")))) {
        mongo.updateFirst(
            Query.query(where("_id").is(found.get("_id")).and("emailKey").is(key)),
            new Update().unset("emailKey"),
            COLLECTION);
        stale++;
      }
    }
    return stale;
  }

  /**
   * Keys every subscriber without one.
   *
   * @return how many subscribers were merged into another
   */
  int giveKeys() {
    Query keyless = Query.query(where("emailKey").exists(false));
    keyless.fields().include("_id");
    int merged = 0;
    for (Document found : mongo.find(keyless, Document.class, COLLECTION)) {
      Subscriber subscriber = mongo.findById(found.get("_id"), Subscriber.class);
      if (subscriber != null && !key(subscriber)) {
        merge(subscriber);
        merged++;
      }
    }
    return merged;
  }

  /** Gives the subscriber its key: false when another subscriber holds it. */
  private boolean key(Subscriber subscriber) {
    try {
      mongo.updateFirst(
          Query.query(where("_id").is(subscriber.id()).and("emailKey").exists(false)),
          new Update().set("emailKey", subscriber.emailKey()),
          Subscriber.class);
      return true;
    } catch (DuplicateKeyException sameAddress) {
      return false;
    }
  }

  /** The keyless subscriber and the one holding its key become the better of the two. */
  private void merge(Subscriber keyless) {
    Subscriber holder =
        mongo.findOne(Query.query(where("emailKey").is(keyless.emailKey())), Subscriber.class);
    if (holder == null) { // merged away meanwhile (another instance starting)
      key(keyless);
      return;
    }
    boolean holderStays = KEPT.compare(holder, keyless) <= 0;
    Subscriber kept = holderStays ? holder : keyless;
    Subscriber gone = holderStays ? keyless : holder;
    mongo.updateFirst(
        Query.query(where("_id").is(kept.id())),
        new Update().addToSet(FORMER_IDS).each(formerIdsAnd(gone)),
        Subscriber.class);
    mongo.remove(Query.query(where("_id").is(gone.id())), Subscriber.class);
    if (!holderStays) {
      key(keyless);
    }
    log.debug(
        "Subscriber {} ({}) merged into {} ({})",
        gone.id(),
        gone.status(),
        kept.id(),
        kept.status());
  }

  /** The ids whose links the subscriber answers: its own, and those merged into it before. */
  private Object[] formerIdsAnd(Subscriber subscriber) {
    Query query = Query.query(where("_id").is(subscriber.id()));
    query.fields().include(FORMER_IDS);
    Document stored = mongo.findOne(query, Document.class, COLLECTION);
    List<Object> ids =
        new ArrayList<>(
            stored == null ? List.of() : stored.getList(FORMER_IDS, Object.class, List.of()));
    ids.add(subscriber.id());
    return ids.toArray();
  }

  /** The subscriber with this id, or the one it was merged into. */
  static Optional<String> answering(MongoOperations mongo, String id) {
    Query query =
        Query.query(new Criteria().orOperator(where("_id").is(id), where(FORMER_IDS).is(id)));
    query.fields().include("_id");
    return Optional.ofNullable(mongo.findOne(query, Document.class, COLLECTION))
        .map(found -> found.getString("_id"));
  }
}
