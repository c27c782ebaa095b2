package io.inkwell.comments.comment;

import io.inkwell.comments.comment.CommentEvent.CommentHeld;
import io.inkwell.comments.comment.CommentEvent.CommentPosted;
import io.inkwell.comments.comment.CommentEvent.CommentRemoved;
import io.inkwell.comments.comment.CommentEvent.PostContext;
import java.time.Instant;
import java.util.ArrayList;
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
 * A reader's comment. The email address is kept for moderation and notifications and is never part
 * of a public answer. Becoming visible raises {@code CommentPosted}, stopping being visible {@code
 * CommentRemoved}, being held for a moderator {@code CommentHeld}, each kept in the comment's
 * outbox and written with the change.
 */
@Document("comments")
@CompoundIndexes({
  @CompoundIndex(name = "post_thread", def = "{'postId': 1, 'status': 1, 'createdAt': 1}"),
  // the moderation queue and its length
  @CompoundIndex(name = "queue", def = "{'status': 1, 'createdAt': -1}"),
  // only the few comments with events still to send
  @CompoundIndex(
      name = "outbox",
      def = "{'outbox.eventId': 1}",
      partialFilter = "{'outbox.eventId': {$exists: true}}")
})
public class Comment {

  /** The name a comment keeps once its writer was forgotten (WordPress's). */
  public static final String ANONYMOUS = "Anonymous";

  @Id private final String id;
  private final String postId;
  private final String parentId;
  @Indexed private final String rootId;
  private final int depth;
  private String authorName;
  private String authorEmail;
  private boolean notifyOnReply;

  /**
   * Its writer asked to hear of every later comment on the post (Blogger's "Notify me", Jetpack's
   * follow-up comments); once the comment is visible, notification-service asks them to confirm it
   * by mail and keeps them as a follower.
   */
  private boolean notifyOnComments;

  /**
   * The staff account that wrote it signed in (an author answering readers), shown with a badge;
   * null for a reader's comment.
   */
  private final String staffId;

  private String body;
  private String bodyHtml;
  private String client;
  private CommentStatus status;
  private final Instant createdAt;
  private Instant moderatedAt;

  /** When a moderator last corrected its name or text; null if nobody did. */
  private Instant editedAt;

  /**
   * When who wrote it was forgotten on request ({@link #erase}): its name is {@link #ANONYMOUS},
   * and neither address is kept; null while it is as it was sent.
   */
  private Instant erasedAt;

  /**
   * A hash of the post, the address and the words of a reader's comment, unique among comments: the
   * same comment sent twice at once (a double click) is kept once. Null for staff and imported
   * comments, which the index leaves out.
   */
  @Indexed(unique = true, sparse = true)
  private String fingerprint;

  /**
   * Its name, address and words {@linkplain io.inkwell.comments.moderation.Folding folded}, one
   * line each: what a moderator's search reads. Written with them; {@link SearchTexts} writes it
   * for comments from before.
   */
  private String searchText;

  @Version private Long version;
  private final List<CommentEvent> outbox;

  /** Events raised since the comment was loaded: what the next write appends to the outbox. */
  @Transient private final List<CommentEvent> raised = new ArrayList<>();

  @PersistenceCreator
  Comment(
      String id,
      String postId,
      String parentId,
      String rootId,
      int depth,
      String authorName,
      String authorEmail,
      boolean notifyOnReply,
      boolean notifyOnComments,
      String staffId,
      String body,
      String bodyHtml,
      String client,
      CommentStatus status,
      Instant createdAt,
      Instant moderatedAt,
      Instant editedAt,
      Long version,
      List<CommentEvent> outbox) {
    this.id = id;
    this.postId = postId;
    this.parentId = parentId;
    this.rootId = rootId;
    this.depth = depth;
    this.authorName = authorName;
    this.authorEmail = authorEmail;
    this.notifyOnReply = notifyOnReply;
    this.notifyOnComments = notifyOnComments;
    this.staffId = staffId;
    this.body = body;
    this.bodyHtml = bodyHtml;
    this.client = client;
    this.status = status;
    this.createdAt = createdAt;
    this.moderatedAt = moderatedAt;
    this.editedAt = editedAt;
    this.version = version;
    this.outbox = outbox == null ? new ArrayList<>() : new ArrayList<>(outbox);
  }

  /** Where a new comment hangs in its thread. */
  public record Place(String parentId, String rootId, int depth) {

    static final Place TOP = new Place(null, null, 0);
  }

  /**
   * A new comment; a visible one raises {@code CommentPosted} at once, a held one {@code
   * CommentHeld}.
   */
  static Comment posted(
      String id,
      String postId,
      Place place,
      String authorName,
      String authorEmail,
      boolean notifyOnReply,
      boolean notifyOnComments,
      String staffId,
      String body,
      String bodyHtml,
      String client,
      CommentStatus status,
      Instant now,
      PostContext post,
      String notifyEmail) {
    var comment =
        new Comment(
            id == null ? UUID.randomUUID().toString() : id,
            postId,
            place.parentId(),
            place.rootId(),
            place.depth(),
            authorName,
            authorEmail,
            notifyOnReply,
            notifyOnComments,
            staffId,
            body,
            bodyHtml,
            client,
            status,
            now,
            null,
            null,
            null,
            List.of());
    comment.searchText = comment.currentSearchText();
    if (status == CommentStatus.APPROVED && post != null) {
      comment.outbox.add(CommentPosted.of(comment, post, notifyEmail, now));
    } else if (status == CommentStatus.PENDING && post != null) {
      comment.outbox.add(CommentHeld.of(comment, post, now));
    }
    return comment;
  }

  /** Marks a reader's comment as the one with these words from this address on this post. */
  void fingerprint(String fingerprint) {
    this.fingerprint = fingerprint;
  }

  /** A comment brought over by an import: approved, with its original date, and no events. */
  static Comment imported(
      String id,
      String postId,
      Place place,
      String authorName,
      String body,
      String bodyHtml,
      Instant postedAt) {
    var comment =
        new Comment(
            id,
            postId,
            place.parentId(),
            place.rootId(),
            place.depth(),
            authorName,
            null,
            false,
            false,
            null,
            body,
            bodyHtml,
            null,
            CommentStatus.APPROVED,
            postedAt,
            null,
            null,
            null,
            List.of());
    comment.searchText = comment.currentSearchText();
    return comment;
  }

  /** What a moderator's search reads of it, as it is now. */
  String currentSearchText() {
    return SearchTexts.of(authorName, authorEmail, body);
  }

  /** Shows a held (or wrongly flagged) comment to readers. */
  public void approve(PostContext post, String notifyEmail, Instant now) {
    if (status == CommentStatus.APPROVED) {
      return;
    }
    status = CommentStatus.APPROVED;
    moderatedAt = now;
    raise(CommentPosted.of(this, post, notifyEmail, now));
  }

  public void reject(Instant now) {
    moderate(CommentStatus.REJECTED, now);
  }

  public void markSpam(Instant now) {
    moderate(CommentStatus.SPAM, now);
  }

  public void delete(Instant now) {
    moderate(CommentStatus.DELETED, now);
  }

  private void moderate(CommentStatus to, Instant now) {
    if (status == to) {
      return;
    }
    if (status == CommentStatus.APPROVED) {
      raise(CommentRemoved.of(this, now));
    }
    status = to;
    moderatedAt = now;
  }

  /**
   * A moderator's correction, WordPress's "Edit comment": a typo, an address the commenter should
   * not have posted. Where it hangs, who wrote it and its status stay; nothing is announced again.
   */
  public void edit(String name, String newBody, String newBodyHtml, Instant now) {
    authorName = name;
    body = newBody;
    bodyHtml = newBodyHtml;
    searchText = currentSearchText();
    editedAt = now;
  }

  /**
   * Forgets who wrote it, as WordPress's "Erase Personal Data" does when its writer asks: the name
   * becomes {@link #ANONYMOUS}; the email address, the client's address and the fingerprint made of
   * the address go, and with them reply mails. The words stay where readers saw them (a moderator
   * may still correct or delete them), and so does its status: nothing is announced.
   *
   * @return false when it was forgotten already
   */
  public boolean erase(Instant now) {
    if (erasedAt != null) {
      return false;
    }
    authorName = ANONYMOUS;
    authorEmail = null;
    client = null;
    notifyOnReply = false;
    notifyOnComments = false;
    fingerprint = null;
    searchText = currentSearchText();
    erasedAt = now;
    return true;
  }

  /**
   * Brought over by an import: no reader's address and no staff account, as every comment posted
   * here has one or the other (unless it was {@linkplain #erase erased}). Its body is the HTML the
   * old platform kept.
   */
  public boolean isImported() {
    return authorEmail == null && staffId == null && erasedAt == null;
  }

  private void raise(CommentEvent event) {
    outbox.add(event);
    raised.add(event);
  }

  public boolean isVisible() {
    return status == CommentStatus.APPROVED;
  }

  public String id() {
    return id;
  }

  public String postId() {
    return postId;
  }

  public String parentId() {
    return parentId;
  }

  public String rootId() {
    return rootId;
  }

  public int depth() {
    return depth;
  }

  public String authorName() {
    return authorName;
  }

  public String authorEmail() {
    return authorEmail;
  }

  public boolean staff() {
    return staffId != null;
  }

  public String staffId() {
    return staffId;
  }

  public boolean notifyOnReply() {
    return notifyOnReply;
  }

  public boolean notifyOnComments() {
    return notifyOnComments;
  }

  public String body() {
    return body;
  }

  public String bodyHtml() {
    return bodyHtml;
  }

  public String client() {
    return client;
  }

  public CommentStatus status() {
    return status;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant moderatedAt() {
    return moderatedAt;
  }

  public Instant editedAt() {
    return editedAt;
  }

  public Instant erasedAt() {
    return erasedAt;
  }

  /** Events raised but not yet relayed to Kafka, oldest first. */
  public List<CommentEvent> outbox() {
    return List.copyOf(outbox);
  }

  /** Events raised since this comment was loaded, oldest first. */
  public List<CommentEvent> raised() {
    return List.copyOf(raised);
  }

  public Long version() {
    return version;
  }
}
