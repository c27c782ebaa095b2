package io.inkwell.posts.file;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.TextCleaning;
import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostManagement.Position;
import io.inkwell.posts.post.Uploads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.core.io.InputStreamSource;
import org.springframework.core.io.Resource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The blog's files other than pictures: audio and video that posts play, documents they link to.
 * Each is stored in post-service's database as chunks and a document that describes it, addressed
 * by a hash of its bytes (as pictures are, ADR 8), and taken only when Apache Tika recognises its
 * bytes as a kind the blog takes ({@link FileType}).
 */
@Service
public class BlogFiles {

  private final MongoTemplate mongo;
  private final FileSettings settings;
  private final Clock clock;
  private final Counter uploaded;

  BlogFiles(MongoTemplate mongo, FileSettings settings, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.settings = settings;
    this.clock = clock;
    this.uploaded =
        Counter.builder("inkwell.files.uploaded")
            .description("Files (audio, video, documents) uploaded; one uploaded again counts once")
            .register(registry);
  }

  /** The file and whether this upload stored it (false: the same file was already there). */
  public record Stored(BlogFile file, boolean created) {}

  /** A file and its bytes, for readers' browsers. */
  public record Opened(BlogFile file, Resource content) {}

  /**
   * Stores a file, read from {@code content} once for what it is, once for its hash, once (audio
   * and video) for how long it plays, and once for its chunks, which are written before the
   * document that makes it a file.
   *
   * @param size the size its sender gave
   */
  public Stored store(InputStreamSource content, long size, String filename, Actor uploader)
      throws IOException {
    if (size > settings.maxSize().toBytes()) {
      throw FileProblem.tooLarge(settings.maxSize().toBytes());
    }
    if (size == 0) {
      throw FileProblem.empty();
    }
    String name = TextCleaning.fileName(filename, "file");
    FileType type;
    try (InputStream in = new BufferedInputStream(content.getInputStream())) {
      FileType.Detected detected = FileType.detect(in, name);
      type = detected.type().orElseThrow(() -> FileProblem.notTaken(detected.name()));
    }
    String hash;
    long length;
    try (var in = new DigestInputStream(content.getInputStream(), sha256())) {
      length = in.transferTo(OutputStream.nullOutputStream());
      hash = HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 16);
    }
    if (length > settings.maxSize().toBytes()) {
      throw FileProblem.tooLarge(settings.maxSize().toBytes());
    }
    String id = hash + "." + type.extension();
    Optional<BlogFile> existing = find(id);
    if (existing.isPresent()) {
      return new Stored(existing.get(), false);
    }
    var file =
        new BlogFile(
            id,
            type.contentType(),
            type.kind(),
            length,
            (int) settings.chunkSize().toBytes(),
            type.nameFor(name),
            new BlogFile.Uploader(uploader.id(), uploader.name()),
            Instant.now(clock),
            PlayingTimes.secondsOf(type.contentType(), content).orElse(null));
    begin(file);
    writeChunks(file, content);
    try {
      mongo.insert(file);
    } catch (DuplicateKeyException sameUploadedMeanwhile) {
      finished(id);
      return new Stored(find(id).orElseThrow(), false);
    }
    // a delete of the same bytes, or a clean-up of an upload of them that died long ago, may have
    // taken chunks this upload found there
    if (!whole(file)) {
      writeChunks(file, content);
    }
    finished(id);
    uploaded.increment();
    return new Stored(file, true);
  }

  /**
   * Notes that the file's chunks are being written, so that an upload that dies half-way (its
   * process stopped) leaves the address of what it wrote; the same file uploaded again meanwhile
   * notes it once more, later.
   */
  private void begin(BlogFile file) {
    mongo.upsert(
        Query.query(where("_id").is(file.id())),
        new Update().set("chunks", file.chunks()).set("startedAt", Instant.now(clock)),
        UnfinishedUpload.class);
  }

  private void finished(String id) {
    mongo.remove(Query.query(where("_id").is(id)), UnfinishedUpload.class);
  }

  /**
   * Removes the chunks of uploads that died half-way longer ago than {@code
   * inkwell.files.unfinished-after} and that no file names. Its note is taken away first, and only
   * as it was read: an upload of the same bytes that began since has noted itself again, and its
   * chunks stay. One that begins after and writes its chunks meanwhile finds its file short of them
   * and writes them again, unless it finished within the instant between this check for its file
   * and the removal.
   *
   * @return how many such uploads' chunks were removed
   */
  public int removeUnfinishedUploads() {
    Instant before = Instant.now(clock).minus(settings.unfinishedAfter());
    int removed = 0;
    for (UnfinishedUpload upload :
        mongo.find(Query.query(where("startedAt").lt(before)).limit(100), UnfinishedUpload.class)) {
      boolean stillAsRead =
          mongo
                  .remove(
                      Query.query(
                          where("_id").is(upload.id()).and("startedAt").is(upload.startedAt())),
                      UnfinishedUpload.class)
                  .getDeletedCount()
              == 1;
      if (stillAsRead && find(upload.id()).isEmpty()) {
        mongo.remove(chunksOf(upload.id(), upload.chunks()), FileChunk.class);
        removed++;
      }
    }
    return removed;
  }

  /**
   * Reads how long the audio and video uploaded before that was read play, up to {@code atMost} of
   * them: those of a type {@link PlayingTimes} reads that note no duration. One it cannot read
   * notes none (null) and is not read again.
   *
   * @return how many this noted (another instance may have noted some meanwhile)
   */
  public int readOlderPlayingTimes(int atMost) {
    Query older =
        Query.query(where("contentType").in(PlayingTimes.TYPES).and("duration").exists(false))
            .limit(atMost);
    int read = 0;
    for (BlogFile file : mongo.find(older, BlogFile.class)) {
      Long seconds =
          PlayingTimes.secondsOf(file.contentType(), new ChunkedContent(mongo, file)).orElse(null);
      read +=
          (int)
              mongo
                  .updateFirst(
                      Query.query(where("_id").is(file.id()).and("duration").exists(false)),
                      new Update().set("duration", seconds),
                      BlogFile.class)
                  .getModifiedCount();
    }
    return read;
  }

  /** Writes the file's chunks; one there already (the same bytes) stays as it is. */
  private void writeChunks(BlogFile file, InputStreamSource content) throws IOException {
    try (InputStream in = content.getInputStream()) {
      for (long n = 0; n < file.chunks(); n++) {
        byte[] data = in.readNBytes(file.chunkSize());
        try {
          mongo.insert(new FileChunk(FileChunk.id(file.id(), n), file.id(), n, data));
        } catch (DuplicateKeyException writtenBefore) {
          // by an earlier or a concurrent upload of the same bytes
        }
      }
    }
  }

  public Optional<BlogFile> find(String id) {
    return Optional.ofNullable(mongo.findById(id, BlogFile.class));
  }

  public Opened open(String id) {
    BlogFile file = find(id).orElseThrow(FileProblem::notFound);
    return new Opened(file, new ChunkedContent(mongo, file));
  }

  public Uploads.Page<BlogFile> list(int limit, String cursor) {
    return Uploads.newestFirst(
        mongo, BlogFile.class, limit, cursor, each -> new Position(each.uploadedAt(), each.id()));
  }

  /**
   * Removes a file no post links to any more: its uploader or an editor may, and not while a post
   * (draft or published) still links to it, which would leave readers a broken link or player.
   */
  public void delete(String id, Actor actor) {
    BlogFile file = find(id).orElseThrow(FileProblem::notFound);
    Uploads.checkMayDelete(actor, file.uploadedBy().id(), "a file");
    var linkedFrom =
        Uploads.linkedFrom(
            mongo,
            // the id is hex, a dot and an extension: only the dot needs escaping
            where("bodyMarkdown").regex(id.replace(".", "\\.")),
            actor);
    if (linkedFrom.any()) {
      throw FileProblem.inUse(linkedFrom);
    }
    mongo.remove(Query.query(where("_id").is(id)), BlogFile.class);
    mongo.remove(chunksOf(file.id(), file.chunks()), FileChunk.class);
  }

  /**
   * Whether every chunk of the file is there: their ids are read, not counted, as a count is an
   * aggregation that the local stack's wire server answers by reading every chunk of every file.
   */
  private boolean whole(BlogFile file) {
    Query ids = chunksOf(file.id(), file.chunks());
    ids.fields().include("_id");
    return mongo.find(ids, org.bson.Document.class, "file-chunks").size() == file.chunks();
  }

  /**
   * A file's chunks, by their ids, which every MongoDB (the local stack's wire server too) finds by
   * its index, never by a scan of every chunk of every file (megabytes each).
   */
  private static Query chunksOf(String fileId, long chunks) {
    var ids = new java.util.ArrayList<String>();
    for (long n = 0; n < chunks; n++) {
      ids.add(FileChunk.id(fileId, n));
    }
    return Query.query(where("_id").in(ids));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
