package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * Renaming, merging and deleting tags across the blog, as Ghost's and WordPress's tag settings do
 * (editors: tags are everyone's). A change is written down first (the blog's one document in {@code
 * tag-changes}, with its {@link TagRenamed} in the same update), then made post by post, each an
 * update on the version it was read at like any edit; a change a crash interrupted is finished by
 * the next sweep, so no post keeps an old tag. The description goes with the name, and the old name
 * leads to the new one ({@link #renamedTo}) while no post has it again. A request waits for its
 * change for {@code inkwell.posts.tag-change-wait} (60 s, well within the gateway's 120 s); a
 * change on more posts than that allows goes on in the background at once, and the request is told
 * so instead of the gateway's 504. A former name kept as tags were written before they were
 * composed ("cafe" and an accent as a mark of its own) is written as tags are now when the service
 * starts, as the posts' own tags are ({@link Rerendering}).
 */
@Component
public class TagEditing implements SmartInitializingSingleton {

  /** The collection, its one document, and the outbox {@link TagRenamed}s wait in. */
  public static final String COLLECTION = "tag-changes";

  private static final String ID = "tags";
  private static final String OUTBOX = "outbox";
  private static final Logger log = LoggerFactory.getLogger(TagEditing.class);

  /**
   * How long a change is left to the request that makes it before a sweep finishes it: longer than
   * the gateway waits for it (bench/tag-rename.sh: about 10 ms a post on the local stack).
   */
  private static final Duration LEFT_TO_ITS_REQUEST = Duration.ofMinutes(5);

  /**
   * One change being made.
   *
   * @param to the new name; null when the tag is deleted
   */
  record Change(String changeId, String from, String to, Instant at) {}

  /**
   * A rename as its request left it.
   *
   * @param tag the tag by its new name, with the published posts that have it so far
   * @param finished whether every post has it; if not, the rest follow in the background
   */
  public record Renamed(TagCount tag, boolean finished) {}

  /** A tag's former name (and the slug its paths had), and the name it has now. */
  @org.springframework.data.mongodb.core.mapping.Document("tag-former-names")
  record FormerName(@Id String name, @Indexed String slug, @Indexed String to, Instant renamedAt) {}

  private final MongoOperations mongo;
  private final PostManagement posts;
  private final PostWrites writes;
  private final TagDescriptions descriptions;
  private final Clock clock;
  private final Duration wait;
  private final Executor background;

  TagEditing(
      MongoOperations mongo,
      PostManagement posts,
      PostWrites writes,
      TagDescriptions descriptions,
      Clock clock,
      @Value("${inkwell.posts.tag-change-wait:60s}") Duration wait,
      @Qualifier("applicationTaskExecutor") Executor background) {
    this.mongo = mongo;
    this.posts = posts;
    this.writes = writes;
    this.descriptions = descriptions;
    this.clock = clock;
    this.wait = wait;
    this.background = background;
  }

  /**
   * Gives a tag another name on every post that has it (drafts, scheduled and trashed posts too),
   * or, when another tag has that name already, merges the two; its description goes with it unless
   * the other one has its own. The tag is named as the editor wrote the new name, so a rename that
   * changes only its case ("wpc" to "WPC") changes how readers are shown it.
   *
   * @return the tag by its new name, and whether every post has it yet
   */
  public Renamed rename(String nameOrSlug, String newName, Actor actor) {
    String from = existing(nameOrSlug, actor);
    String to = PostManagement.normalisedTag(newName);
    if (to.isEmpty() || to.length() > Post.LONGEST_TAG) {
      throw new TagNameInvalid();
    }
    boolean finished = true;
    Instant now = now();
    // the tag is called as the editor wrote it: "wpc" renamed "WPC" is the same tag, named anew
    descriptions.name(to, PostManagement.writtenTag(newName), now);
    if (!to.equals(from)) {
      var change = new Change(UUID.randomUUID().toString(), from, to, now);
      write(change, new Update().push(OUTBOX, TagRenamed.of(from, to, now)));
      finished = makeWhileWaited(change);
    }
    return new Renamed(counted(to), finished);
  }

  /**
   * Takes a tag off every post that has it, and forgets its description; the posts stay.
   * Subscribers who chose it keep their choice, which no post matches then.
   *
   * @return whether it is off every post yet; if not, the rest follow in the background
   */
  public boolean delete(String nameOrSlug, Actor actor) {
    String tag = existing(nameOrSlug, actor);
    var change = new Change(UUID.randomUUID().toString(), tag, null, now());
    write(change, new Update());
    return makeWhileWaited(change);
  }

  /**
   * Makes the change for as long as a request waits; what is left is made in the background at once
   * (and by the sweep, should the service stop first).
   *
   * @return whether it was made in time
   */
  private boolean makeWhileWaited(Change change) {
    if (make(change, clock.instant().plus(wait))) {
      return true;
    }
    log.info(
        "Changing tag '{}' to '{}' takes longer than a request waits; going on in the background",
        change.from(),
        change.to());
    background.execute(
        () -> {
          try {
            make(change);
          } catch (RuntimeException failed) {
            log.warn("Could not finish changing tag '{}'; the sweep will", change.from(), failed);
          }
        });
    return false;
  }

  @Override
  public void afterSingletonsInstantiated() {
    int composed = composeFormerNames();
    if (composed > 0) {
      log.info("{} former tag names written as tags are written now", composed);
    }
  }

  /**
   * Writes each former name, and the name it leads to, as tags are written now; only a name beyond
   * ASCII can be written otherwise. Where the former name is kept so already, that one (written by
   * this version, so the later) stays.
   *
   * @return how many former names were rewritten or, kept so already, dropped
   */
  int composeFormerNames() {
    var beyondAscii =
        new Criteria()
            .orOperator(where("_id").regex("[^\\x00-\\x7F]"), where("to").regex("[^\\x00-\\x7F]"));
    int composed = 0;
    for (FormerName stored : mongo.find(Query.query(beyondAscii), FormerName.class)) {
      String name = PostManagement.normalisedTag(stored.name());
      String to = PostManagement.normalisedTag(stored.to());
      if (name.equals(stored.name()) && to.equals(stored.to())) {
        continue;
      }
      if (!name.equals(stored.name())) {
        mongo.remove(Query.query(where("_id").is(stored.name())), FormerName.class);
      }
      if (name.equals(stored.name())
          || !mongo.exists(Query.query(where("_id").is(name)), FormerName.class)) {
        mongo.save(new FormerName(name, TagCount.slugOf(name), to, stored.renamedAt()));
      }
      composed++;
    }
    return composed;
  }

  /**
   * Keeps the slug another platform gave a tag (WordPress's {@code js} for "JavaScript", Ghost's
   * likewise) as a name the tag had before, so that the old tag page's address leads to it as after
   * a rename, and follows it through later renames; not where the blog finds the tag by that slug
   * anyway ({@code cafe} for "café", {@link PostManagement#tagNamed}), nor over a name kept
   * already.
   *
   * @param slug as the export writes it (WordPress's percent-encoded where it is beyond ASCII)
   * @param tag the tag as the imported posts have it
   */
  public void rememberOldSlug(String slug, String tag) {
    String name;
    try {
      name = PostManagement.normalisedTag(UriUtils.decode(slug, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException notEncoded) {
      name = PostManagement.normalisedTag(slug);
    }
    if (tag.isEmpty()
        || name.isEmpty()
        || name.length() > Post.LONGEST_TAG
        || name.equals(tag)
        || name.equals(TagCount.slugOf(tag))
        || Slugs.of(tag).filter(name::equals).isPresent()) {
      return;
    }
    mongo.upsert(
        Query.query(where("_id").is(name)),
        new Update()
            .setOnInsert("slug", TagCount.slugOf(name))
            .setOnInsert("to", tag)
            .setOnInsert("renamedAt", now()),
        FormerName.class);
  }

  /** Finishes the changes a crash interrupted (or another instance is still making: harmless). */
  @Scheduled(
      initialDelayString = "${inkwell.posts.tag-changes-sweep:60s}",
      fixedDelayString = "${inkwell.posts.tag-changes-sweep:60s}")
  void finishInterrupted() {
    Document changes = mongo.findById(ID, Document.class, COLLECTION);
    if (changes == null || changes.getList("pending", Document.class) == null) {
      return;
    }
    Instant due = clock.instant().minus(LEFT_TO_ITS_REQUEST);
    for (Document pending : changes.getList("pending", Document.class)) {
      var change = mongo.getConverter().read(Change.class, pending);
      if (change.at().isBefore(due)) {
        log.info("Finishing the change of tag '{}' to '{}'", change.from(), change.to());
        make(change);
      }
    }
  }

  /**
   * The name a tag has now that the path named before a rename (following renames since), while no
   * post has the old name again and nobody described it: for a 301 from the old tag's page and
   * feed.
   */
  public Optional<String> renamedTo(String nameOrSlug) {
    String name = PostManagement.normalisedTag(nameOrSlug);
    if (name.isEmpty() || inUse(name)) {
      return Optional.empty();
    }
    var former =
        Query.query(new Criteria().orOperator(where("_id").is(name), where("slug").is(name)));
    return Optional.ofNullable(mongo.findOne(former, FormerName.class))
        .map(FormerName::to)
        .filter(to -> !to.equals(name));
  }

  private boolean inUse(String tag) {
    return mongo.exists(Query.query(where("tags").is(tag)), Post.class)
        || descriptions.of(tag).isPresent();
  }

  /** The tag a path names, if any post has it or it has a description; editors only. */
  private String existing(String nameOrSlug, Actor actor) {
    if (!actor.isEditor()) {
      throw new NotAllowed("Only editors rename or delete tags.");
    }
    String tag = posts.tagNamed(nameOrSlug);
    if (tag.isEmpty() || !inUse(tag)) {
      throw new TagNotFound(tag);
    }
    return tag;
  }

  private void write(Change change, Update update) {
    mongo.upsert(Query.query(where("_id").is(ID)), update.push("pending", change), COLLECTION);
  }

  private void make(Change change) {
    make(change, Instant.MAX);
  }

  /**
   * @return true when the change was made on every post; false when {@code until} came first
   */
  private boolean make(Change change, Instant until) {
    var having = Query.query(where("tags").is(change.from()));
    having.fields().include("_id");
    for (Document found : mongo.find(having, Document.class, "posts")) {
      if (!clock.instant().isBefore(until)) {
        return false;
      }
      retag(found.getString("_id"), change);
    }
    descriptions
        .of(change.from())
        .ifPresent(
            description -> {
              if (change.to() != null && descriptions.of(change.to()).isEmpty()) {
                descriptions.describe(change.to(), description, change.at());
              }
              descriptions.describe(change.from(), "", change.at());
            });
    descriptions.unname(change.from());
    remember(change);
    mongo.updateFirst(
        Query.query(where("_id").is(ID)),
        new Update().pull("pending", new Document("changeId", change.changeId())),
        COLLECTION);
    return true;
  }

  /**
   * The old name leads to the new one, and so do the names that led to the old one; a name in use
   * again leads nowhere, nor does one whose tag is deleted.
   */
  private void remember(Change change) {
    if (change.to() == null) {
      mongo.remove(
          Query.query(
              new Criteria()
                  .orOperator(where("_id").is(change.from()), where("to").is(change.from()))),
          FormerName.class);
      return;
    }
    mongo.save(
        new FormerName(change.from(), TagCount.slugOf(change.from()), change.to(), change.at()));
    mongo.updateMulti(
        Query.query(where("to").is(change.from())),
        Update.update("to", change.to()),
        FormerName.class);
    mongo.remove(Query.query(where("_id").is(change.to())), FormerName.class);
  }

  /** One post, read again whenever someone else's edit came between the reading and the write. */
  private void retag(String postId, Change change) {
    while (true) {
      Post post = mongo.findById(postId, Post.class);
      if (post == null || post.isDeleted() || !post.retag(change.from(), change.to(), now())) {
        return;
      }
      try {
        writes.saveOnly(post, "tags", "searchText");
        return;
      } catch (OptimisticLockingFailureException editedMeanwhile) {
        // read it again, with that edit
      }
    }
  }

  /** The tag's published posts and description; none yet when only drafts have it. */
  private TagCount counted(String tag) {
    try {
      return posts.tag(tag);
    } catch (TagNotFound onlyDrafts) {
      return new TagCount(tag, descriptions.allNames().get(tag), 0, null);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
