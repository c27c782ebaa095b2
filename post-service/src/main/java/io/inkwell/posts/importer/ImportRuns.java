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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The imports begun, one document each in {@code imports}, with how far they are: so that an admin
 * who was answered before the end (ADR 49) learns later, from any instance, whether every post was
 * stored or why storing stopped (ADR 50). A run records itself as it goes, at most once a second;
 * one whose record was not touched for {@code inkwell.imports.stalled-after} while storing was cut
 * off with its instance, and is read as stopped: importing the same file again stores the rest.
 */
@Component
class ImportRuns {

  static final String COLLECTION = ImportEnded.COLLECTION;

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

  /**
   * Records how far an import is, its first record included, and in the same write the event of its
   * end when there is one (the record's outbox, which the relay sends).
   *
   * @param ended null but at the end of an import whose importer was answered before it
   */
  void record(Result run, ImportEnded ended) {
    var update =
        new Update()
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
    if (ended != null) {
      update.push(Outbox.FIELD, ended);
    }
    mongo.upsert(Query.query(where("_id").is(run.id())), update, COLLECTION);
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
    Instant updated = run.getDate("updatedAt").toInstant();
    if (state == State.STORING && updated.plus(stalledAfter).isBefore(clock.instant())) {
      state = State.STOPPED;
      problem = CUT_OFF.formatted(posts + alreadyThere, total);
    }
    Date finished = run.getDate("finishedAt");
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
