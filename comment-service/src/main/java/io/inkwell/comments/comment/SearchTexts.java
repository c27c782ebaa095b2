package io.inkwell.comments.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.comments.moderation.Folding;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What a moderator's search reads of a comment: its name, address and words, folded (no case, no
 * accents), one line each, so that "jose" finds José and "ecole" an École, as WordPress's search
 * (its database collation) does. Each comment keeps it; once the service has started, comments
 * stored before it had one get it, in the background (found by a search from then on).
 */
@Component
class SearchTexts {

  private static final Logger log = LoggerFactory.getLogger(SearchTexts.class);

  private final MongoTemplate mongo;
  private final Executor executor;

  SearchTexts(MongoTemplate mongo, @Qualifier("applicationTaskExecutor") Executor executor) {
    this.mongo = mongo;
    this.executor = executor;
  }

  static String of(String name, String email, String body) {
    return String.join(
        "\n",
        Folding.fold(name == null ? "" : name),
        Folding.fold(email == null ? "" : email),
        Folding.fold(body == null ? "" : body));
  }

  /** The moderator's words as they are folded: empty when there are none to look for. */
  static String words(String text) {
    // control characters are no words to look for (and a NUL cannot go into a query)
    return text == null ? "" : Folding.fold(text.replaceAll("\\p{Cntrl}", " ")).strip();
  }

  @EventListener(ApplicationReadyEvent.class)
  void started() {
    executor.execute(
        () -> {
          try {
            int written = writeMissing();
            if (written > 0) {
              log.info("Wrote the search text of {} comments stored before it", written);
            }
          } catch (RuntimeException failed) {
            log.warn("Could not write the search text of older comments", failed);
          }
        });
  }

  /**
   * @return how many comments got their search text
   */
  int writeMissing() {
    var query = Query.query(where("searchText").exists(false));
    query.fields().include("authorName", "authorEmail", "body", "version");
    int written = 0;
    try (var stored = mongo.stream(query, Document.class, "comments")) {
      for (var comment : (Iterable<Document>) stored::iterator) {
        var unchangedSince =
            Query.query(
                where("_id").is(comment.get("_id")).and("version").is(comment.get("version")));
        var update =
            new Update()
                .set(
                    "searchText",
                    of(
                        comment.getString("authorName"),
                        comment.getString("authorEmail"),
                        comment.getString("body")));
        // a save meanwhile wrote its own
        written += (int) mongo.updateFirst(unchangedSince, update, "comments").getModifiedCount();
      }
    }
    return written;
  }
}
