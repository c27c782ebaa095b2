package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.project;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.sort;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.ConditionalOperators;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** What authors and readers do with posts. */
@Service
public class PostManagement {

  private static final int SLUG_ATTEMPTS = 20;

  private final Posts posts;
  private final PostWrites writes;
  private final MongoOperations mongo;
  private final PostContentRenderer renderer;
  private final PostSettings settings;
  private final Clock clock;
  private final Counter published;
  private final Revisions revisions;
  private final PreviewLinks previews;
  private final TagDescriptions tagDescriptions;
  private final Covers covers;
  private final StaffNames staffNames;

  /**
   * Each tag's slug as WordPress and Ghost make one, by the tag: transliterating one beyond the
   * Latin letters takes some 40 µs, which every unknown tag path would spend on each tag of the
   * blog (bench/README.md, "Finding a tag by its path").
   */
  private final Cache<String, Optional<String>> tagSlugs =
      Caffeine.newBuilder().maximumSize(50_000).build();

  PostManagement(
      Posts posts,
      PostWrites writes,
      MongoOperations mongo,
      PostContentRenderer renderer,
      PostSettings settings,
      Clock clock,
      MeterRegistry registry,
      Revisions revisions,
      PreviewLinks previews,
      TagDescriptions tagDescriptions,
      Covers covers,
      StaffNames staffNames) {
    this.covers = covers;
    this.staffNames = staffNames;
    this.revisions = revisions;
    this.previews = previews;
    this.tagDescriptions = tagDescriptions;
    this.posts = posts;
    this.writes = writes;
    this.mongo = mongo;
    this.renderer = renderer;
    this.settings = settings;
    this.clock = clock;
    this.published = publishedCounter(registry);
  }

  /** Posts made visible to readers, now or by the scheduler. */
  public static Counter publishedCounter(MeterRegistry registry) {
    return Counter.builder("inkwell.posts.published")
        .description("Posts made visible to readers")
        .register(registry);
  }

  /** What an author writes; {@code slug} and {@code excerpt} may be left out. */
  public record Draft(
      String title,
      String body,
      String excerpt,
      List<String> tags,
      String slug,
      Boolean commentsOpen,
      Boolean page,
      String coverImage,
      String coverAlt,
      String metaTitle,
      String metaDescription,
      String canonicalUrl,
      Integer seasonNumber,
      Integer episodeNumber,
      String episodeType,
      Instant publishedAt) {

    /** Its meta tags as a post that had {@code these} would have them after this edit. */
    MetaTags metaTags(MetaTags these) {
      return these.changedBy(metaTitle, metaDescription, canonicalUrl);
    }

    /** Its episode's tags as a post that had {@code these} would have them after this edit. */
    EpisodeTags episodeTags(EpisodeTags these) {
      return these.changedBy(seasonNumber, episodeNumber, episodeType);
    }
  }

  /** A published post, or where a post that moved to a new slug is now. */
  public record Reading(Post post, String movedTo) {}

  /**
   * Creates a draft. A slug the author chose must be free (409 otherwise); a slug derived from the
   * title gets a numeric suffix until it is free, also when two drafts race for it.
   */
  public Post create(Draft draft, Actor actor) {
    Post created = insert(draft, actor);
    rememberTagNames(draft.tags());
    return created;
  }

  private Post insert(Draft draft, Actor actor) {
    // Integrations write in the blog's name; people under their own byline, by the name their
    // profile has now, which a token issued before a rename does not know yet.
    Author author =
        actor.isIntegration()
            ? settings.defaultAuthor()
            : new Author(actor.id(), staffNames.current(actor.id()).orElse(actor.name()));
    Post.Content content = render(draft);
    List<String> tags = normalisedTags(draft.tags());
    boolean page = draft.page() != null && draft.page();
    // a page takes no comments unless its author opens them
    boolean open = draft.commentsOpen() == null ? !page : draft.commentsOpen();
    Cover cover = covers.chosen(draft.coverImage(), draft.coverAlt(), null);
    Instant now = now();
    if (draft.slug() != null) {
      try {
        return posts.insert(
            described(
                Post.draft(draft.slug(), content, tags, open, page, author, now), cover, draft));
      } catch (DuplicateKeyException taken) {
        throw new SlugTaken(draft.slug());
      }
    }
    String base = Slugs.fromTitle(content.title());
    for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
      String slug = Slugs.candidate(base, attempt);
      if (posts.findBySlug(slug).isPresent()) {
        continue;
      }
      try {
        return posts.insert(
            described(Post.draft(slug, content, tags, open, page, author, now), cover, draft));
      } catch (DuplicateKeyException raced) {
        // another draft took this slug between the check and the insert: try the next one
      }
    }
    throw new SlugTaken(base);
  }

  /**
   * Replaces the content of the post the author read at {@code expectedVersion}; if anyone changed
   * it since, nothing is written and the author is told (412), never silently overwritten.
   */
  public Post update(String id, long expectedVersion, Draft draft, Actor actor) {
    Post post = allowed(id, actor, actor::mayEdit, "edit");
    if (post.version() != expectedVersion) {
      throw new StaleVersion();
    }
    String newSlug = draft.slug();
    if (newSlug != null && !newSlug.equals(post.slug()) && posts.findBySlug(newSlug).isPresent()) {
      throw new SlugTaken(newSlug);
    }
    boolean open = draft.commentsOpen() == null ? post.commentsOpen() : draft.commentsOpen();
    boolean page = draft.page() == null ? post.page() : draft.page();
    Post.Content content = render(draft);
    List<String> tags = normalisedTags(draft.tags());
    Cover cover = covers.chosen(draft.coverImage(), draft.coverAlt(), post.cover());
    Revision before = Revision.of(post);
    if (before.differsFrom(content, tags)) {
      revisions.keep(before);
    }
    post.useCover(cover);
    post.describe(draft.metaTags(post.metaTags()));
    post.numberEpisode(draft.episodeTags(post.episodeTags()));
    post.redate(draft.publishedAt());
    post.edit(content, tags, newSlug, open, page, now());
    Post saved = save(post);
    rememberTagNames(draft.tags());
    return saved;
  }

  /** Tags written with capitals are named so, where they have no name yet. */
  private void rememberTagNames(List<String> written) {
    if (written != null) {
      tagDescriptions.remember(written);
    }
  }

  /** The names readers are shown for the posts' tags, by tag, where a tag has one of its own. */
  public Map<String, String> tagNames(Collection<Post> posts) {
    return tagDescriptions.namesOf(
        posts.stream().flatMap(post -> post.tags().stream()).collect(Collectors.toSet()));
  }

  /** The name readers are shown for the tag: its own, or the tag itself. */
  public String tagName(String tag) {
    return tagDescriptions.allNames().getOrDefault(tag, tag);
  }

  /** What the post said before each edit, newest first: for those who may edit it. */
  public List<Revision> revisions(String id, Actor actor) {
    allowed(id, actor, actor::mayEdit, "see the revisions of");
    return revisions.of(id);
  }

  /**
   * The key of the post's secret preview link, for whoever may edit it: anyone with the link reads
   * the post as it is now, draft or scheduled, while it is out of the trash.
   */
  public String previewKey(String id, Actor actor) {
    allowed(id, actor, actor::mayEdit, "share a preview of");
    return previews.keyOf(id, now());
  }

  /**
   * The post a preview link shows; not found while it is in the trash, once it is deleted, or for a
   * key nobody made.
   */
  public Post previewed(String key) {
    return previews
        .postOf(key)
        .flatMap(posts::findById)
        .filter(post -> !post.isDeleted() && !post.isTrashed())
        .orElseThrow(() -> new PostNotFound(key));
  }

  /** One revision's content, with its Markdown rendered as readers would have seen it. */
  public RevisionContent revision(String id, long version, Actor actor) {
    allowed(id, actor, actor::mayEdit, "see the revisions of");
    Revision revision =
        revisions
            .find(id, version)
            .orElseThrow(() -> new PostNotFound(id + " (revision " + version + ")"));
    return new RevisionContent(
        revision,
        renderer.render(revision.title(), revision.bodyMarkdown(), revision.excerpt()).bodyHtml());
  }

  public record RevisionContent(Revision revision, String bodyHtml) {}

  /** What a draft would look like, rendered and sanitised exactly as on save; nothing is stored. */
  public Post.Content preview(String body, String excerpt) {
    return render("", body, excerpt);
  }

  /**
   * Publishes now (also when {@code at} has passed), or schedules when {@code at} is later;
   * publishing twice changes nothing.
   */
  public Post publish(String id, Instant at, Actor actor) {
    return publish(id, at, true, actor);
  }

  /** The same, mailing the subscribers or not when it is published. */
  public Post publish(String id, Instant at, boolean mail, Actor actor) {
    return onLatest(
        () -> {
          Post post = allowed(id, actor, actor::mayPublish, "publish");
          Instant now = now();
          if (at != null && at.isAfter(now)) {
            post.schedule(at, now, mail);
            return save(post);
          }
          // now, or a time already past, which dates it back: a publication like any other, and a
          // no-op when it is published already, so the version (and every editor's ETag) stays
          if (!post.publish(now, mail, at)) {
            return post;
          }
          Post saved = save(post);
          published.increment();
          return saved;
        });
  }

  /**
   * A move the client asks for without a version (publish, unpublish, trash, submit, restore) is
   * made on the post as it is now: when another save comes in between, the post is read again and
   * the move tried on that, so two clicks on Publish are one publication and two answers of 200,
   * not a 412 about a version nobody sent. A move the new state does not allow is refused as usual
   * (409).
   */
  private static Post onLatest(Supplier<Post> move) {
    for (int attempt = 1; ; attempt++) {
      try {
        return move.get();
      } catch (StaleVersion concurrent) {
        if (attempt == 3) {
          throw concurrent;
        }
      }
    }
  }

  /**
   * Features a post or stops: for those who may publish it. A flag, not an edit of what the author
   * read: it keeps the post's version, so an author saving what they read meanwhile meets no
   * conflict. It is set on the version just checked; a post changed in between is read again.
   */
  public Post feature(String id, boolean feature, Actor actor) {
    for (int attempt = 1; ; attempt++) {
      Post post = allowed(id, actor, actor::mayPublish, "feature");
      post.feature(feature);
      var unchanged = Query.query(where("_id").is(id).and("version").is(post.version()));
      // by the collection's name: given the entity class, Spring Data would raise the version
      var set = mongo.updateFirst(unchanged, Update.update("featured", feature), "posts");
      if (set.getMatchedCount() == 1) {
        return post;
      }
      if (attempt == 3) {
        throw new StaleVersion();
      }
    }
  }

  public Post unpublish(String id, Actor actor) {
    return onLatest(
        () -> {
          Post post = allowed(id, actor, actor::mayTakeDown, "unpublish");
          post.unpublish(now());
          return save(post);
        });
  }

  /** Moves the post to the trash, to be restored or deleted for good later. */
  public Post trash(String id, Actor actor) {
    return onLatest(
        () -> {
          Post post = allowed(id, actor, actor::mayTakeDown, "move to the trash");
          Instant now = now();
          post.trash(now, now.plus(settings.trashRetention()));
          return save(post);
        });
  }

  /** Asks an editor to look at a draft: for whoever may edit it (its contributor, above all). */
  public Post submitForReview(String id, Actor actor) {
    return onLatest(
        () -> {
          Post post = allowed(id, actor, actor::mayEdit, "submit for review");
          // submitted already: the same answer, and the version anyone editing holds still holds
          return post.submitForReview(now()) ? save(post) : post;
        });
  }

  /**
   * Takes the post out of the trash, as a draft, at the slug it had; if a new post took that
   * meanwhile, at the first free one after it ({@code -2}, {@code -3}, …), as a new post would get.
   */
  public Post restore(String id, Actor actor) {
    return onLatest(() -> restoreOnce(id, actor));
  }

  private Post restoreOnce(String id, Actor actor) {
    Post post = allowed(id, actor, actor::mayTakeDown, "restore");
    String wanted = post.trashedSlug();
    String free = null;
    for (int attempt = 1; wanted != null && free == null && attempt <= SLUG_ATTEMPTS; attempt++) {
      String slug = Slugs.candidate(wanted, attempt);
      if (posts.findBySlug(slug).isEmpty()) {
        free = slug;
      }
    }
    post.restore(now(), free);
    return save(post);
  }

  /** Deletes the post for good, with its revisions and preview link. */
  public void delete(String id, Actor actor) {
    deleteForGood(allowed(id, actor, actor::mayTakeDown, "delete"));
  }

  /**
   * Deletes for good the posts of the trash whose time has come, as WordPress empties its trash
   * after 30 days. A post restored or deleted meanwhile, here or by another instance, fails the
   * version check and is left to it.
   *
   * @return how many posts this call deleted
   */
  public int emptyTrash() {
    var expired = Query.query(where("status").is(PostStatus.TRASHED).and("deletesAt").lte(now()));
    int deleted = 0;
    for (Post post : mongo.find(expired, Post.class)) {
      try {
        deleteForGood(post);
        deleted++;
      } catch (StaleVersion changedMeanwhile) {
        // restored, or deleted by another instance: theirs is the last word
      }
    }
    return deleted;
  }

  private void deleteForGood(Post post) {
    post.delete(now());
    save(post);
    revisions.forget(post.id());
    previews.forget(post.id());
  }

  /**
   * A post by id or slug, or the slug it moved to. Readers see published posts only; staff also see
   * the drafts they may read (their own, or all for editors).
   */
  public Reading read(String idOrSlug, Actor actor) {
    Optional<Post> found =
        posts
            .findById(idOrSlug)
            .or(() -> posts.findBySlug(idOrSlug))
            .filter(post -> !post.isDeleted())
            .filter(actor::mayRead);
    if (found.isPresent()) {
      return new Reading(found.get(), null);
    }
    return posts
        .findFirstByPreviousSlugs(idOrSlug)
        .filter(Post::isPublished)
        .map(moved -> new Reading(null, moved.slug()))
        .orElseThrow(() -> new PostNotFound(idOrSlug));
  }

  /**
   * The published post that lived at an old address (an imported permalink), with or without the
   * trailing slash WordPress puts on its addresses.
   */
  public Post byLegacyPath(String path) {
    String other = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
    return posts
        .findFirstByLegacyPathIn(other.isEmpty() ? List.of(path) : List.of(path, other))
        .filter(Post::isPublished)
        .orElseThrow(() -> new PostNotFound(path));
  }

  /** Published posts, newest first, a page at a time. */
  public PostPage published(PostQuery filter, int limit, String cursor) {
    return page(publishedMatching(filter), "publishedAt", Post::publishedAt, limit, cursor);
  }

  /**
   * The published posts matching the filter that play one of the blog's files, published at or
   * before {@code atOrBefore}, newest first: a podcast's older episodes, which its feeds carry
   * beyond the newest posts.
   */
  public List<Post> publishedEpisodes(PostQuery filter, Instant atOrBefore, int limit) {
    return mongo.find(
        Query.query(
                new Criteria()
                    .andOperator(
                        publishedMatching(filter),
                        where("publishedAt").lte(atOrBefore),
                        where("bodyHtml").regex(Pattern.quote(MediaPlayers.PLAYER))))
            .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")))
            .limit(limit),
        Post.class);
  }

  /** The published pages (About, Contact), in the order they were first published: the menu. */
  public List<Post> pages() {
    return mongo.find(
        new Query(
                new Criteria()
                    .andOperator(where("status").is(PostStatus.PUBLISHED), where("page").is(true)))
            .with(Sort.by(Sort.Order.asc("publishedAt"), Sort.Order.asc("_id")))
            .limit(50),
        Post.class);
  }

  /**
   * The published posts either side of a published one, in the order of the list (publication time,
   * then id), so that following "Older post" from the newest visits every post once.
   */
  public Neighbours neighbours(String id) {
    Post post = existing(id);
    if (!post.isPublished() || post.page()) {
      throw new PostNotFound(id);
    }
    Instant at = post.publishedAt();
    Criteria published =
        new Criteria().andOperator(where("status").is(PostStatus.PUBLISHED), notAPage());
    Criteria later =
        new Criteria()
            .orOperator(
                where("publishedAt").gt(at),
                new Criteria().andOperator(where("publishedAt").is(at), where("_id").gt(id)));
    Criteria earlier =
        new Criteria()
            .orOperator(
                where("publishedAt").lt(at),
                new Criteria().andOperator(where("publishedAt").is(at), where("_id").lt(id)));
    Post newer =
        mongo.findOne(
            new Query(new Criteria().andOperator(published, later))
                .with(Sort.by(Sort.Order.asc("publishedAt"), Sort.Order.asc("_id"))),
            Post.class);
    Post older =
        mongo.findOne(
            new Query(new Criteria().andOperator(published, earlier))
                .with(Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"))),
            Post.class);
    return new Neighbours(newer, older);
  }

  /**
   * Puts an author's new name on the bylines of every post of theirs, as Ghost's and WordPress's
   * bylines follow the profile. No edit of the posts: their versions stay (an author's open editor
   * is no conflict), and their ETags change with the byline.
   */
  public void renameAuthor(String authorId, String name) {
    // by the collection's name, so that the version stays; the mapping stores Author.id as _id
    mongo.updateMulti(
        Query.query(where("author._id").is(authorId).and("author.name").ne(name)),
        new Update().set("author.name", name),
        mongo.getCollectionName(Post.class));
  }

  /** How many posts (not pages) of an author readers can read, and the name on the newest. */
  public PublishedBy publishedBy(String authorId) {
    var query =
        new Query(
            new Criteria()
                .andOperator(
                    where("status").is(PostStatus.PUBLISHED),
                    notAPage(),
                    where("author.id").is(authorId)));
    long count = mongo.count(query, Post.class);
    if (count == 0) {
      return new PublishedBy(0, null);
    }
    Post newest = mongo.findOne(query.with(Sort.by(Sort.Order.desc("publishedAt"))), Post.class);
    return new PublishedBy(count, newest == null ? null : newest.author().name());
  }

  /**
   * @param latestName the byline of their newest post
   */
  public record PublishedBy(long count, String latestName) {}

  /**
   * Everyone with a post (not a page) readers can read: each author's id, the byline of their
   * newest post and how many they published, in one pass over the published posts.
   */
  public List<PublishedAuthor> publishedAuthors() {
    var aggregation =
        newAggregation(
            match(new Criteria().andOperator(where("status").is(PostStatus.PUBLISHED), notAPage())),
            sort(Sort.by(Sort.Order.desc("publishedAt"))),
            group("author.id").count().as("count").first("author.name").as("latestName"),
            project("count", "latestName").and("_id").as("id"));
    return mongo.aggregate(aggregation, Post.class, PublishedAuthor.class).getMappedResults();
  }

  /**
   * @param latestName the byline of their newest post
   */
  public record PublishedAuthor(String id, long count, String latestName) {}

  /**
   * The months with published posts, newest first, each with its count; months as the blog's
   * readers count them ({@code zone}). Only the publication times are read.
   */
  public List<ArchiveMonth> archive(ZoneId zone) {
    var query =
        new Query(new Criteria().andOperator(where("status").is(PostStatus.PUBLISHED), notAPage()));
    query.fields().include("publishedAt");
    Map<YearMonth, Long> months = new TreeMap<>(Comparator.reverseOrder());
    mongo.stream(query, org.bson.Document.class, mongo.getCollectionName(Post.class))
        .forEach(
            document -> {
              var at = document.getDate("publishedAt");
              if (at != null) {
                months.merge(YearMonth.from(at.toInstant().atZone(zone)), 1L, Long::sum);
              }
            });
    return months.entrySet().stream()
        .map(
            month ->
                new ArchiveMonth(
                    month.getKey().getYear(), month.getKey().getMonthValue(), month.getValue()))
        .toList();
  }

  /**
   * Staff's view of posts in one state, last changed first: editors see everyone's, authors and
   * contributors their own.
   */
  public PostPage inStatus(
      PostStatus status, PostQuery filter, Actor actor, int limit, String cursor) {
    return page(inStatus(status, filter, actor), "updatedAt", Post::updatedAt, limit, cursor);
  }

  /** How many posts {@link #inStatus} lists in all: the admin's "For review (2)". */
  public long countInStatus(PostStatus status, PostQuery filter, Actor actor) {
    return mongo.count(Query.query(inStatus(status, filter, actor)), Post.class);
  }

  private Criteria inStatus(PostStatus status, PostQuery filter, Actor actor) {
    List<Criteria> all = new ArrayList<>(matching(filter));
    all.add(where("status").is(status));
    if (!actor.isEditor()) {
      all.add(where("author.id").is(actor.id()));
    }
    return new Criteria().andOperator(all);
  }

  /**
   * One page of the matching posts, newest by {@code field} first (ties by id), after the cursor's
   * position: stable while posts are added, as the position is a value, not an offset.
   */
  private PostPage page(
      Criteria matching,
      String field,
      java.util.function.Function<Post, Instant> position,
      int limit,
      String cursor) {
    Criteria criteria = matching;
    if (cursor != null && !cursor.isBlank()) {
      Position after = Position.decode(cursor);
      criteria =
          new Criteria()
              .andOperator(
                  matching,
                  new Criteria()
                      .orOperator(
                          where(field).lt(after.at()),
                          where(field).is(after.at()).and("_id").lt(after.id())));
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc(field), Sort.Order.desc("_id")))
            .limit(limit + 1);
    List<Post> found = mongo.find(query, Post.class);
    if (found.size() <= limit) {
      return new PostPage(found, null);
    }
    List<Post> page = found.subList(0, limit);
    Post last = page.get(limit - 1);
    return new PostPage(page, new Position(position.apply(last), last.id()).encode());
  }

  /** Every tag of a published post with its count, most used first. */
  public List<TagCount> tags() {
    var aggregation =
        newAggregation(
            match(new Criteria().andOperator(where("status").is(PostStatus.PUBLISHED), notAPage())),
            unwind("tags"),
            group("tags").count().as("count"),
            project("count").and("_id").as("tag"),
            sort(Sort.by(Sort.Order.desc("count"), Sort.Order.asc("tag"))));
    Map<String, String> described = tagDescriptions.all();
    Map<String, String> names = tagDescriptions.allNames();
    return mongo.aggregate(aggregation, Post.class, Counted.class).getMappedResults().stream()
        .map(
            tag ->
                new TagCount(
                    tag.tag(), names.get(tag.tag()), tag.count(), described.get(tag.tag())))
        .toList();
  }

  /**
   * Every tag of a post that is not in the trash, published or not, with both counts (an editor's
   * Tags page: a tag only drafts carry yet can be renamed before it goes out), most published
   * first.
   */
  public List<TagCount> allTags(Actor actor) {
    if (!actor.isEditor()) {
      throw new NotAllowed("Only editors see the tags of everyone's drafts.");
    }
    var published = ConditionalOperators.when(where("status").is(PostStatus.PUBLISHED));
    var aggregation =
        newAggregation(
            match(
                new Criteria()
                    .andOperator(
                        where("status")
                            .in(PostStatus.DRAFT, PostStatus.SCHEDULED, PostStatus.PUBLISHED),
                        notAPage())),
            unwind("tags"),
            group("tags")
                .sum(published.then(1).otherwise(0))
                .as("count")
                .sum(published.then(0).otherwise(1))
                .as("unpublished"),
            project("count", "unpublished").and("_id").as("tag"),
            sort(
                Sort.by(
                    Sort.Order.desc("count"),
                    Sort.Order.desc("unpublished"),
                    Sort.Order.asc("tag"))));
    Map<String, String> described = tagDescriptions.all();
    Map<String, String> names = tagDescriptions.allNames();
    return mongo.aggregate(aggregation, Post.class, CountedAll.class).getMappedResults().stream()
        .map(
            tag ->
                new TagCount(tag.tag(), names.get(tag.tag()), tag.count(), described.get(tag.tag()))
                    .withUnpublished(tag.unpublished()))
        .toList();
  }

  /** A row of the tag aggregation. */
  private record Counted(String tag, long count) {}

  /** A row of the tag aggregation over published and unpublished posts. */
  private record CountedAll(String tag, long count, long unpublished) {}

  /**
   * One tag, by its name or its {@linkplain TagCount#slug() slug}: its published posts' count and
   * its description; unknown if it has neither.
   */
  public TagCount tag(String nameOrSlug) {
    String tag = tagNamed(nameOrSlug);
    long count =
        mongo.count(
            Query.query(
                new Criteria()
                    .andOperator(
                        where("status").is(PostStatus.PUBLISHED),
                        notAPage(),
                        where("tags").is(tag))),
            Post.class);
    Optional<String> description = tagDescriptions.of(tag);
    if (count == 0 && description.isEmpty()) {
      throw new TagNotFound(tag);
    }
    return new TagCount(tag, tagDescriptions.allNames().get(tag), count, description.orElse(null));
  }

  /**
   * The tag a path names: the tag of that name when there is one; else the first in use whose slug
   * it is ("c-c++" names "c/c++", which no path can carry), or, for a path written as slugs are,
   * the first it is the slug of as WordPress and Ghost slug tags ("cafe" names "café",
   * "creme-brulee" "crème brûlée": their old tag pages' addresses, and what a reader types),
   * published posts' tags before those only drafts carry; else the name, normalised.
   */
  public String tagNamed(String nameOrSlug) {
    String name = normalisedTag(nameOrSlug);
    if (tagDescriptions.of(name).isPresent()
        || mongo.exists(Query.query(where("tags").is(name)), Post.class)) {
      return name;
    }
    return namedBy(tags().stream().map(TagCount::tag).toList(), name)
        .or(
            () ->
                namedBy(
                    mongo
                        .findDistinct(
                            Query.query(where("status").ne(PostStatus.DELETED)),
                            "tags",
                            Post.class,
                            String.class)
                        .stream()
                        .sorted()
                        .toList(),
                    name))
        .orElse(name);
  }

  /** The first of the tags whose path the name is, else the first it is the slug of. */
  private Optional<String> namedBy(List<String> tags, String name) {
    return tags.stream()
        .filter(tag -> TagCount.slugOf(tag).equals(name))
        .findFirst()
        .or(
            () ->
                Slugs.isOne(name)
                    ? tags.stream()
                        .filter(
                            tag -> tagSlugs.get(tag, Slugs::of).filter(name::equals).isPresent())
                        .findFirst()
                    : Optional.empty());
  }

  /**
   * What the tag page says about the tag (editors: tags are everyone's), as one paragraph of plain
   * text; empty takes it away.
   */
  public TagCount describeTag(String name, String description, Actor actor) {
    if (!actor.isEditor()) {
      throw new NotAllowed("Only editors describe tags.");
    }
    String tag = tagNamed(name);
    if (tag.isEmpty()) {
      throw new TagNotFound(name);
    }
    String text = description.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    tagDescriptions.describe(tag, text, now());
    return tag(tag);
  }

  private Criteria publishedMatching(PostQuery filter) {
    List<Criteria> all = new ArrayList<>(matching(filter));
    all.add(where("status").is(PostStatus.PUBLISHED));
    all.add(notAPage());
    return new Criteria().andOperator(all);
  }

  /**
   * What the filter asks of a post, whatever its state. A filter left empty ({@code ?tag=}, as a
   * form sends a field nobody filled) asks nothing, as an empty search does.
   */
  private List<Criteria> matching(PostQuery filter) {
    List<Criteria> all = new ArrayList<>();
    String tag = filter.tag() == null ? "" : normalisedTag(filter.tag());
    if (!tag.isEmpty()) {
      all.add(where("tags").is(tag));
    }
    if (filter.author() != null && !filter.author().isBlank()) {
      all.add(where("author.id").is(filter.author().strip()));
    }
    if (filter.featured() != null) {
      // posts from before featuring have no field: not featured
      all.add(filter.featured() ? where("featured").is(true) : where("featured").ne(true));
    }
    if (filter.review() != null) {
      all.add(
          filter.review()
              ? where("reviewRequestedAt").ne(null)
              : where("reviewRequestedAt").is(null));
    }
    if (filter.from() != null) {
      all.add(where("publishedAt").gte(filter.from()));
    }
    if (filter.before() != null) {
      all.add(where("publishedAt").lt(filter.before()));
    }
    if (filter.text() != null) {
      // The reader's words, whatever their case and accents; no regex of theirs ever runs.
      SearchText.pattern(filter.text())
          .ifPresent(words -> all.add(where("searchText").regex(words)));
    }
    return all;
  }

  /**
   * Pages stand apart: no list, feed, archive or tag count has them ({@code page} may be absent).
   */
  private static Criteria notAPage() {
    return where("page").ne(true);
  }

  /** The post, if the actor may do this to it: 404 if they may not even see it, else 403. */
  private Post allowed(String id, Actor actor, Predicate<Post> rule, String action) {
    Post post = existing(id);
    if (!actor.mayRead(post)) {
      throw new PostNotFound(id);
    }
    if (!rule.test(post)) {
      throw new NotAllowed("Your role may not " + action + " this post.");
    }
    return post;
  }

  private Post existing(String id) {
    return posts
        .findById(id)
        .filter(post -> !post.isDeleted())
        .orElseThrow(() -> new PostNotFound(id));
  }

  private Post save(Post post) {
    try {
      // The change and the events it raised are one single-document write, guarded by the version.
      return writes.save(post);
    } catch (OptimisticLockingFailureException concurrent) {
      throw new StaleVersion();
    } catch (DuplicateKeyException slugTaken) {
      throw new SlugTaken(post.slug());
    }
  }

  private static Post described(Post post, Cover cover, Draft draft) {
    post.useCover(cover);
    post.describe(draft.metaTags(MetaTags.NONE));
    post.numberEpisode(draft.episodeTags(EpisodeTags.NONE));
    return post;
  }

  private Post.Content render(Draft draft) {
    return render(draft.title(), draft.body(), draft.excerpt());
  }

  private Post.Content render(String title, String body, String excerpt) {
    long size = body.getBytes(StandardCharsets.UTF_8).length;
    if (size > settings.maxBodySize().toBytes()) {
      throw new ContentTooLarge(settings.maxBodySize().toBytes());
    }
    return renderer.render(title, body, excerpt);
  }

  private Instant now() {
    // MongoDB keeps milliseconds; so do we, so that what we return equals what we stored.
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Tags are lower-case with single spaces: " Road Trips " is "road trips", also where its spaces
   * are no-break or ideographic ones; control characters count as spaces, and invisible ones go (a
   * zero-width space, a direction override that would turn the words around it), but for the
   * joiners emoji and Persian words are made with. A tag of nothing visible is no tag. Letters are
   * composed (NFC): "café" typed with its accent as a mark of its own, as some keyboards and pasted
   * text have it, is the same tag as "café". Turkish's dotted capital "İ" is an "i", as its small
   * letter is, so that "İzmir" and "izmir" are one tag: lower-cased, it is an "i" and a dot of its
   * own, which no one types, and which the tags of posts saved before lose at start ({@link
   * Rerendering}).
   */
  public static String normalisedTag(String tag) {
    // last, so that a tag written so once stays as it is when written again
    return Normalizer.normalize(
        visible(tag).toLowerCase(Locale.ROOT).replace("i\u0307", "i"), Normalizer.Form.NFC);
  }

  /**
   * A tag as its author wrote it, its case kept, cleaned as {@link #normalisedTag} cleans it: the
   * name readers are shown ("Road Trips" for "road trips").
   */
  public static String writtenTag(String tag) {
    return Normalizer.normalize(visible(tag), Normalizer.Form.NFC);
  }

  /** Spaces of every kind (a no-break space pasted from a word processor) are one space. */
  private static String visible(String tag) {
    return tag.replaceAll("\\p{Cntrl}", " ")
        .replaceAll("[\\p{Cf}&&[^\\u200C\\u200D]]", "")
        .replaceAll("[\\s\\p{Z}]+", " ")
        .strip();
  }

  static List<String> normalisedTags(List<String> tags) {
    if (tags == null) {
      return List.of();
    }
    var unique = new LinkedHashSet<String>();
    for (String tag : tags) {
      String normalised = normalisedTag(tag);
      if (!normalised.isEmpty()) {
        unique.add(normalised);
      }
    }
    return List.copyOf(unique);
  }

  /**
   * Where a page ended: the sort time (published or changed) and id of its last item, as an opaque
   * cursor.
   */
  public record Position(Instant at, String id) {

    public String encode() {
      String raw = at.toEpochMilli() + "_" + id;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Position decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int separator = raw.indexOf('_');
        return new Position(
            Instant.ofEpochMilli(Long.parseLong(raw.substring(0, separator))),
            raw.substring(separator + 1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new InvalidCursor();
      }
    }
  }
}
