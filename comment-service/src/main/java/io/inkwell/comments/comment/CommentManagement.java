package io.inkwell.comments.comment;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.comments.comment.CommentEvent.PostContext;
import io.inkwell.comments.comment.CommentProblems.CommentNotFound;
import io.inkwell.comments.comment.CommentProblems.CommentsClosed;
import io.inkwell.comments.comment.CommentProblems.DuplicateComment;
import io.inkwell.comments.comment.CommentProblems.ParentNotFound;
import io.inkwell.comments.comment.CommentProblems.PostNotFound;
import io.inkwell.comments.comment.CommentProblems.TooManyComments;
import io.inkwell.comments.moderation.Blocklist;
import io.inkwell.comments.moderation.BlogSettings;
import io.inkwell.comments.moderation.CommentSettings;
import io.inkwell.comments.moderation.RateLimits;
import io.inkwell.comments.post.CommentsOfPosts;
import io.inkwell.comments.post.KnownPost;
import io.inkwell.comments.post.KnownPosts;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** What readers and moderators do with comments. */
@Service
public class CommentManagement implements CommentsOfPosts {

  private static final Logger log = LoggerFactory.getLogger(CommentManagement.class);

  private final Comments comments;
  private final KnownPosts posts;
  private final MongoOperations mongo;
  private final CommentBodies bodies;
  private final BlogSettings blog;
  private final Blocklist blocklist;
  private final RateLimits rateLimits;
  private final CommentSettings settings;
  private final Clock clock;
  private final MeterRegistry registry;
  private final CommentWrites writes;

  CommentManagement(
      Comments comments,
      KnownPosts posts,
      MongoOperations mongo,
      CommentBodies bodies,
      BlogSettings blog,
      Blocklist blocklist,
      RateLimits rateLimits,
      CommentSettings settings,
      Clock clock,
      MeterRegistry registry,
      CommentWrites writes) {
    this.writes = writes;
    this.comments = comments;
    this.posts = posts;
    this.mongo = mongo;
    this.bodies = bodies;
    this.blog = blog;
    this.blocklist = blocklist;
    this.rateLimits = rateLimits;
    this.settings = settings;
    this.clock = clock;
    this.registry = registry;
    // Registered up front, so that dashboards see zeros rather than no data.
    for (String outcome : new String[] {"approved", "held", "spam", "rejected"}) {
      registry.counter("inkwell.comments.posted", "outcome", outcome);
    }
  }

  /** Comments by what became of them: approved, held, spam, rejected. */
  private void counted(String outcome) {
    registry.counter("inkwell.comments.posted", "outcome", outcome).increment();
  }

  /**
   * A comment as a reader sends it.
   *
   * @param honeypot a form field people do not see; anything in it is a bot's
   * @param renderedAt when the form was shown, if the client says
   * @param client the reader's address
   */
  public record NewComment(
      String authorName,
      String authorEmail,
      String body,
      String parentId,
      boolean notifyOnReply,
      boolean notifyOnComments,
      String honeypot,
      Instant renderedAt,
      String client) {}

  /** A thread page: top-level comments oldest first, each with its replies. */
  public record Thread(List<Node> items, String nextCursor) {}

  public record Node(Comment comment, List<Node> replies) {}

  /**
   * Takes a comment on a published post that is open for comments. Spam signals send it to the spam
   * queue, more than a few links or the moderation policy hold it, otherwise it appears.
   */
  public Comment post(String postId, NewComment request) {
    KnownPost post = openPost(postId);
    Instant now = now();
    String email = addressOf(request.authorEmail());
    limit("comment-email:" + email, settings.perEmailPerHour());
    limit("comment-client:" + request.client(), settings.perClientPerHour());
    String body = request.body().strip();
    String html = bodies.render(body);
    if (comments.existsByPostIdAndAuthorEmailAndBody(postId, email, body)) {
      throw new DuplicateComment();
    }
    Comment parent = request.parentId() == null ? null : parent(postId, request.parentId());
    CommentStatus status = verdict(request, email, body, now);
    String notifyEmail = parent != null && parent.notifyOnReply() ? parent.authorEmail() : null;
    Comment comment =
        Comment.posted(
            null,
            postId,
            place(parent),
            request.authorName().strip(),
            email,
            request.notifyOnReply(),
            request.notifyOnComments(),
            null,
            body,
            html,
            request.client(),
            status,
            now,
            context(post),
            notifyEmail);
    comment.fingerprint(fingerprint(postId, email, body));
    Comment saved;
    try {
      saved = comments.insert(comment);
    } catch (DuplicateKeyException sentTwiceAtOnce) {
      throw new DuplicateComment();
    }
    counted(
        switch (status) {
          case APPROVED -> "approved";
          case SPAM -> "spam";
          default -> "held";
        });
    return saved;
  }

  /** The same words from the same address on the same post: one comment, whenever sent. */
  private static String fingerprint(String postId, String email, String body) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      for (String part : List.of(postId, email, body)) {
        digest.update(part.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java has SHA-256", e);
    }
  }

  /** A staff member's comment: who they are comes from their access token. */
  public record StaffComment(
      String staffId, String name, String email, String body, String parentId) {}

  /**
   * A staff member answers readers (WordPress's reply from the dashboard): shown at once, marked as
   * staff, past the spam checks and limits that guard the public form. The parent must be visible,
   * as for anyone; comments must be open.
   */
  public Comment postAsStaff(String postId, StaffComment request) {
    KnownPost post = openPost(postId);
    Comment parent = request.parentId() == null ? null : parent(postId, request.parentId());
    String body = request.body().strip();
    String html = bodies.render(body);
    counted("approved");
    String notifyEmail = parent != null && parent.notifyOnReply() ? parent.authorEmail() : null;
    return comments.insert(
        Comment.posted(
            null,
            postId,
            place(parent),
            request.name(),
            request.email() == null ? null : addressOf(request.email()),
            false,
            false,
            request.staffId(),
            body,
            html,
            null,
            CommentStatus.APPROVED,
            now(),
            context(post),
            notifyEmail));
  }

  /** The approved thread of a published post, a page of top-level comments at a time. */
  public Thread thread(String postId, int limit, String cursor) {
    requirePublished(postId);
    Criteria roots =
        where("postId")
            .is(postId)
            .and("status")
            .is(CommentStatus.APPROVED)
            .and("parentId")
            .is(null);
    if (cursor != null && !cursor.isBlank()) {
      Position after = Position.decode(cursor);
      roots =
          new Criteria()
              .andOperator(
                  roots,
                  new Criteria()
                      .orOperator(
                          where("createdAt").gt(after.createdAt()),
                          where("createdAt").is(after.createdAt()).and("_id").gt(after.id())));
    }
    List<Comment> page =
        mongo.find(
            Query.query(roots)
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
                .limit(limit + 1),
            Comment.class);
    String next = null;
    if (page.size() > limit) {
      page = page.subList(0, limit);
      Comment last = page.get(limit - 1);
      next = new Position(last.createdAt(), last.id()).encode();
    }
    List<Comment> replies =
        page.isEmpty()
            ? List.of()
            : mongo.find(
                Query.query(
                        where("rootId")
                            .in(page.stream().map(Comment::id).toList())
                            .and("status")
                            .is(CommentStatus.APPROVED))
                    .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))),
                Comment.class);
    return new Thread(tree(page, replies), next);
  }

  public long count(String postId) {
    requirePublished(postId);
    return comments.countByPostIdAndStatus(postId, CommentStatus.APPROVED);
  }

  /**
   * How many comments readers see on each of these posts that is published (the others are left
   * out, as their threads are not found): one question for a page of posts, not one per post.
   */
  public Map<String, Long> counts(Collection<String> postIds) {
    var counts = new LinkedHashMap<String, Long>();
    posts
        .findAllById(postIds)
        .forEach(
            post -> {
              if (post.isPublished()) {
                counts.put(post.id(), 0L);
              }
            });
    if (counts.isEmpty()) {
      return counts;
    }
    var approved =
        Aggregation.newAggregation(
            Aggregation.match(
                where("postId").in(counts.keySet()).and("status").is(CommentStatus.APPROVED)),
            Aggregation.group("postId").count().as("count"));
    mongo
        .aggregate(approved, Comment.class, Document.class)
        .forEach(
            group ->
                counts.put(group.getString("_id"), group.get("count", Number.class).longValue()));
    return counts;
  }

  /** A comment readers see, with the post it is on: what "Recent comments" and feeds show. */
  public record Recent(Comment comment, KnownPost post) {}

  /**
   * The newest comments readers see, of the whole blog or of one published post (404 for any
   * other), newest first, as WordPress's comment feeds list them. A comment on a post taken down is
   * hidden with it, so those are passed over.
   */
  public List<Recent> recent(String postId, int limit) {
    Criteria approved = where("status").is(CommentStatus.APPROVED);
    if (postId != null) {
      requirePublished(postId);
      approved = approved.and("postId").is(postId);
    }
    var found = new ArrayList<Recent>();
    int batch = limit * 2;
    // a few rounds are plenty: taken-down posts with many fresh comments are rare
    for (int round = 0; round < 5 && found.size() < limit; round++) {
      List<Comment> page =
          mongo.find(
              Query.query(approved)
                  .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                  .skip((long) round * batch)
                  .limit(batch),
              Comment.class);
      var published = new LinkedHashMap<String, KnownPost>();
      posts
          .findAllById(page.stream().map(Comment::postId).distinct().toList())
          .forEach(
              post -> {
                if (post.isPublished()) {
                  published.put(post.id(), post);
                }
              });
      for (Comment comment : page) {
        KnownPost post = published.get(comment.postId());
        if (post != null && found.size() < limit) {
          found.add(new Recent(comment, post));
        }
      }
      if (page.size() < batch) {
        break;
      }
    }
    return found;
  }

  /**
   * What a moderator's list shows: comments of a status, of one post when {@code postId} is given
   * (WordPress's comments of a post), with {@code text} in their words, name or email address when
   * it is given (WordPress's "Search Comments"; any case and accents, taken literally).
   */
  public record QueueFilter(CommentStatus status, String postId, String text) {

    Criteria criteria() {
      Criteria criteria = where("status").is(status);
      if (postId != null) {
        criteria = criteria.and("postId").is(postId);
      }
      String words = SearchTexts.words(text);
      if (words.isEmpty()) {
        return criteria;
      }
      // the moderator's words, whatever their case and accents, never a pattern of their own
      return new Criteria()
          .andOperator(criteria, where("searchText").regex(java.util.regex.Pattern.quote(words)));
    }
  }

  /**
   * A page of the moderation queue: the filter's comments, newest first, from where the cursor of
   * the page before ended ({@code null} for the first).
   *
   * @param next the cursor of the page after it, {@code null} on the last
   */
  public record QueuePage(List<Comment> items, String next) {}

  public QueuePage queue(QueueFilter filter, int limit, String cursor) {
    Criteria criteria = filter.criteria();
    if (cursor != null && !cursor.isBlank()) {
      Position before = Position.decode(cursor);
      criteria =
          new Criteria()
              .andOperator(
                  criteria,
                  new Criteria()
                      .orOperator(
                          where("createdAt").lt(before.createdAt()),
                          where("createdAt").is(before.createdAt()).and("_id").lt(before.id())));
    }
    List<Comment> page =
        mongo.find(
            Query.query(criteria)
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("_id")))
                .limit(limit + 1),
            Comment.class);
    if (page.size() <= limit) {
      return new QueuePage(page, null);
    }
    Comment last = page.get(limit - 1);
    return new QueuePage(
        page.subList(0, limit), new Position(last.createdAt(), last.id()).encode());
  }

  /** How many comments the filter finds (the queue's length, shown beside the admin's menu). */
  public long count(QueueFilter filter) {
    return mongo.count(Query.query(filter.criteria()), Comment.class);
  }

  public Comment approve(String id) {
    return moderated(
        id,
        CommentStatus.APPROVED,
        comment -> {
          KnownPost post = posts.findById(comment.postId()).orElse(null);
          Comment parent =
              comment.parentId() == null
                  ? null
                  : comments.findById(comment.parentId()).orElse(null);
          String notifyEmail =
              parent != null && parent.notifyOnReply() ? parent.authorEmail() : null;
          comment.approve(
              post == null ? new PostContext(null, null, null) : context(post), notifyEmail, now());
        });
  }

  public Comment reject(String id) {
    return moderated(
        id, CommentStatus.REJECTED, comment -> comment.reject(now()), () -> counted("rejected"));
  }

  public Comment markSpam(String id) {
    return moderated(id, CommentStatus.SPAM, comment -> comment.markSpam(now()));
  }

  /**
   * A moderator's click (approve, reject, spam, delete) carries no version: it is made on the
   * comment as it is now, and a comment already so is not written again. When another save comes in
   * between (a double click, a second moderator), the comment is read again and the move made on
   * that, so approving twice is one approval and two answers of 200, and between two moderators the
   * last click counts, as in WordPress.
   */
  private Comment moderated(String id, CommentStatus to, Consumer<Comment> move) {
    return moderated(id, to, move, () -> {});
  }

  /** The same, and {@code afterwards} once the comment was changed, not when it was so already. */
  private Comment moderated(
      String id, CommentStatus to, Consumer<Comment> move, Runnable afterwards) {
    for (int attempt = 1; ; attempt++) {
      Comment comment = existing(id);
      if (comment.status() == to) {
        return comment;
      }
      move.accept(comment);
      try {
        Comment saved = writes.save(comment);
        afterwards.run();
        return saved;
      } catch (OptimisticLockingFailureException concurrent) {
        if (attempt == 3) {
          throw concurrent;
        }
      }
    }
  }

  /**
   * Corrects a comment's name and text, rendered as a new comment's are (an imported comment's body
   * stays HTML, sanitised as on import).
   */
  public Comment edit(String id, String authorName, String body) {
    Comment comment = existing(id);
    String text = body.strip();
    String html = comment.isImported() ? bodies.renderImported(text) : bodies.render(text);
    comment.edit(authorName.strip(), text, html, now());
    return writes.save(comment);
  }

  /**
   * An address as comments keep it, and as it is compared: without surrounding space, in lower case
   * and composed (NFC), so that "josé" typed with its accent as a mark of its own is the "josé" it
   * looks like.
   */
  static String addressOf(String email) {
    return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * The comments sent from this address, those stored before addresses were composed too: they are
   * the same writer's, to trust, show or forget.
   */
  private static Criteria sentFromAddress(String email) {
    String address = addressOf(email);
    return where("authorEmail")
        .in(
            new LinkedHashSet<>(
                List.of(address, Normalizer.normalize(address, Normalizer.Form.NFD))));
  }

  /**
   * Forgets who wrote every comment sent from this address, deleted ones too, when they ask (the
   * GDPR's right to erasure; WordPress's "Erase Personal Data"): each keeps its words under {@link
   * Comment#ANONYMOUS}, without the address, the client's address or reply mails. The address is
   * compared as it is stored, without case; a second erasure finds nothing more.
   *
   * @return how many comments were erased
   */
  public long erase(String email) {
    Criteria theirs = sentFromAddress(email);
    long erased = 0;
    long before;
    do {
      before = erased;
      // a batch at a time: each erased comment leaves the query
      for (Comment comment : mongo.find(Query.query(theirs).limit(100), Comment.class)) {
        if (erased(comment.id())) {
          erased++;
        }
      }
    } while (erased > before);
    log.info("Erased the writer of {} comments on request", erased);
    return erased;
  }

  /**
   * Every comment sent from this address, deleted ones too, oldest first, each with the post it is
   * on when the post is still known: what the blog keeps of its writer, for them to see when they
   * ask (the GDPR's right of access; WordPress's "Export Personal Data").
   */
  public List<Recent> sentFrom(String email) {
    List<Comment> theirs =
        mongo.find(
            Query.query(sentFromAddress(email))
                .with(Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("_id"))),
            Comment.class);
    var known = new java.util.HashMap<String, KnownPost>();
    posts
        .findAllById(theirs.stream().map(Comment::postId).distinct().toList())
        .forEach(post -> known.put(post.id(), post));
    return theirs.stream()
        .map(comment -> new Recent(comment, known.get(comment.postId())))
        .toList();
  }

  /** Erases one comment's writer, again on a fresh copy if a moderator changed it meanwhile. */
  private boolean erased(String id) {
    for (int attempt = 1; ; attempt++) {
      Comment comment = mongo.findById(id, Comment.class);
      if (comment == null || !comment.erase(now())) {
        return false;
      }
      try {
        writes.save(comment);
        return true;
      } catch (OptimisticLockingFailureException concurrent) {
        if (attempt == 3) {
          throw concurrent;
        }
      }
    }
  }

  /** One comment, whatever its status, for a moderator; not a deleted one. */
  public Comment comment(String id) {
    return existing(id);
  }

  public void delete(String id) {
    moderated(id, CommentStatus.DELETED, comment -> comment.delete(now()));
  }

  /**
   * Empties the spam or the rejected at once, as WordPress's "Empty Spam" does: they are deleted.
   * Nothing readers saw changes, so nothing is announced; a comment approved meanwhile stays.
   *
   * @return how many were deleted
   * @throws IllegalArgumentException for any other status: what waits or shows is moderated one by
   *     one
   */
  public long deleteAll(CommentStatus status) {
    if (status != CommentStatus.SPAM && status != CommentStatus.REJECTED) {
      throw new IllegalArgumentException(
          "Only the spam and the rejected comments are deleted all at once.");
    }
    long deleted =
        mongo
            .updateMulti(
                Query.query(where("status").is(status)),
                new Update().set("status", CommentStatus.DELETED).set("moderatedAt", now()),
                Comment.class)
            .getModifiedCount();
    log.info("Deleted {} {} comments at once", deleted, status);
    return deleted;
  }

  @Override
  public void removeAllOf(String postId) {
    comments.deleteByPostId(postId);
  }

  /** A comment that came with an imported post: approved, with its original date. */
  @Override
  public void imported(
      String id, String postId, String parentId, String authorName, String body, Instant postedAt) {
    if (comments.existsById(id)) {
      return;
    }
    Comment parent = parentId == null ? null : comments.findById(parentId).orElse(null);
    comments.insert(
        Comment.imported(
            id, postId, place(parent), authorName, body, bodies.renderImported(body), postedAt));
  }

  private CommentStatus verdict(NewComment request, String email, String body, Instant now) {
    if (request.honeypot() != null && !request.honeypot().isBlank()) {
      log.info("Spam: honeypot filled");
      return CommentStatus.SPAM;
    }
    if (request.renderedAt() != null
        && Duration.between(request.renderedAt(), now).compareTo(settings.minTimeToSubmit()) < 0) {
      log.info(
          "Spam: sent {} after the form was shown", Duration.between(request.renderedAt(), now));
      return CommentStatus.SPAM;
    }
    var blocked = blocklist.match(request.authorName(), body, email, request.client());
    if (blocked.isPresent()) {
      log.info("Spam: blocklist {}", blocked.get().kind());
      return CommentStatus.SPAM;
    }
    if (CommentBodies.links(body) > settings.maxLinks()) {
      return CommentStatus.PENDING;
    }
    return switch (blog.policy()) {
      case HOLD_ALL -> CommentStatus.PENDING;
      case HOLD_FIRST_TIME ->
          mongo.exists(
                  Query.query(sentFromAddress(email).and("status").is(CommentStatus.APPROVED)),
                  Comment.class)
              ? CommentStatus.APPROVED
              : CommentStatus.PENDING;
      case APPROVE_ALL -> CommentStatus.APPROVED;
    };
  }

  /** Replies nest up to the maximum depth; a deeper reply becomes a sibling of its parent. */
  private Comment.Place place(Comment parent) {
    if (parent == null) {
      return Comment.Place.TOP;
    }
    String root = parent.rootId() == null ? parent.id() : parent.rootId();
    if (parent.depth() + 1 >= settings.maxDepth()) {
      return new Comment.Place(parent.parentId(), root, parent.depth());
    }
    return new Comment.Place(parent.id(), root, parent.depth() + 1);
  }

  private Comment parent(String postId, String parentId) {
    return comments
        .findById(parentId)
        .filter(parent -> parent.postId().equals(postId) && parent.isVisible())
        .orElseThrow(() -> new ParentNotFound(parentId));
  }

  private void limit(String key, int perHour) {
    var attempt = rateLimits.attempt(key, perHour, Duration.ofHours(1));
    if (!attempt.allowed()) {
      throw new TooManyComments(Duration.between(clock.instant(), attempt.windowEndsAt()));
    }
  }

  private KnownPost openPost(String postId) {
    KnownPost post = requirePublished(postId);
    int closeAfterDays = blog.closeAfterDays();
    boolean tooOld =
        closeAfterDays > 0
            && post.publishedAt() != null
            && post.publishedAt().plus(Duration.ofDays(closeAfterDays)).isBefore(now());
    if (!post.acceptsComments() || tooOld) {
      throw new CommentsClosed();
    }
    return post;
  }

  private KnownPost requirePublished(String postId) {
    return posts
        .findById(postId)
        .filter(KnownPost::isPublished)
        .orElseThrow(() -> new PostNotFound(postId));
  }

  private Comment existing(String id) {
    return comments
        .findById(id)
        .filter(comment -> comment.status() != CommentStatus.DELETED)
        .orElseThrow(() -> new CommentNotFound(id));
  }

  private static PostContext context(KnownPost post) {
    return new PostContext(post.slug(), post.title(), post.authorId());
  }

  private static List<Node> tree(List<Comment> roots, List<Comment> replies) {
    Map<String, List<Comment>> children = new LinkedHashMap<>();
    for (Comment reply : replies) {
      children.computeIfAbsent(reply.parentId(), key -> new ArrayList<>()).add(reply);
    }
    return roots.stream().map(root -> node(root, children)).toList();
  }

  private static Node node(Comment comment, Map<String, List<Comment>> children) {
    return new Node(
        comment,
        children.getOrDefault(comment.id(), List.of()).stream()
            .map(child -> node(child, children))
            .toList());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Where a page of top-level comments, or of the moderation queue, ended. */
  record Position(Instant createdAt, String id) {

    String encode() {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString((createdAt.toEpochMilli() + "_" + id).getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String cursor) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        int separator = raw.indexOf('_');
        return new Position(
            Instant.ofEpochMilli(Long.parseLong(raw.substring(0, separator))),
            raw.substring(separator + 1));
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new IllegalArgumentException("The cursor is not one this API handed out.");
      }
    }
  }
}
