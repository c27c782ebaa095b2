package io.inkwell.posts.views;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.BlogTimeZone;
import io.inkwell.posts.post.NotAllowed;
import io.inkwell.posts.post.Post;
import io.inkwell.posts.post.PostNotFound;
import io.inkwell.posts.post.PostStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * How often readers opened each post, day by day, as Blogger's Stats and Ghost's and Jetpack's
 * analytics tell authors: one count per post and day (the blog's day, in its time zone), and
 * nothing about who read, no address, no cookie, no browser, so there is nothing personal to keep,
 * export or erase. A post's page asks for the count from the reader's browser (the reader site's
 * {@code views.js}), so that robots, which do not run it, are not counted.
 */
@Service
public class PostViews {

  static final String COLLECTION = "post_views";

  /** The longest period asked about at once: a year, leap or not. */
  public static final int LONGEST_PERIOD = 366;

  private final MongoOperations mongo;
  private final BlogTimeZone blogZone;
  private final Clock clock;
  private final Counter counted;

  PostViews(MongoOperations mongo, BlogTimeZone blogZone, Clock clock, MeterRegistry registry) {
    this.mongo = mongo;
    this.blogZone = blogZone;
    this.clock = clock;
    this.counted =
        Counter.builder("inkwell.posts.views")
            .description("Post and page views counted from readers' browsers")
            .register(registry);
    var indexes = mongo.indexOps(COLLECTION);
    // a post's days, and the days of all posts for the most read
    indexes.createIndex(new Index().on("postId", Sort.Direction.ASC).on("day", Sort.Direction.ASC));
    indexes.createIndex(new Index().on("day", Sort.Direction.ASC));
  }

  /**
   * Counts one reader's view of a published post or page.
   *
   * @throws PostNotFound for a post readers cannot read (unknown, a draft, in the trash)
   */
  public void count(String postId) {
    count(postId, clock.instant());
  }

  void count(String postId, Instant at) {
    if (!mongo.exists(
        query(where("_id").is(postId).and("status").is(PostStatus.PUBLISHED)), Post.class)) {
      throw new PostNotFound(postId);
    }
    String day = dayOf(at).toString();
    Query theDay = query(where("_id").is(postId + "/" + day));
    Update oneMore =
        new Update().inc("views", 1).setOnInsert("postId", postId).setOnInsert("day", day);
    try {
      mongo.upsert(theDay, oneMore, COLLECTION);
    } catch (DuplicateKeyException firstOfTheDayTwice) {
      // two first views of the day at once: the other one inserted the day, this one adds to it
      mongo.upsert(theDay, oneMore, COLLECTION);
    }
    counted.increment();
  }

  /** A day's views. */
  public record Day(LocalDate day, long views) {}

  /**
   * A post's views: every day of the period, today last (days without views too), how many those
   * are, and how many since counting began.
   */
  public record Series(String postId, long total, long inPeriod, List<Day> days) {}

  /**
   * The views of one post over the last {@code days} days, for its author and editors, also after
   * it was unpublished; a post someone may not read is not there for them (as {@code GET
   * /api/posts/{id}} answers).
   */
  public Series of(String postId, int days, Actor actor) {
    Post post = mongo.findById(postId, Post.class);
    if (post == null || post.isDeleted() || !actor.mayRead(post)) {
      throw new PostNotFound(postId);
    }
    if (!actor.isEditor() && !actor.wrote(post)) {
      throw new NotAllowed("Only its author and editors see how often a post was read.");
    }
    LocalDate today = dayOf(clock.instant());
    LocalDate first = firstDay(days);
    Map<String, Long> counted = new HashMap<>();
    mongo
        .find(
            query(where("postId").is(postId).and("day").gte(first.toString())),
            Document.class,
            COLLECTION)
        .forEach(day -> counted.put(day.getString("day"), views(day)));
    var shown = new ArrayList<Day>(days);
    for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
      shown.add(new Day(day, counted.getOrDefault(day.toString(), 0L)));
    }
    long inPeriod = shown.stream().mapToLong(Day::views).sum();
    var total =
        mongo
            .aggregate(
                newAggregation(
                    match(where("postId").is(postId)), group("postId").sum("views").as("views")),
                COLLECTION,
                Document.class)
            .getUniqueMappedResult();
    return new Series(postId, total == null ? 0 : views(total), inPeriod, shown);
  }

  /**
   * The views of each of these posts over the last {@code days} days, for a list of posts (the
   * admin's): editors get every one's, others those of their own posts; a post not read in the
   * period counts 0, a post the actor may not see (or none at all) is left out.
   */
  public Map<String, Long> counts(List<String> postIds, int days, Actor actor) {
    var seen = query(where("_id").in(postIds).and("status").ne(PostStatus.DELETED));
    if (!actor.isEditor()) {
      seen.addCriteria(where("author._id").is(actor.id()));
    }
    seen.fields().include("_id");
    Set<String> shown = new HashSet<>();
    mongo
        .find(seen, Document.class, mongo.getCollectionName(Post.class))
        .forEach(post -> shown.add(post.getString("_id")));
    Map<String, Long> counts = new HashMap<>();
    shown.forEach(id -> counts.put(id, 0L));
    mongo
        .aggregate(
            newAggregation(
                match(where("postId").in(shown).and("day").gte(firstDay(days).toString())),
                group("postId").sum("views").as("views")),
            COLLECTION,
            Document.class)
        .forEach(post -> counts.put(post.getString("_id"), views(post)));
    return counts;
  }

  /** A post among the most read, with what a list of them shows. */
  public record Ranked(
      String postId, String title, String slug, PostStatus status, boolean page, long views) {}

  /**
   * The posts and pages read most over the last {@code days} days, most first (ties by title):
   * editors see the whole blog's, others their own. Posts deleted for good are left out; a post
   * that was unpublished keeps its place, with its state.
   */
  public List<Ranked> mostViewed(int days, int limit, Actor actor) {
    if (!actor.isStaff() && !actor.isIntegration()) {
      throw new NotAllowed("Only staff see how often posts were read.");
    }
    Criteria period = where("day").gte(firstDay(days).toString());
    if (!actor.isEditor()) {
      period = period.and("postId").in(postIdsBy(actor));
    }
    return ranked(period, where("status").ne(PostStatus.DELETED), limit);
  }

  /**
   * The published posts (not pages) read most over the last {@code days} days, for readers, as
   * Blogger's "Popular Posts" gadget lists them; the counts stay with the staff.
   */
  public List<Ranked> popular(int days, int limit) {
    return ranked(
        where("day").gte(firstDay(days).toString()),
        where("status").is(PostStatus.PUBLISHED).and("page").ne(true),
        limit);
  }

  /** The posts that match {@code shown}, by their views in {@code period}, most first. */
  private List<Ranked> ranked(Criteria period, Criteria shown, int limit) {
    List<Document> viewed =
        mongo
            .aggregate(
                newAggregation(match(period), group("postId").sum("views").as("views")),
                COLLECTION,
                Document.class)
            .getMappedResults();
    Map<String, Long> views = new HashMap<>();
    viewed.forEach(post -> views.put(post.getString("_id"), views(post)));
    var posts = query(where("_id").in(views.keySet())).addCriteria(shown);
    posts.fields().include("title", "slug", "status", "page");
    return mongo.find(posts, Document.class, mongo.getCollectionName(Post.class)).stream()
        .map(
            post ->
                new Ranked(
                    post.getString("_id"),
                    post.getString("title"),
                    post.getString("slug"),
                    PostStatus.valueOf(post.getString("status")),
                    Boolean.TRUE.equals(post.getBoolean("page")),
                    views.get(post.getString("_id"))))
        .sorted(
            Comparator.comparingLong(Ranked::views)
                .reversed()
                .thenComparing(Ranked::title, Comparator.nullsLast(Comparator.naturalOrder())))
        .limit(limit)
        .toList();
  }

  /**
   * Forgets the views of posts deleted for good (from the trash, or by an editor), which no list
   * shows any more.
   *
   * @return how many posts' views were forgotten
   */
  public int forgetDeletedPosts() {
    Set<String> viewed =
        new HashSet<>(mongo.findDistinct(new Query(), "postId", COLLECTION, String.class));
    if (viewed.isEmpty()) {
      return 0;
    }
    var stillThere = query(where("_id").in(viewed).and("status").ne(PostStatus.DELETED));
    stillThere.fields().include("_id");
    mongo
        .find(stillThere, Document.class, mongo.getCollectionName(Post.class))
        .forEach(post -> viewed.remove(post.getString("_id")));
    if (!viewed.isEmpty()) {
      mongo.remove(query(where("postId").in(viewed)), COLLECTION);
    }
    return viewed.size();
  }

  private List<String> postIdsBy(Actor actor) {
    var theirs = query(where("author._id").is(actor.id()));
    theirs.fields().include("_id");
    return mongo.find(theirs, Document.class, mongo.getCollectionName(Post.class)).stream()
        .map(post -> post.getString("_id"))
        .toList();
  }

  /** The first day of the last {@code days} days, today the last. */
  private LocalDate firstDay(int days) {
    return dayOf(clock.instant()).minusDays(days - 1L);
  }

  private LocalDate dayOf(Instant at) {
    return LocalDate.ofInstant(at, blogZone.zone());
  }

  private static long views(Document counted) {
    return ((Number) counted.get("views")).longValue();
  }
}
