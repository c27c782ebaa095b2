package io.inkwell.posts.importer;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.PostImports;
import io.inkwell.posts.post.PostImports.ImportedPost;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final PostImports imports;
  private final InlinePictures pictures;
  private final PictureCopying copying;
  private final ExecutorService storing =
      Executors.newCachedThreadPool(new CustomizableThreadFactory("import-"));

  Importer(PostImports imports, InlinePictures pictures, PictureCopying copying) {
    this.imports = imports;
    this.pictures = pictures;
    this.copying = copying;
  }

  /**
   * @param posts the posts created
   * @param alreadyThere those imported before, left as they are
   * @param comments the comments sent along with the new published posts
   * @param picturesToCopy the posts whose pictures (or files) are being copied from the old blog's
   *     host (none unless asked for, and none of a post whose pictures are all here already)
   * @param total the posts of the file, stored or to be stored
   * @param finished whether every one of them is stored; else the counts are those so far, and the
   *     import goes on
   */
  record Result(
      int posts, int alreadyThere, int comments, int picturesToCopy, int total, boolean finished) {}

  /**
   * Begins storing the posts: each one's pictures first, here, so that a post whose text cannot be
   * read stores no post and is refused at once; then the posts, on a thread of their own.
   *
   * @param importer who imports, the uploader of the pictures found inside posts
   * @param copyPictures whether the pictures posts show from the old blog's host are to be copied
   *     to the blog ({@link PictureCopying}), those of posts imported before too
   */
  Run start(List<ImportedPost> posts, Actor importer, boolean copyPictures) {
    List<ImportedPost> withPictures =
        posts.stream().map(post -> post.withHtml(pictures.stored(post.html(), importer))).toList();
    var run = new Run(withPictures.size());
    CompletableFuture.runAsync(() -> run.store(withPictures, importer, copyPictures), storing)
        .whenComplete(
            (done, failure) -> {
              if (failure != null) {
                // what storing a post threw, as the request would have met it
                Throwable cause =
                    failure instanceof CompletionException wrapped && wrapped.getCause() != null
                        ? wrapped.getCause()
                        : failure;
                log.warn("An import stopped after {} of {} posts", run.stored(), run.total, cause);
                run.done.completeExceptionally(cause);
              } else {
                run.done.complete(run.counts(true));
              }
            });
    return run;
  }

  @PreDestroy
  void stop() {
    storing.shutdown();
  }

  /** An import under way: its counts grow as its posts are stored. */
  final class Run {

    private final int total;
    private final AtomicInteger created = new AtomicInteger();
    private final AtomicInteger existing = new AtomicInteger();
    private final AtomicInteger comments = new AtomicInteger();
    private final AtomicInteger toCopy = new AtomicInteger();
    private final CompletableFuture<Result> done = new CompletableFuture<>();

    private Run(int total) {
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
        return counts(false);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return counts(false);
      } catch (ExecutionException e) {
        throw failure(e);
      }
    }

    private Result counts(boolean finished) {
      return new Result(
          created.get(), existing.get(), comments.get(), toCopy.get(), total, finished);
    }

    private int stored() {
      return created.get() + existing.get();
    }

    private void store(List<ImportedPost> posts, Actor importer, boolean copyPictures) {
      // each label's old slug once, however many posts carry it (and from a second import too)
      Map<String, String> tagSlugs = new LinkedHashMap<>();
      for (ImportedPost post : posts) {
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
