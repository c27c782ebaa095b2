package io.inkwell.posts.importer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.importer.Importer.Result;
import io.inkwell.posts.importer.Importer.State;
import io.inkwell.posts.outbox.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The imports begun, one document each in {@code imports}, with how far they are: so that an admin
 * who was answered before the end (ADR 49) learns later, from any instance, whether every post was
 * stored or why storing stopped (ADR 50). A run records itself as it goes, at most once a second;
 * one whose record was not touched for {@code inkwell.imports.stalled-after} while storing was cut
 * off with its instance, and is read as stopped: importing the same file again stores the rest. Any
 * instance then closes such a record as stopped, with the event that tells its importer when the
 * importer was answered before the end (ADR 51), and the run, should it still be storing after all,
 * stops on finding its record closed.
 */
@Component
class ImportRuns {

  private static final Logger log = LoggerFactory.getLogger(ImportRuns.class);

  static final String COLLECTION = ImportEnded.COLLECTION;

  /** The most stalled records closed at a time. */
  private static final int MOST_CLOSED = 100;

  /** The most imports listed, newest first. */
  static final int MOST_LISTED = 20;

  /** What a stopped import's record says when its instance stopped before it could say why. */
  static final String CUT_OFF =
      "post-service stopped after %d of %d posts were stored; importing the same file again"
          + " stores the rest and adds nothing twice.";

  private final MongoTemplate mongo;
  private final Clock clock;
  private final Duration stalledAfter;

  ImportRuns(
      MongoTemplate mongo,
      Clock clock,
      @Value("${inkwell.imports.stalled-after:2m}") Duration stalledAfter) {
    this.mongo = mongo;
    this.clock = clock;
    this.stalledAfter = stalledAfter;
    mongo.indexOps(COLLECTION).createIndex(new Index().on("startedAt", Sort.Direction.DESC));
    // what the relay asks for: the records with events still to send, a handful at most
    mongo
        .indexOps(COLLECTION)
        .createIndex(
            new Index()
                .on(Outbox.FIELD + ".eventId", Sort.Direction.ASC)
                .partial(PartialIndexFilter.of(where(Outbox.FIELD + ".eventId").exists(true))));
  }

  /** Records an import's beginning: how far it is, and who imports, to be told of its end. */
  void begin(Result run, String importerId) {
    mongo.upsert(
        Query.query(where("_id").is(run.id())),
        counts(run).set("importerId", importerId),
        COLLECTION);
  }

  /**
   * Records how far an import is, and in the same write the event of its end when there is one (the
   * record's outbox, which the relay sends); only while its record says it is storing.
   *
   * @param ended null but at the end of an import whose importer was answered before it
   * @return false if the record was closed as stopped meanwhile ({@link #closeStalled}), in which
   *     case nothing is written
   */
  boolean record(Result run, ImportEnded ended) {
    var update = counts(run);
    if (ended != null) {
      update.push(Outbox.FIELD, ended);
    }
    return mongo.updateFirst(storing(run.id()), update, COLLECTION).getMatchedCount() > 0;
  }

  /**
   * Records that the importer was answered before the end, so that whoever closes the record,
   * should its instance die, tells the importer how it ended.
   */
  void answeredBeforeTheEnd(String id) {
    mongo.updateFirst(
        Query.query(where("_id").is(id)),
        new Update().set("answeredBeforeTheEnd", true),
        COLLECTION);
  }

  /**
   * Closes the records of imports whose instances stopped without a word (killed, or its machine
   * gone) as stopped where they stopped, each with the event of its end when its importer was
   * answered before it. A record is closed once, by one instance, only if it stayed as it was read.
   */
  @Scheduled(
      initialDelayString = "${inkwell.imports.stalled-check-interval:30s}",
      fixedDelayString = "${inkwell.imports.stalled-check-interval:30s}")
  void closeStalled() {
    Instant stalledSince = clock.instant().minus(stalledAfter);
    var stalled =
        Query.query(
                where("state")
                    .is(State.STORING.name())
                    .and("updatedAt")
                    .lt(Date.from(stalledSince)))
            .limit(MOST_CLOSED);
    for (Document run : mongo.find(stalled, Document.class, COLLECTION)) {
      Result end = result(run);
      var close =
          new Update()
              .set("state", end.state().name())
              .set("finishedAt", Date.from(end.finishedAt()))
              .set("problem", end.problem());
      String importerId = run.getString("importerId");
      if (run.getBoolean("answeredBeforeTheEnd", false) && importerId != null) {
        close.push(Outbox.FIELD, ImportEnded.of(end, importerId));
      }
      var unchanged =
          storing(end.id()).addCriteria(where("updatedAt").is(run.getDate("updatedAt")));
      if (mongo.updateFirst(unchanged, close, COLLECTION).getModifiedCount() > 0) {
        log.warn(
            "Import {} from {} stalled after {} of {} posts, its instance gone: recorded as stopped",
            end.id(),
            end.from(),
            end.posts() + end.alreadyThere(),
            end.total());
      }
    }
  }

  private static Query storing(String id) {
    return Query.query(where("_id").is(id).and("state").is(State.STORING.name()));
  }

  private Update counts(Result run) {
    return new Update()
        .set("from", run.from())
        .set("importedBy", run.importedBy())
        .set("startedAt", Date.from(run.startedAt()))
        .set("updatedAt", Date.from(clock.instant()))
        .set("finishedAt", run.finishedAt() == null ? null : Date.from(run.finishedAt()))
        .set("state", run.state().name())
        .set("total", run.total())
        .set("posts", run.posts())
        .set("alreadyThere", run.alreadyThere())
        .set("comments", run.comments())
        .set("picturesToCopy", run.picturesToCopy())
        .set("problem", run.problem());
  }

  Optional<Result> find(String id) {
    return Optional.ofNullable(mongo.findById(id, Document.class, COLLECTION)).map(this::result);
  }

  /** The latest imports, newest first. */
  List<Result> latest() {
    var query = new Query().with(Sort.by(Sort.Direction.DESC, "startedAt")).limit(MOST_LISTED);
    return mongo.find(query, Document.class, COLLECTION).stream().map(this::result).toList();
  }

  private Result result(Document run) {
    State state = State.valueOf(run.getString("state"));
    String problem = run.getString("problem");
    int total = run.getInteger("total", 0);
    int posts = run.getInteger("posts", 0);
    int alreadyThere = run.getInteger("alreadyThere", 0);
    Date updated = run.getDate("updatedAt");
    Date finished = run.getDate("finishedAt");
    if (state == State.STORING
        && updated.toInstant().plus(stalledAfter).isBefore(clock.instant())) {
      // stopped where it last said how far it was
      state = State.STOPPED;
      problem = CUT_OFF.formatted(posts + alreadyThere, total);
      finished = updated;
    }
    return new Result(
        run.getString("_id"),
        run.getString("from"),
        run.getString("importedBy"),
        run.getDate("startedAt").toInstant(),
        finished == null ? null : finished.toInstant(),
        state,
        total,
        posts,
        alreadyThere,
        run.getInteger("comments", 0),
        run.getInteger("picturesToCopy", 0),
        problem);
  }
}
