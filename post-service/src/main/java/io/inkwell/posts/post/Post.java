package io.inkwell.posts.post;

import io.inkwell.posts.post.PostEvent.CommentImported;
import io.inkwell.posts.post.PostEvent.ImportedComment;
import io.inkwell.posts.post.PostEvent.PostDeleted;
import io.inkwell.posts.post.PostEvent.PostPublished;
import io.inkwell.posts.post.PostEvent.PostSubmitted;
import io.inkwell.posts.post.PostEvent.PostUnpublished;
import io.inkwell.posts.post.PostEvent.PostUpdated;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A blog post, the aggregate of post-service. Every state change happens through a method here, and
 * the events a change raises are kept in {@link #outbox()} so that the change and its events are
 * written in one single-document update.
 */
@Document("posts")
// The lists readers and staff page through, newest first, and what the schedulers look for every
// second; a page or a search narrows one of these lists further.
@CompoundIndexes({
  @CompoundIndex(name = "published", def = "{'status': 1, 'publishedAt': -1, '_id': -1}"),
  @CompoundIndex(name = "tag_published", def = "{'tags': 1, 'status': 1, 'publishedAt': -1}"),
  @CompoundIndex(
      name = "author_published",
      def = "{'author._id': 1, 'status': 1, 'publishedAt': -1}"),
  @CompoundIndex(name = "by_state", def = "{'status': 1, 'updatedAt': -1, '_id': -1}"),
  @CompoundIndex(name = "due", def = "{'status': 1, 'publishAt': 1}"),
  // only the few posts with events still to send
  @CompoundIndex(
      name = "outbox",
      def = "{'outbox.eventId': 1}",
      partialFilter = "{'outbox.eventId': {$exists: true}}")
})
public class Post {

  /** The longest title the editor takes. */
  public static final int LONGEST_TITLE = 300;

  /** The most tags a post has, each at most {@link #LONGEST_TAG} long. */
  public static final int MOST_TAGS = 30;

  public static final int LONGEST_TAG = 50;

  /** The longest excerpt an author writes. */
  public static final int LONGEST_EXCERPT = 1_000;

  @Id private final String id;

  @Indexed(unique = true)
  private String slug;

  private final List<String> previousSlugs;

  /** Its address on the platform it was imported from ("/2009/03/a-post.html"); null for none. */
  @Indexed private final String legacyPath;

  private String title;
  private String bodyMarkdown;
  private String bodyHtml;
  private String excerpt;

  /**
   * Whether {@link #excerpt} is the author's own (Ghost's custom excerpt), rather than the first
   * words of the body, which follow the body when it changes. Null in a post stored before it was
   * kept, taken as the author's until {@link Rerendering} has looked.
   */
  private Boolean ownExcerpt;

  private List<String> tags;

  /** What a search reads of it, folded: see {@link SearchText}. */
  private String searchText;

  private boolean commentsOpen;

  /** A page (About, Contact): read at its own address, outside the lists, feeds and mail. */
  private boolean page;

  /**
   * Whether publishing it mails the subscribers (Ghost's "Publish and email" or "Publish only"),
   * chosen when it is published or scheduled.
   */
  private boolean mailSubscribers;

  /** Shown first on the home page (Ghost's "Feature this post", WordPress's sticky posts). */
  private boolean featured;

  /** The picture at the head of the post and on its card; null for none. */
  private Cover cover;

  /** Its title and description for search engines and shared links; null for its own. */
  private MetaTags metaTags;

  /** Its episode's season, number and kind for podcast directories; null for none given. */
  private EpisodeTags episodeTags;

  private final Author author;
  private PostStatus status;
  private final Instant createdAt;
  private Instant updatedAt;
  private Instant publishAt;
  private Instant publishedAt;

  /** When the trash deletes it for good; null outside the trash. */
  private Instant deletesAt;

  /**
   * The slug it had before the trash, which gave it up for a new post to take (WordPress's {@code
   * __trashed}); wanted back on restore. Null outside the trash.
   */
  private String trashedSlug;

  /**
   * When its author asked an editor to look at it, WordPress's "Submit for Review" (a contributor
   * cannot publish); null when nobody asked, or once it is published, scheduled or trashed.
   */
  private Instant reviewRequestedAt;

  @Version private Long version;
  private final List<PostEvent> outbox;

  /** Events raised since the post was loaded: what the next write appends to the outbox. */
  @Transient private final List<PostEvent> raised = new ArrayList<>();

  @PersistenceCreator
  Post(
      String id,
      String slug,
      List<String> previousSlugs,
      String legacyPath,
      String title,
      String bodyMarkdown,
      String bodyHtml,
      String excerpt,
      List<String> tags,
      Boolean commentsOpen,
      Boolean page,
      Boolean mailSubscribers,
      Boolean featured,
      Cover cover,
      Author author,
      PostStatus status,
      Instant createdAt,
      Instant updatedAt,
      Instant publishAt,
      Instant publishedAt,
      Instant deletesAt,
      Instant reviewRequestedAt,
      Long version,
      List<PostEvent> outbox) {
    this.id = id;
    this.slug = slug;
    this.previousSlugs = previousSlugs == null ? new ArrayList<>() : new ArrayList<>(previousSlugs);
    this.legacyPath = legacyPath;
    this.title = title;
    this.bodyMarkdown = bodyMarkdown;
    this.bodyHtml = bodyHtml;
    this.excerpt = excerpt;
    this.tags = tags == null ? List.of() : List.copyOf(tags);
    this.commentsOpen = commentsOpen == null || commentsOpen;
    this.page = page != null && page;
    this.mailSubscribers = mailSubscribers == null || mailSubscribers;
    this.featured = featured != null && featured;
    this.cover = cover;
    this.author = author;
    this.status = status;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.publishAt = publishAt;
    this.publishedAt = publishedAt;
    this.deletesAt = deletesAt;
    this.reviewRequestedAt = reviewRequestedAt;
    this.version = version;
    this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
  }

  /** A new draft. The content is already rendered: the model stores, it does not parse. */
  public static Post draft(
      String slug,
      Content content,
      List<String> tags,
      boolean commentsOpen,
      boolean page,
      Author author,
      Instant now) {
    var draft =
        new Post(
            UUID.randomUUID().toString(),
            slug,
            List.of(),
            null,
            content.title(),
            content.bodyMarkdown(),
            content.bodyHtml(),
            content.excerpt(),
            tags,
            commentsOpen,
            page,
            true,
            false,
            null,
            author,
            PostStatus.DRAFT,
            now,
            now,
            null,
            null,
            null,
            null,
            null,
            List.of());
    draft.ownExcerpt = content.ownExcerpt();
    draft.searchText = content.searchText(draft.tags);
    return draft;
  }

  /**
   * How an imported post was kept on its old platform.
   *
   * @param scheduled to be published at its date, which is ahead
   */
  public record ImportedFlags(
      boolean commentsOpen, boolean page, boolean featured, boolean scheduled) {}

  /**
   * A post brought over from another platform with its original dates. A published one raises
   * {@code PostPublished} marked as imported (nobody is mailed about an old post) followed by its
   * comments, all on the post's key, so consumers see the post before its comments.
   */
  public static Post imported(
      String id,
      String slug,
      String legacyPath,
      Content content,
      List<String> tags,
      Author author,
      Instant originallyPublished,
      boolean published,
      ImportedFlags flags,
      List<ImportedComment> comments,
      Instant now) {
    var post =
        new Post(
            id,
            slug,
            List.of(),
            legacyPath,
            content.title(),
            content.bodyMarkdown(),
            content.bodyHtml(),
            content.excerpt(),
            tags,
            flags.commentsOpen(),
            flags.page(),
            false,
            flags.featured(),
            null,
            author,
            published ? PostStatus.PUBLISHED : PostStatus.DRAFT,
            originallyPublished,
            now,
            null,
            published ? originallyPublished : null,
            null,
            null,
            null,
            List.of());
    post.ownExcerpt = content.ownExcerpt();
    post.searchText = content.searchText(post.tags);
    if (published) {
      post.raise(PostPublished.of(post, 0, now, true));
      comments.forEach(comment -> post.raise(CommentImported.of(post, 0, now, comment)));
    } else if (flags.scheduled()) {
      // a new post when it comes out: its subscribers are mailed then, as they would have been
      post.schedule(originallyPublished, now);
    }
    return post;
  }

  /**
   * Changes a published post's date (Ghost's "Publish date", WordPress's "Published on"): where it
   * sorts among the posts and what its page, feeds and archive say; the next edit's {@code
   * PostUpdated} tells the consumers. Any other post is dated when it is published; the date it has
   * already, or none, changes nothing.
   */
  public void redate(Instant at) {
    if (at == null || at.truncatedTo(ChronoUnit.MILLIS).equals(publishedAt)) {
      return;
    }
    if (status != PostStatus.PUBLISHED) {
      throw new IllegalTransition(
          "Only a published post's date can be changed; publish it with a publishAt in the past"
              + " to date it back.");
    }
    publishedAt = at.truncatedTo(ChronoUnit.MILLIS);
  }

  /**
   * Changes the content. The slug only changes when one is given; the old one keeps answering with
   * a redirect. Editing a published post raises {@code PostUpdated}.
   */
  public void edit(
      Content content,
      List<String> newTags,
      String newSlug,
      boolean openForComments,
      boolean asPage,
      Instant now) {
    requireLive("edited");
    commentsOpen = openForComments;
    page = asPage;
    if (newSlug != null && !newSlug.equals(slug)) {
      previousSlugs.remove(newSlug);
      previousSlugs.add(slug);
      slug = newSlug;
    }
    title = content.title();
    bodyMarkdown = content.bodyMarkdown();
    bodyHtml = content.bodyHtml();
    excerpt = content.excerpt();
    ownExcerpt = content.ownExcerpt();
    tags = List.copyOf(newTags);
    searchText = content.searchText(tags);
    updatedAt = now;
    if (status == PostStatus.PUBLISHED) {
      raise(PostUpdated.of(this, nextVersion(), now));
    }
  }

  /**
   * Shows the same words with their pictures at other addresses (an imported post's, copied from
   * its old blog's host to the blog's own): no edit of its author's, so neither when it was last
   * changed nor anything consumers keep changes, and no event is raised.
   */
  void movePictures(Content content) {
    bodyMarkdown = content.bodyMarkdown();
    bodyHtml = content.bodyHtml();
    excerpt = content.excerpt();
    searchText = content.searchText(tags);
  }

  /**
   * Renames one of its tags, {@code from}, to {@code to} (one tag then, when it had both), or takes
   * it off when {@code to} is null; nothing else changes, not even when it was last changed, as an
   * editor's tidying of the blog's tags is no edit of its author's. Readers of a published post see
   * the new tag, so consumers hear of it. A post in the trash is retagged too, so that it comes
   * back with the blog's tags.
   *
   * @return whether it had the tag
   */
  boolean retag(String from, String to, Instant now) {
    if (!tags.contains(from)) {
      return false;
    }
    var renamed = new LinkedHashSet<String>();
    for (String tag : tags) {
      String kept = tag.equals(from) ? to : tag;
      if (kept != null) {
        renamed.add(kept);
      }
    }
    tags = List.copyOf(renamed);
    if (searchText != null) {
      searchText = SearchText.retagged(searchText, tags);
    }
    if (status == PostStatus.PUBLISHED) {
      raise(PostUpdated.of(this, nextVersion(), now));
    }
    return true;
  }

  /**
   * Features the post or stops featuring it: the home page shows featured posts first. Readers'
   * pages show it at once; it changes nothing consumers keep, so no event is raised.
   */
  public void feature(boolean feature) {
    requireLive("featured");
    if (page && feature) {
      throw new IllegalTransition("A page is in the site's menu; only posts are featured.");
    }
    featured = feature;
  }

  public boolean featured() {
    return featured;
  }

  /**
   * Heads the post with this picture, or with none; like the rest of the content, set before the
   * edit that announces it.
   */
  public void useCover(Cover picture) {
    requireLive("given another cover");
    cover = picture;
  }

  public Cover cover() {
    return cover;
  }

  /** Describes it for search engines and shared links; set before the edit that announces it. */
  public void describe(MetaTags tags) {
    requireLive("described");
    metaTags = MetaTags.NONE.equals(tags) ? null : tags;
  }

  public MetaTags metaTags() {
    return metaTags == null ? MetaTags.NONE : metaTags;
  }

  /** Numbers its episode for podcast directories; set before the edit that announces it. */
  public void numberEpisode(EpisodeTags tags) {
    requireLive("given episode numbers");
    episodeTags = EpisodeTags.NONE.equals(tags) ? null : tags;
  }

  public EpisodeTags episodeTags() {
    return episodeTags == null ? EpisodeTags.NONE : episodeTags;
  }

  /** Publishes at a later time; a time that has already come publishes now. */
  public void schedule(Instant at, Instant now) {
    schedule(at, now, true);
  }

  /** Schedules; when the time comes it is published, mailing the subscribers or not. */
  public void schedule(Instant at, Instant now, boolean mail) {
    if (!at.isAfter(now)) {
      publish(now, mail, at);
      return;
    }
    requireLive("scheduled");
    if (status == PostStatus.PUBLISHED) {
      throw new IllegalTransition("The post is already published; unpublish it to schedule it.");
    }
    status = PostStatus.SCHEDULED;
    reviewRequestedAt = null;
    publishAt = at;
    mailSubscribers = mail;
    updatedAt = now;
  }

  /**
   * Publishes the post now and raises {@code PostPublished}. Publishing a published post changes
   * nothing and raises nothing, so a repeated request never sends a second email. A post published
   * before keeps its first publication date.
   *
   * @return whether the post changed
   */
  public boolean publish(Instant now) {
    return publish(now, true);
  }

  /**
   * Publishes, mailing the subscribers or not ({@code PostPublished} says which); publishing a
   * published post changes nothing, its choice included.
   */
  public boolean publish(Instant now, boolean mail) {
    return publish(now, mail, null);
  }

  /**
   * The same, dated {@code datedAt} when the author chose the time: a scheduled one, or one past,
   * which dates the post back (WordPress's and Ghost's publish date, Blogger's "Published on"), so
   * it sorts among the posts of its day. Without one it keeps the date of its first publication, or
   * is dated now.
   */
  public boolean publish(Instant now, boolean mail, Instant datedAt) {
    requireLive("published");
    if (status == PostStatus.PUBLISHED) {
      return false;
    }
    mailSubscribers = mail;
    status = PostStatus.PUBLISHED;
    reviewRequestedAt = null;
    publishAt = null;
    if (datedAt != null) {
      publishedAt = datedAt.truncatedTo(ChronoUnit.MILLIS);
    } else if (publishedAt == null) {
      publishedAt = now;
    }
    updatedAt = now;
    raise(PostPublished.of(this, nextVersion(), now, false));
    return true;
  }

  /** Publishes a scheduled post whose time has come; anything else is left alone. */
  public boolean publishIfDue(Instant now) {
    return status == PostStatus.SCHEDULED
        && !publishAt.isAfter(now)
        && publish(now, mailSubscribers, publishAt);
  }

  /** Takes a published post back to draft, or cancels a schedule. */
  public void unpublish(Instant now) {
    switch (status) {
      case PUBLISHED -> raise(PostUnpublished.of(this, nextVersion(), now));
      case SCHEDULED -> publishAt = null;
      case DRAFT -> throw new IllegalTransition("The post is a draft already.");
      case TRASHED -> throw new IllegalTransition("The post is in the trash; restore it instead.");
      case DELETED -> throw new IllegalTransition("The post is deleted.");
    }
    status = PostStatus.DRAFT;
    updatedAt = now;
  }

  /**
   * Moves the post to the trash, WordPress's safety net: off the blog at once (a published post
   * raises {@code PostUnpublished}, so its comments are hidden, not lost; a schedule is cancelled),
   * kept as it is to be restored until {@code deletesAt}, when the trash deletes it for good.
   */
  public void trash(Instant now, Instant deletesAt) {
    switch (status) {
      case PUBLISHED -> raise(PostUnpublished.of(this, nextVersion(), now));
      case SCHEDULED -> publishAt = null;
      case DRAFT -> {
        // nobody but its staff ever saw it
      }
      case TRASHED -> throw new IllegalTransition("The post is in the trash already.");
      case DELETED -> throw new IllegalTransition("The post is deleted.");
    }
    status = PostStatus.TRASHED;
    reviewRequestedAt = null;
    this.deletesAt = deletesAt;
    // its address is free for a new post meanwhile; it is not a move that readers follow
    trashedSlug = slug;
    slug = slug + TRASHED + id;
    updatedAt = now;
  }

  /** What a trashed post's slug becomes, before its id: unique, and no slug a title gives. */
  static final String TRASHED = "__trashed-";

  /** The slug it gave up for the trash, to take back when restored; null when it has none. */
  public String trashedSlug() {
    return trashedSlug;
  }

  /**
   * Asks an editor to look at the draft (WordPress's "Submit for Review"), raising {@code
   * PostSubmitted} so that the editors are mailed; asking again keeps the first time and asks
   * nobody twice.
   *
   * @return whether the post changed
   */
  public boolean submitForReview(Instant now) {
    if (status != PostStatus.DRAFT) {
      throw new IllegalTransition("Only a draft is submitted for review.");
    }
    if (reviewRequestedAt != null) {
      return false;
    }
    reviewRequestedAt = now;
    updatedAt = now;
    raise(PostSubmitted.of(this, nextVersion(), now));
    return true;
  }

  /**
   * Takes the post out of the trash as a draft, as WordPress does: publishing it is a new choice.
   *
   * @param freeSlug its slug from now on: the one it gave up, unless a new post took that meanwhile
   *     (null keeps the one it has)
   */
  public void restore(Instant now, String freeSlug) {
    if (status != PostStatus.TRASHED) {
      throw new IllegalTransition("Only a post in the trash can be restored.");
    }
    status = PostStatus.DRAFT;
    deletesAt = null;
    if (freeSlug != null) {
      slug = freeSlug;
    }
    trashedSlug = null;
    updatedAt = now;
  }

  /**
   * Deletes the post for good, from the trash or straight away; the document stays until its {@code
   * PostDeleted} is relayed.
   */
  public void delete(Instant now) {
    if (status == PostStatus.DELETED) {
      throw new IllegalTransition("The post is deleted already.");
    }
    status = PostStatus.DELETED;
    updatedAt = now;
    raise(PostDeleted.of(this, nextVersion(), now));
  }

  public boolean isPublished() {
    return status == PostStatus.PUBLISHED;
  }

  public boolean isDeleted() {
    return status == PostStatus.DELETED;
  }

  public boolean isTrashed() {
    return status == PostStatus.TRASHED;
  }

  private void raise(PostEvent event) {
    outbox.add(event);
    raised.add(event);
  }

  /**
   * @param action what was asked, as in "A deleted post cannot be {@code edited}."
   */
  private void requireLive(String action) {
    switch (status) {
      case DELETED -> throw new IllegalTransition("A deleted post cannot be " + action + ".");
      case TRASHED ->
          throw new IllegalTransition(
              "A post in the trash cannot be " + action + "; restore it first.");
      default -> {
        // a draft, scheduled or published post may
      }
    }
  }

  private long nextVersion() {
    return version == null ? 0 : version + 1;
  }

  public String id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public List<String> previousSlugs() {
    return List.copyOf(previousSlugs);
  }

  public String legacyPath() {
    return legacyPath;
  }

  public String title() {
    return title;
  }

  public String bodyMarkdown() {
    return bodyMarkdown;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String excerpt() {
    return excerpt;
  }

  /** The author's own excerpt; null when it is the body's first words. */
  public String customExcerpt() {
    return Boolean.FALSE.equals(ownExcerpt) ? null : excerpt;
  }

  public List<String> tags() {
    return tags;
  }

  public Author author() {
    return author;
  }

  /** Whether readers may comment (comment-service enforces it from the events). */
  public boolean commentsOpen() {
    return commentsOpen;
  }

  public boolean page() {
    return page;
  }

  public boolean mailSubscribers() {
    return mailSubscribers;
  }

  public PostStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Instant publishAt() {
    return publishAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }

  public Instant deletesAt() {
    return deletesAt;
  }

  public Instant reviewRequestedAt() {
    return reviewRequestedAt;
  }

  public Long version() {
    return version;
  }

  /** Events raised since this post was loaded, oldest first. */
  public List<PostEvent> raised() {
    return List.copyOf(raised);
  }

  /** Events raised but not yet relayed to Kafka, oldest first. */
  public List<PostEvent> outbox() {
    return List.copyOf(outbox);
  }

  /**
   * The rendered content of a post.
   *
   * @param bodyText the words of the body as a reader sees them, without markup
   * @param ownExcerpt whether the excerpt is the author's, not the body's first words
   */
  public record Content(
      String title,
      String bodyMarkdown,
      String bodyHtml,
      String bodyText,
      String excerpt,
      boolean ownExcerpt) {

    String searchText(List<String> tags) {
      return SearchText.of(title, bodyText, excerpt, tags);
    }
  }
}
