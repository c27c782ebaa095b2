package io.inkwell.posts.post.web;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.ArchiveMonth;
import io.inkwell.posts.post.BlogTimeZone;
import io.inkwell.posts.post.PostManagement;
import io.inkwell.posts.post.PostPage;
import io.inkwell.posts.post.PostQuery;
import io.inkwell.posts.post.PostStatus;
import io.inkwell.posts.post.StaleVersion;
import io.inkwell.posts.post.TagCount;
import io.inkwell.posts.post.TagEditing;
import io.inkwell.posts.post.TagNotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;

@RestController
class PostController {

  private static final CacheControl READER_CACHE =
      CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic();

  private final PostManagement posts;
  private final BlogTimeZone blogTimeZone;
  private final TagEditing tagEditing;

  PostController(PostManagement posts, BlogTimeZone blogTimeZone, TagEditing tagEditing) {
    this.tagEditing = tagEditing;
    this.posts = posts;
    this.blogTimeZone = blogTimeZone;
  }

  @PostMapping(path = "/api/posts", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PostResponse> create(
      @AuthenticationPrincipal Jwt token, @Valid @RequestBody CreatePostRequest request) {
    var post = response(posts.create(request.toDraft(), Actors.of(token)));
    return ResponseEntity.created(URI.create("/api/posts/" + post.id()))
        .eTag(post.etag())
        .body(post);
  }

  /** The author's live preview: the body as readers would see it, sanitised; nothing is saved. */
  @PostMapping(path = "/api/posts/preview", consumes = MediaType.APPLICATION_JSON_VALUE)
  PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
    var content = posts.preview(request.body(), request.excerpt());
    return new PreviewResponse(content.bodyHtml(), content.excerpt());
  }

  record PreviewResponse(String bodyHtml, String excerpt) {}

  /** A full replacement; {@code If-Match} must carry the ETag the author read (428 without). */
  @PutMapping(path = "/api/posts/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PostResponse> update(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @Valid @RequestBody CreatePostRequest request) {
    if (ifMatch == null) {
      throw new PreconditionRequired();
    }
    long version = PostResponse.versionIn(ifMatch, id);
    if (version < 0) {
      throw new StaleVersion();
    }
    return withEtag(posts.update(id, version, request.toDraft(), Actors.of(token)));
  }

  @PostMapping("/api/posts/{id}/publish")
  ResponseEntity<PostResponse> publish(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String id,
      @RequestBody(required = false) @Valid PublishRequest request) {
    return withEtag(
        posts.publish(
            id,
            request == null ? null : request.publishAt(),
            request == null || request.mail(),
            Actors.of(token)));
  }

  @PostMapping("/api/posts/{id}/unpublish")
  ResponseEntity<PostResponse> unpublish(
      @AuthenticationPrincipal Jwt token, @PathVariable String id) {
    return withEtag(posts.unpublish(id, Actors.of(token)));
  }

  /** WordPress's "Submit for Review": an editor sees the draft among those that wait. */
  @PostMapping("/api/posts/{id}/submit")
  ResponseEntity<PostResponse> submit(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    return withEtag(posts.submitForReview(id, Actors.of(token)));
  }

  /** Moves the post to the trash: off the blog, to be restored or deleted for good. */
  @PostMapping("/api/posts/{id}/trash")
  ResponseEntity<PostResponse> trash(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    return withEtag(posts.trash(id, Actors.of(token)));
  }

  /** Takes the post out of the trash, as a draft. */
  @PostMapping("/api/posts/{id}/restore")
  ResponseEntity<PostResponse> restore(
      @AuthenticationPrincipal Jwt token, @PathVariable String id) {
    return withEtag(posts.restore(id, Actors.of(token)));
  }

  @DeleteMapping("/api/posts/{id}")
  ResponseEntity<Void> delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    posts.delete(id, Actors.of(token));
    return ResponseEntity.noContent().build();
  }

  /**
   * Published posts for everyone; with {@code ?status=} a signed-in staff member's view of posts in
   * that state (never cached by shared caches), newest change first. Both take the same filters.
   */
  @GetMapping("/api/posts")
  ResponseEntity<PostListResponse> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) PostStatus status,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
      @RequestParam(required = false) @Size(max = 200) String cursor,
      @RequestParam(required = false) @Size(max = 50) String tag,
      @RequestParam(required = false) @Size(max = 100) String author,
      @RequestParam(required = false) @Size(max = 100) String q,
      @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @CalendarDate
          Instant from,
      @RequestParam(required = false)
          @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          @CalendarDate
          Instant before,
      @RequestParam(required = false) Boolean featured,
      @RequestParam(required = false) Boolean review) {
    var filter =
        new PostQuery(tag, author, q, from, before, featured, status == null ? null : review);
    if (status != null) {
      Actor actor = Actors.of(token);
      if (!actor.isStaff()) {
        throw new SignInRequired();
      }
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noStore().cachePrivate())
          .body(
              response(
                  posts.inStatus(status, filter, actor, limit, cursor),
                  q,
                  posts.countInStatus(status, filter, actor)));
    }
    return ResponseEntity.ok()
        .cacheControl(READER_CACHE)
        .body(response(posts.published(filter, limit, cursor), q, null));
  }

  /**
   * The post's secret preview link (made the first time), for whoever may edit it: {@code path} is
   * where the reader site shows it.
   */
  @PostMapping("/api/posts/{id}/preview-link")
  PreviewLink previewLink(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
    String key = posts.previewKey(id, staff(token));
    return new PreviewLink(key, "/p/" + key);
  }

  record PreviewLink(String key, String path) {}

  /**
   * The post a preview link shows, whatever its state (deleted: 404): for the friend the author
   * sent the link to. Never cached, and not for search engines.
   */
  @GetMapping("/api/posts/preview/{key}")
  ResponseEntity<PostResponse> previewed(
      @PathVariable @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9_-]{22}")
          String key) {
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .header("X-Robots-Tag", "noindex")
        .body(response(posts.previewed(key)));
  }

  /** What the post said before each edit, newest first (the text left out): for its editors. */
  @GetMapping("/api/posts/{id}/revisions")
  ResponseEntity<RevisionList> revisions(
      @AuthenticationPrincipal Jwt token, @PathVariable String id) {
    Actor actor = staff(token);
    var items =
        posts.revisions(id, actor).stream()
            .map(r -> new RevisionSummary(r.version(), r.title(), r.savedAt()))
            .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(new RevisionList(items));
  }

  @GetMapping("/api/posts/{id}/revisions/{version}")
  ResponseEntity<RevisionResponse> revision(
      @AuthenticationPrincipal Jwt token, @PathVariable String id, @PathVariable long version) {
    var found = posts.revision(id, version, staff(token));
    var r = found.revision();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore().cachePrivate())
        .body(
            new RevisionResponse(
                r.version(),
                r.title(),
                r.bodyMarkdown(),
                found.bodyHtml(),
                r.excerpt(),
                r.customExcerpt(),
                r.tags(),
                r.savedAt()));
  }

  record RevisionSummary(long version, String title, Instant savedAt) {}

  record RevisionList(List<RevisionSummary> items) {}

  record RevisionResponse(
      long version,
      String title,
      String bodyMarkdown,
      String bodyHtml,
      String excerpt,
      String customExcerpt,
      List<String> tags,
      Instant savedAt) {}

  private static Actor staff(Jwt token) {
    Actor actor = Actors.of(token);
    if (!actor.isStaff()) {
      throw new SignInRequired();
    }
    return actor;
  }

  /** Features the post (shown first on the home page) or stops; no {@code If-Match}: a flag. */
  @PutMapping(path = "/api/posts/{id}/featured", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<PostResponse> feature(
      @AuthenticationPrincipal Jwt token,
      @PathVariable String id,
      @Valid @RequestBody FeatureRequest request) {
    var post = response(posts.feature(id, request.featured(), Actors.of(token)));
    return ResponseEntity.ok().eTag(post.etag()).body(post);
  }

  record FeatureRequest(@jakarta.validation.constraints.NotNull Boolean featured) {}

  /** A matching {@code If-None-Match} turns the answer into 304 (HttpEntityMethodProcessor). */
  @GetMapping("/api/posts/{idOrSlug}")
  ResponseEntity<PostResponse> read(
      @AuthenticationPrincipal Jwt token, @PathVariable String idOrSlug) {
    var reading = posts.read(idOrSlug, Actors.of(token));
    if (reading.movedTo() != null) {
      return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
          .location(
              URI.create("/api/posts/" + UriUtils.encodePathSegment(reading.movedTo(), "UTF-8")))
          .build();
    }
    var post = response(reading.post());
    // What only staff may see must not land in a shared cache.
    CacheControl cache =
        reading.post().isPublished() ? READER_CACHE : CacheControl.noStore().cachePrivate();
    return ResponseEntity.ok().eTag(post.etag()).cacheControl(cache).body(post);
  }

  /** The published pages (About, Contact) for the site's menu, first published first. */
  @GetMapping("/api/pages")
  ResponseEntity<PageListResponse> pages() {
    return ResponseEntity.ok()
        .cacheControl(READER_CACHE)
        .body(
            new PageListResponse(
                posts.pages().stream()
                    .map(page -> new PageLink(page.id(), page.slug(), page.title()))
                    .toList()));
  }

  record PageListResponse(List<PageLink> items) {}

  record PageLink(String id, String slug, String title) {}

  /** Blogger's "Newer Post" and "Older Post" of a published post. */
  @GetMapping("/api/posts/{id}/neighbours")
  ResponseEntity<NeighboursResponse> neighbours(@PathVariable String id) {
    var neighbours = posts.neighbours(id);
    return ResponseEntity.ok()
        .cacheControl(READER_CACHE)
        .body(
            new NeighboursResponse(
                Neighbour.of(neighbours.newer()), Neighbour.of(neighbours.older())));
  }

  record NeighboursResponse(Neighbour newer, Neighbour older) {}

  /** Enough of a post to link to it. */
  record Neighbour(String id, String slug, String title, Instant publishedAt) {

    static Neighbour of(io.inkwell.posts.post.Post post) {
      return post == null
          ? null
          : new Neighbour(post.id(), post.slug(), post.title(), post.publishedAt());
    }
  }

  /**
   * Blogger's "Blog Archive": the months with published posts, newest first, counted in the
   * reader's {@code zone} (an IANA zone id; the blog's own when left out).
   */
  @GetMapping("/api/archive")
  ResponseEntity<ArchiveResponse> archive(
      @RequestParam(required = false) @Size(max = 64) String zone) {
    ZoneId zoneId;
    try {
      zoneId = zone == null ? blogTimeZone.zone() : ZoneId.of(zone);
    } catch (DateTimeException unknown) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "zone is not a time zone id such as Europe/Lisbon or UTC.");
    }
    return ResponseEntity.ok()
        .cacheControl(READER_CACHE)
        .body(new ArchiveResponse(posts.archive(zoneId)));
  }

  record ArchiveResponse(List<ArchiveMonth> months) {}

  /**
   * The tags of published posts; with {@code include=unpublished} (editors) those of drafts and
   * scheduled posts too, each with how many of them carry it, never cached on the way.
   */
  @GetMapping("/api/tags")
  ResponseEntity<TagListResponse> tags(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false)
          @jakarta.validation.constraints.Pattern(regexp = "unpublished")
          String include) {
    if (include != null) {
      return ResponseEntity.ok()
          .cacheControl(CacheControl.noStore())
          .body(new TagListResponse(posts.allTags(staff(token))));
    }
    return ResponseEntity.ok().cacheControl(READER_CACHE).body(new TagListResponse(posts.tags()));
  }

  /**
   * One tag: how many published posts carry it, and its description; a name the tag had before a
   * rename answers 301 with where it is now.
   */
  @GetMapping("/api/tags/{tag}")
  ResponseEntity<TagCount> tag(@PathVariable @Size(max = 50) String tag) {
    try {
      return ResponseEntity.ok().cacheControl(READER_CACHE).body(posts.tag(tag));
    } catch (TagNotFound unknown) {
      String now = tagEditing.renamedTo(tag).orElseThrow(() -> unknown);
      return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
          .cacheControl(READER_CACHE)
          .location(
              URI.create(
                  "/api/tags/"
                      + UriUtils.encodePathSegment(TagCount.slugOf(now), StandardCharsets.UTF_8)))
          .build();
    }
  }

  /** Describes a tag for its page (editors); an empty description takes it away. */
  @PutMapping(path = "/api/tags/{tag}", consumes = MediaType.APPLICATION_JSON_VALUE)
  TagCount describeTag(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Size(max = 50) String tag,
      @Valid @RequestBody TagDescriptionRequest request) {
    return posts.describeTag(tag, request.description(), staff(token));
  }

  /**
   * Renames a tag on every post that has it, or merges it into the tag whose name it is given
   * (editors) → 200 with the tag by its new name; 202 with it when the change takes longer than a
   * request waits and goes on in the background.
   */
  @PostMapping(path = "/api/tags/{tag}/rename", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TagCount> renameTag(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Size(max = 50) String tag,
      @Valid @RequestBody TagRenameRequest request) {
    var renamed = tagEditing.rename(tag, request.name(), staff(token));
    return ResponseEntity.status(renamed.finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
        .body(renamed.tag());
  }

  record TagRenameRequest(@jakarta.validation.constraints.NotNull @Size(max = 200) String name) {}

  /**
   * Takes a tag off every post that has it (editors); the posts stay → 204, or 202 when it goes on
   * in the background.
   */
  @DeleteMapping("/api/tags/{tag}")
  ResponseEntity<Void> deleteTag(
      @AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 50) String tag) {
    return tagEditing.delete(tag, staff(token))
        ? ResponseEntity.noContent().build()
        : ResponseEntity.accepted().build();
  }

  record TagDescriptionRequest(
      @jakarta.validation.constraints.NotNull @Size(max = 500) String description) {}

  private ResponseEntity<PostResponse> withEtag(io.inkwell.posts.post.Post post) {
    var response = response(post);
    return ResponseEntity.ok().eTag(response.etag()).body(response);
  }

  /** The post with its tags' names. */
  private PostResponse response(io.inkwell.posts.post.Post post) {
    return PostResponse.of(post, posts.tagNames(List.of(post)));
  }

  /** The page with its posts' tags' names. */
  private PostListResponse response(PostPage page, String q, Long total) {
    return PostListResponse.of(page, posts.tagNames(page.items()), q, total);
  }

  /** A staff-only view asked for without a token. */
  static class SignInRequired extends RuntimeException {

    SignInRequired() {
      super("Sign in to see posts that are not published.");
    }
  }

  /** An update without {@code If-Match}: it could overwrite a change it never saw. */
  static class PreconditionRequired extends RuntimeException {

    PreconditionRequired() {
      super("Send the post's ETag in If-Match, so that no one else's change is overwritten.");
    }
  }
}
