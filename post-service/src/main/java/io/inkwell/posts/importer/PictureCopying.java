package io.inkwell.posts.importer;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.file.BlogFiles;
import io.inkwell.posts.file.FileProblem;
import io.inkwell.posts.health.DatabaseOutage;
import io.inkwell.posts.image.ImageProblem;
import io.inkwell.posts.image.Images;
import io.inkwell.posts.importer.OldPictures.Picture;
import io.inkwell.posts.importer.PictureFetcher.NotFetched;
import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostImports;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Copies imported posts' pictures (and their other files: audio, video, documents, {@link
 * OldPictures#files}) from their old blog's host to the blog's own, in the background: a big blog's
 * pictures take longer than an import's request may, and the old host may be slow or down for a
 * while. The import plans one copy per post that shows pictures from elsewhere (in {@code
 * picture-copies}, so the plan outlives a restart); one instance at a time claims a post's copy for
 * a while, and another takes it over when that instance stopped before it was done.
 *
 * <p>Each picture is fetched once ({@code imported-pictures} remembers where a fetched address is
 * now, for the posts that show it too), stored as an uploaded one is (whose checks it passes), and
 * the post then shows it from the blog ({@link PostImports#movePictures}). A picture that cannot be
 * fetched stays where it was; one whose host was down or slow is tried again later, up to three
 * times in all. Admins read how far it is at {@code GET /api/imports/pictures}.
 */
@Service
class PictureCopying implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PictureCopying.class);

  static final String COPIES = "picture-copies";
  static final String FETCHED = "imported-pictures";
  private static final String WAITING = "WAITING";
  private static final String DONE = "DONE";
  private static final int MOST_ATTEMPTS = 3;
  private static final int MOST_FAILURES_SHOWN = 100;

  private final MongoTemplate mongo;
  private final PostImports posts;
  private final PictureFetcher fetcher;
  private final Images images;
  private final BlogFiles files;
  private final Clock clock;
  private final Duration claim;
  private final Duration retryAfter;
  private final Counter copied;
  private final Counter failed;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(PictureFetcher.daemonThreads("picture-copying-"));
  private final AtomicBoolean copying = new AtomicBoolean();
  private volatile boolean stopping;

  PictureCopying(
      MongoTemplate mongo,
      PostImports posts,
      PictureFetcher fetcher,
      Images images,
      BlogFiles files,
      Clock clock,
      MeterRegistry meters,
      @Value("${inkwell.imports.picture-timeout:20s}") Duration timeout,
      @Value("${inkwell.imports.picture-retry-after:5m}") Duration retryAfter) {
    this.mongo = mongo;
    this.posts = posts;
    this.fetcher = fetcher;
    this.images = images;
    this.files = files;
    this.clock = clock;
    // a post's copy is this instance's while one picture (its sources, redirects) or one file
    // could take: the claim is renewed before each
    Duration onePicture = timeout.multipliedBy(4);
    Duration oneFile = fetcher.longest().plus(timeout);
    this.claim = oneFile.compareTo(onePicture) > 0 ? oneFile : onePicture;
    this.retryAfter = retryAfter;
    this.copied = counter(meters, "copied");
    this.failed = counter(meters, "failed");
    Gauge.builder(
            "inkwell.imports.pictures.waiting",
            this,
            copies -> copies.mongo.count(Query.query(where("state").is(WAITING)), COPIES))
        .description("Imported posts whose pictures wait to be copied (or tried again)")
        .register(meters);
    // the copies whose turn it is
    mongo
        .indexOps(COPIES)
        .createIndex(new Index().on("state", Sort.Direction.ASC).on("due", Sort.Direction.ASC));
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("inkwell.imports.pictures")
        .description("Imported posts' pictures copied to the blog, or left on their old host")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * Plans copying the pictures the post shows from elsewhere, unless there are none or a copy was
   * planned before (the same file imported again): that one, when it is over and left pictures on
   * their host, tries them once more, as the old host may be up again.
   *
   * @return whether the post's pictures are to be copied now: a new copy, one tried again, or one
   *     still waiting
   */
  boolean plan(String postId, String title, String html, String cover, Actor importer) {
    if (OldPictures.in(html).isEmpty() && OldPictures.files(html).isEmpty()) {
      return false;
    }
    var copy =
        new Document("_id", postId)
            .append("title", title)
            .append("cover", cover)
            .append("state", WAITING)
            .append("due", Date.from(clock.instant()))
            .append("attempts", 0)
            .append("importer", new Document("id", importer.id()).append("name", importer.name()))
            .append("copied", 0)
            .append("failures", List.of());
    try {
      mongo.insert(copy, COPIES);
      return true;
    } catch (DuplicateKeyException plannedBefore) {
      return tryAgain(where("_id").is(postId)) > 0
          || mongo.exists(Query.query(where("_id").is(postId).and("state").is(WAITING)), COPIES);
    }
  }

  /**
   * Tries the pictures that stayed on their host once more, of every post: the old host may be up
   * again, or serve them now.
   *
   * @return how many posts' pictures are tried again
   */
  long tryAgain() {
    return tryAgain(new Criteria());
  }

  /** Plans the copies these criteria choose again, when they are over and left pictures behind. */
  private long tryAgain(Criteria which) {
    return mongo
        .updateMulti(
            Query.query(which.and("state").is(DONE).and("failures.0").exists(true)),
            new Update()
                .set("state", WAITING)
                .set("due", Date.from(clock.instant()))
                .set("attempts", 0),
            COPIES)
        .getModifiedCount();
  }

  /**
   * Has the copying thread copy the pictures of the posts whose turn it is, unless it is at it: a
   * copy may take minutes, which the scheduler's thread owes to the outbox relay and to scheduled
   * posts.
   */
  @Scheduled(fixedDelayString = "${inkwell.imports.picture-check-interval:2s}")
  void startCopying() {
    if (copying.compareAndSet(false, true)) {
      try {
        worker.execute(
            () -> {
              try {
                copyWaiting();
              } catch (RuntimeException e) {
                if (DatabaseOutage.causedBy(e)) {
                  log.warn("Could not look for pictures to copy: {}", e.getMessage());
                } else {
                  log.warn("Could not look for pictures to copy", e);
                }
              } finally {
                copying.set(false);
              }
            });
      } catch (RejectedExecutionException stopping) {
        copying.set(false);
      }
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    worker.shutdown();
    // a picture being fetched ends within its timeout; its post is copied again on the next start
    worker.awaitTermination(5, TimeUnit.SECONDS);
  }

  /**
   * Copies the pictures of the posts whose turn it is.
   *
   * @return how many posts' copies this call worked on
   */
  int copyWaiting() {
    int worked = 0;
    for (Document copy = claimed(); copy != null; copy = stopping ? null : claimed()) {
      try {
        copy(copy);
      } catch (RuntimeException e) {
        if (stopping) {
          // its claim runs out, and the next start copies it
          return worked;
        }
        log.warn("Could not copy the pictures of post {}", copy.get("_id"), e);
        if (copy.getInteger("attempts", MOST_ATTEMPTS) >= MOST_ATTEMPTS) {
          giveUp(copy, e);
        } // else its claim runs out, and it is tried again then
      }
      worked++;
    }
    return worked;
  }

  /** The next post whose copy is due, now this instance's for a while; null when none is. */
  private Document claimed() {
    Date now = Date.from(clock.instant());
    return mongo.findAndModify(
        Query.query(where("state").is(WAITING).and("due").lte(now)).with(Sort.by("due")),
        new Update().set("due", until()).inc("attempts", 1),
        FindAndModifyOptions.options().returnNew(true),
        Document.class,
        COPIES);
  }

  private Date until() {
    return Date.from(clock.instant().plus(claim));
  }

  private void copy(Document copy) {
    String postId = copy.getString("_id");
    var importerField = copy.get("importer", Document.class);
    var importer =
        new Actor(importerField.getString("id"), importerField.getString("name"), Set.of());
    var moved = new HashMap<String, String>();
    var failures = new ArrayList<Document>();
    boolean temporary = false;
    Optional<String> body = posts.body(postId);
    List<Picture> pictures = body.map(OldPictures::in).orElse(List.of());
    List<String> others = body.map(OldPictures::files).orElse(List.of());
    for (Picture picture : pictures) {
      stillMine(postId);
      NotFetched why = copy(picture, importer, moved);
      if (why != null) {
        failures.add(failure(picture.shown(), why));
        temporary |= why.temporary();
      }
    }
    for (String file : others) {
      stillMine(postId);
      NotFetched why = copyFile(file, importer, moved);
      if (why != null) {
        failures.add(failure(file, why));
        temporary |= why.temporary();
      }
    }
    if (!moved.isEmpty() && !posts.movePictures(postId, html -> OldPictures.moved(html, moved))) {
      log.info("Post {} was deleted before its pictures were copied", postId);
    }
    String cover = copy.getString("cover");
    // copied now, or by an attempt that stopped before the cover was made
    String coverPath =
        cover == null ? null : moved.containsKey(cover) ? moved.get(cover) : knownPath(cover);
    if (coverPath != null) {
      posts.coverFromHead(postId, coverPath);
    }
    int shown = pictures.size() + others.size() - failures.size();
    boolean again = temporary && copy.getInteger("attempts", MOST_ATTEMPTS) < MOST_ATTEMPTS;
    copied.increment(shown);
    failed.increment(again ? 0 : failures.size());
    var update =
        new Update()
            .inc("copied", shown)
            .set("failures", failures)
            .set("state", again ? WAITING : DONE)
            .set(
                "due",
                again
                    ? Date.from(
                        clock.instant().plus(retryAfter.multipliedBy(copy.getInteger("attempts"))))
                    : null);
    mongo.updateFirst(Query.query(where("_id").is(postId)), update, COPIES);
  }

  /** The post's copy is still this instance's for a while. */
  private void stillMine(String postId) {
    mongo.updateFirst(
        Query.query(where("_id").is(postId)), new Update().set("due", until()), COPIES);
  }

  private static Document failure(String address, NotFetched why) {
    return new Document("address", address)
        .append("reason", why.getMessage())
        .append("temporary", why.temporary());
  }

  private void giveUp(Document copy, RuntimeException why) {
    var failure =
        new Document("address", "")
            .append("reason", "this blog failed: " + why.getClass().getSimpleName())
            .append("temporary", false);
    mongo.updateFirst(
        Query.query(where("_id").is(copy.get("_id"))),
        new Update().set("state", DONE).set("due", null).set("failures", List.of(failure)),
        COPIES);
  }

  /**
   * Copies one picture, best source first, and notes its new address for the old ones it had.
   *
   * @return why it was not copied, or null when it was
   */
  private NotFetched copy(Picture picture, Actor importer, Map<String, String> moved) {
    NotFetched why = null;
    for (URI source : picture.sources()) {
      try {
        String path = fetched(source, importer);
        moved.put(picture.shown(), path);
        if (picture.link() != null
            && source.equals(OldPictures.address(picture.link()).orElse(null))) {
          moved.put(picture.link(), path);
        }
        return null;
      } catch (NotFetched e) {
        why = why == null || !why.temporary() ? e : why;
      }
    }
    return why == null ? new NotFetched("not a web address", false) : why;
  }

  /** Where the blog shows the picture at this address now, fetched and stored unless it was. */
  private String fetched(URI source, Actor importer) throws NotFetched {
    Document known = mongo.findById(source.toString(), Document.class, FETCHED);
    if (known != null) {
      return known.getString("path");
    }
    byte[] bytes = fetcher.fetch(source);
    String path;
    try {
      path = images.store(bytes, fileName(source), importer).image().path();
    } catch (ImageProblem problem) {
      throw new NotFetched(
          problem.kind() == ImageProblem.Kind.NOT_AN_IMAGE
              ? "not a PNG, JPEG, GIF or WebP picture"
              : problem.getMessage(),
          false);
    }
    mongo.save(new Document("_id", source.toString()).append("path", path), FETCHED);
    return path;
  }

  /**
   * Copies one file (audio, video, a document), and notes its new address for its old one.
   *
   * @return why it was not copied, or null when it was
   */
  private NotFetched copyFile(String address, Actor importer, Map<String, String> moved) {
    Optional<URI> source = OldPictures.address(address);
    if (source.isEmpty()) {
      return new NotFetched("not a web address", false);
    }
    try {
      moved.put(address, fetchedFile(source.get(), importer));
      return null;
    } catch (NotFetched why) {
      return why;
    }
  }

  /** Where the blog keeps the file at this address now, fetched and stored unless it was. */
  private String fetchedFile(URI source, Actor importer) throws NotFetched {
    Document known = mongo.findById(source.toString(), Document.class, FETCHED);
    if (known != null) {
      return known.getString("path");
    }
    Path fetched = fetcher.fetchFile(source);
    String path;
    try {
      path =
          files
              .store(
                  new FileSystemResource(fetched), Files.size(fetched), fileName(source), importer)
              .file()
              .path();
    } catch (FileProblem problem) {
      throw new NotFetched(
          problem.kind() == FileProblem.Kind.NOT_TAKEN
              ? "not audio, video or a document the blog keeps"
              : problem.getMessage(),
          false);
    } catch (IOException e) {
      throw new NotFetched("could not be stored here (" + e.getClass().getSimpleName() + ")", true);
    } finally {
      try {
        Files.deleteIfExists(fetched);
      } catch (IOException e) {
        log.warn("Could not delete {}", fetched, e);
      }
    }
    mongo.save(new Document("_id", source.toString()).append("path", path), FETCHED);
    return path;
  }

  /** Where the blog shows the picture at this address, when it was fetched before. */
  private String knownPath(String address) {
    return OldPictures.address(address)
        .map(source -> mongo.findById(source.toString(), Document.class, FETCHED))
        .map(known -> known.getString("path"))
        .orElse(null);
  }

  private static String fileName(URI source) {
    String path = source.getPath() == null ? "" : source.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isBlank() ? "imported" : name;
  }

  /**
   * How far copying the imported posts' pictures is.
   *
   * @param waiting posts whose pictures are still to be copied (or tried again)
   * @param copied pictures the blog shows from its own now
   * @param failed pictures left on their old host
   * @param failures those, the first hundred, by post
   */
  record Progress(long waiting, long copied, long failed, List<Failure> failures) {}

  /**
   * @param tryingAgain whether it is tried again later (its host was down or slow)
   */
  record Failure(String postId, String title, String address, String reason, boolean tryingAgain) {}

  Progress progress() {
    long waiting = 0;
    long copiedSoFar = 0;
    var failures = new ArrayList<Failure>();
    long failedSoFar = 0;
    var query = new Query().with(Sort.by("_id"));
    try (var copies = mongo.stream(query, Document.class, COPIES)) {
      for (Document copy : (Iterable<Document>) copies::iterator) {
        boolean stillWaiting = WAITING.equals(copy.getString("state"));
        waiting += stillWaiting ? 1 : 0;
        copiedSoFar += copy.getInteger("copied", 0);
        for (Document failure : copy.getList("failures", Document.class, List.of())) {
          failedSoFar++;
          if (failures.size() < MOST_FAILURES_SHOWN) {
            failures.add(
                new Failure(
                    copy.getString("_id"),
                    copy.getString("title"),
                    failure.getString("address"),
                    failure.getString("reason"),
                    stillWaiting && failure.getBoolean("temporary", false)));
          }
        }
      }
    }
    return new Progress(waiting, copiedSoFar, failedSoFar, failures);
  }
}
