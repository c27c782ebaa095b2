package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Subscribers' tags as tags are written now ({@link SubscriptionManagement#normalisedTag}, letters
 * composed): a reader who chose "café" typed with its accent as a mark of its own before tags were
 * composed gets the posts tagged "café", as post-service writes them. Done when the service starts,
 * before it takes an event; only a tag beyond ASCII can be written otherwise.
 */
@Component
class ComposedTags implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(ComposedTags.class);

  private final MongoOperations mongo;

  ComposedTags(MongoOperations mongo) {
    this.mongo = mongo;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int composed = compose();
    if (composed > 0) {
      log.info("The tags of {} subscribers were written as tags are now", composed);
    }
  }

  /**
   * @return how many subscribers' tags were written anew
   */
  int compose() {
    Query beyondAscii = Query.query(where("tags").regex("[^\\x00-\\x7F]"));
    beyondAscii.fields().include("tags");
    int composed = 0;
    for (Document found : mongo.find(beyondAscii, Document.class, "subscribers")) {
      List<String> tags = found.getList("tags", String.class);
      List<String> written = SubscriptionManagement.normalisedTags(tags);
      if (!written.equals(tags)) {
        // unless the reader changed them meanwhile
        mongo.updateFirst(
            Query.query(where("_id").is(found.get("_id")).and("tags").is(tags)),
            new Update().set("tags", written),
            "subscribers");
        composed++;
      }
    }
    return composed;
  }
}
