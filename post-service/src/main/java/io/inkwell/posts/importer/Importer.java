package io.inkwell.posts.importer;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostImports;
import io.inkwell.posts.post.PostImports.ImportedPost;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Service;

/**
 * Stores what an export file held. The whole file is read before anything is stored, so an
 * unreadable file imports nothing; ids come from the old platform's, so importing the same file
 * again adds nothing. Pictures inside a post's HTML become the blog's own ({@link InlinePictures}),
 * and those it shows from the old blog's host are copied afterwards when the importer asks for it.
 * The posts are stored on a thread of their own ({@link Run}), so that an importer who does not
 * wait for the end (RFC 7240's {@code Prefer: respond-async}) is told how far it is while the rest
 * follows.
 */
@Service
class Importer {

  private static final Logger log = LoggerFactory.getLogger(Importer.class);

  /** How long a stopping post-service waits for its imports to record where they stopped. */
  private static final Duration STOPPING_AT_MOST = Duration.ofSeconds(10);

  private final PostImports imports;
  private final InlinePictures pictures;
  private final PictureCopying copying;
  private final ImportRuns runs;
  private final Clock clock;
  private final Duration recordEvery;
  private volatile boolean stopping;
  private final ExecutorService storing =
      Executors.newCachedThreadPool(new CustomizableThreadFactory("import-"));

  Importer(
      PostImports imports,
      InlinePictures pictures,
      PictureCopying copying,
      ImportRuns runs,
      Clock clock,
      @Value("${inkwell.imports.record-every:1s}") Duration recordEvery) {
    this.imports = imports;
    this.runs = runs;
    this.clock = clock;
    this.recordEvery = recordEvery;
    this.pictures = pictures;
    this.copying = copying;
  }

  /** Where an import is: its posts being stored, all of them stored, or stopped before. */
  enum State {
    STORING,
    DONE,
    STOPPED
  }

  /**
   * @param id the import's, its record's at {@code GET /api/imports/{id}}
   * @param from the platform whose export it is ({@code blogger}, {@code wordpress}, …)
   * @param importedBy the name of who imported it
   * @param finishedAt when every post was stored, or storing stopped
   * @param total the posts of the file, stored or to be stored
   * @param posts the posts created
   * @param alreadyThere those imported before, left as they are
   * @param comments the comments sent along with the new published posts
   * @param picturesToCopy the posts whose pictures (or files) are being copied from the old blog's
   *     host (none unless asked for, and none of a post whose pictures are all here already)
   * @param problem why storing stopped, when it did (the posts stored before stay)
   */
  record Result(
      String id,
      String from,
      String importedBy,
      Instant startedAt,
      Instant finishedAt,
      State state,
      int total,
      int posts,
      int alreadyThere,
      int comments,
      int picturesToCopy,
      String problem) {

    /** Whether every post is stored; else the counts are those so far (or those it stopped at). */
    @JsonProperty("finished")
    boolean finished() {
      return state == State.DONE;
    }
  }

  /**
   * Begins storing the posts: each one's pictures first, here, so that a post whose text cannot be
   * read stores no post and is refused at once; then the posts, on a thread of their own, the
   * import recorded as it goes ({@link ImportRuns}).
   *
   * @param from the platform whose export it is
   * @param importer who imports, the uploader of the pictures found inside posts
   * @param copyPictures whether the pictures posts show from the old blog's host are to be copied
   *     to the blog ({@link PictureCopying}), those of posts imported before too
   */
  Run start(String from, List<ImportedPost> posts, Actor importer, boolean copyPictures) {
    List<ImportedPost> withPictures =
        posts.stream().map(post -> post.withHtml(pictures.stored(post.html(), importer))).toList();
    var run = new Run(from, importer, withPictures.size());
    runs.begin(run.counts(State.STORING, null), importer.id());
    CompletableFuture.runAsync(() -> run.store(withPictures, importer, copyPictures), storing)
        .whenComplete(
            (done, failure) -> {
              if (failure == null) {
                // recorded first, so that whoever is answered finds the record as the answer says
                var result = run.counts(State.DONE, null);
                run.recordEnd(result);
                run.done.complete(result);
              } else {
                // what storing a post threw, as the request would have met it
                run.stopped(
                    failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause()
                        : failure);
              }
            });
    return run;
  }

  /** The imports begun, newest first. */
  List<Result> latest() {
    return runs.latest();
  }

  /** An import, as far as it is; empty if there is none of this id. */
  Optional<Result> find(String id) {
    return runs.find(id);
  }

  /**
   * Stops the imports under way after the post each is storing, so that their records say where
   * they stopped while the database is still there to say it (a process killed leaves its records
   * storing, closed as stopped by another instance once stale, {@link ImportRuns#closeStalled}).
   */
  @PreDestroy
  void stop() {
    stopping = true;
    storing.shutdown();
    try {
      if (!storing.awaitTermination(STOPPING_AT_MOST.toSeconds(), TimeUnit.SECONDS)) {
        log.warn("An import did not stop within {}", STOPPING_AT_MOST);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Where an import's request and its end are: whichever comes second knows of the other. */
  private enum Phase {
    STORING,
    ANSWERED_BEFORE_THE_END,
    ENDED
  }

  /**
   * Why an import stopped before its end: post-service was stopping, or its record was closed as
   * stopped meanwhile, the run having stalled for longer than any other instance waits.
   */
  static final class Stopping extends IllegalStateException {
    Stopping(String why) {
      super(why);
    }
  }

  /** An import under way: its counts grow as its posts are stored. */
  final class Run {

    private final String id = UUID.randomUUID().toString();
    private final String from;
    private final String importerId;
    private final String importedBy;
    private final Instant startedAt = now();
    private final int total;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger existing = new AtomicInteger();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicInteger toCopy = new AtomicInteger();
    private final CompletableFuture<Result> done = new CompletableFuture<>();

    /**
     * Whether the request was answered before the end, so that the end is told by an event instead
     * ({@link ImportEnded}): the request and the storing thread each decide once.
     */
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STORING);

    /** When the run last recorded how far it is, by {@link System#nanoTime()}. */
    private long recordedAt = System.nanoTime();

    private Run(String from, Actor importer, int total) {
      this.from = from;
      this.importerId = importer.id();
      this.importedBy = importer.name();
      this.total = total;
    }

    /** The whole import's result, once every post is stored; its refusal, if storing one was. */
    Result finished() {
      try {
        return done.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while the import was stored", e);
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    /**
     * The result once every post is stored, or within {@code wait} how far it is, the rest going
     * on.
     */
    Result within(Duration wait) {
      try {
        return done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        if (phase.compareAndSet(Phase.STORING, Phase.ANSWERED_BEFORE_THE_END)) {
          recordAnswered();
          return counts(State.STORING, null);
        }
        // it ended meanwhile, its end told by this answer: the result, in a moment
        return finished();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (phase.compareAndSet(Phase.STORING, Phase.ANSWERED_BEFORE_THE_END)) {
          recordAnswered();
        }
        return counts(State.STORING, null);
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    /** Now, as precisely as the record keeps it (the database's dates are milliseconds). */
    private Instant now() {
      return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private Result counts(State state, String problem) {
      return new Result(
          id,
          from,
          importedBy,
          startedAt,
          state == State.STORING ? null : now(),
          state,
          total,
          created.get(),
          existing.get(),
          comments.get(),
          toCopy.get(),
          problem);
    }

    /**
     * Records how far the import is, once a second at most, while it stores; stops it if its record
     * was closed meanwhile, as another instance does with a run silent for too long ({@link
     * ImportRuns#closeStalled}), so that what the record says stays true.
     */
    private void recordProgress() {
      if (System.nanoTime() - recordedAt >= recordEvery.toNanos()) {
        if (!runs.record(counts(State.STORING, null), null)) {
          throw new Stopping("its record was closed as stopped, the import silent for too long");
        }
        recordedAt = System.nanoTime();
      }
    }

    /**
     * Records that the request was answered before the end, so that the importer hears of the end
     * whoever closes the record; a database away by then leaves that to this run alone.
     */
    private void recordAnswered() {
      try {
        runs.answeredBeforeTheEnd(id);
      } catch (RuntimeException e) {
        log.warn("Import {} could not record that its importer was answered", id, e);
      }
    }

    /**
     * Ends the run where it stopped, with why: a failure storing a post, or the service stopping.
     */
    private void stopped(Throwable cause) {
      String where = "%d of %d posts".formatted(stored(), total);
      String why;
      if (cause instanceof Stopping stop) {
        log.warn("An import stopped after {}: {}", where, stop.getMessage());
        why = "post-service stopped after " + where + " were stored";
      } else {
        log.warn("An import stopped after {}", where, cause);
        why = where + " were stored when storing the next failed (post-service's log says why)";
      }
      recordEnd(
          counts(
              State.STOPPED,
              why + "; importing the same file again stores the rest and adds nothing twice."));
      done.completeExceptionally(cause);
    }

    /**
     * Records the end, with its event when the request was answered before it; a database that is
     * away by then leaves the record storing, closed as stopped once it is stale, and the request
     * its answer all the same.
     */
    private void recordEnd(Result end) {
      boolean answeredBeforeTheEnd = phase.getAndSet(Phase.ENDED) == Phase.ANSWERED_BEFORE_THE_END;
      try {
        if (!runs.record(end, answeredBeforeTheEnd ? ImportEnded.of(end, importerId) : null)) {
          log.warn("Import {} was recorded as stopped already, {} not", id, end.state());
        }
      } catch (RuntimeException e) {
        log.warn("The end of import {} could not be recorded", id, e);
      }
    }

    private int stored() {
      return created.get() + existing.get();
    }

    private void store(List<ImportedPost> posts, Actor importer, boolean copyPictures) {
      // each label's old slug once, however many posts carry it (and from a second import too)
      Map<String, String> tagSlugs = new LinkedHashMap<>();
      for (ImportedPost post : posts) {
        if (stopping) {
          throw new Stopping("post-service is stopping");
        }
        post.tagSlugs().forEach(tagSlugs::putIfAbsent);
        boolean added = imports.importPost(post);
        if (copyPictures
            && copying.plan(post.id(), post.title(), post.html(), post.cover(), importer)) {
          toCopy.incrementAndGet();
        }
        if (added) {
          comments.addAndGet(post.isPublished() ? post.comments().size() : 0);
          created.incrementAndGet();
        } else {
          existing.incrementAndGet();
        }
        recordProgress();
      }
      imports.rememberTagSlugs(tagSlugs);
    }

    private static RuntimeException failure(ExecutionException e) {
      return e.getCause() instanceof RuntimeException refusal
          ? refusal
          : new IllegalStateException("The import could not be stored", e.getCause());
    }
  }
}
