package io.inkwell.web.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An approved comment with its replies, as readers see it (no email address, ever); {@code staff}
 * when the blog's own people wrote it, with {@code staffId} the writer's account (whose profile has
 * their picture), {@code erased} when its writer asked to be forgotten (its name, "Anonymous", is
 * then said in the blog's language).
 */
public record Comment(
    String id,
    String authorName,
    Boolean staff,
    Boolean erased,
    String bodyHtml,
    Instant createdAt,
    List<Comment> replies,
    String staffId) {

  public Comment {
    replies = replies == null ? List.of() : replies;
    staff = staff != null && staff;
    erased = erased != null && erased;
  }

  /** A comment of a thread with how deep it sits in it (0 for a comment on the post itself). */
  public record Placed(Comment comment, int depth) {}

  /**
   * Every comment of these threads in reading order, each reply after the comment it answers: the
   * choices of the comment form's "Reply to", as WordPress offers "Reply" under every comment.
   */
  public static List<Placed> inReadingOrder(List<Comment> threads) {
    var placed = new ArrayList<Placed>();
    place(threads, 0, placed);
    return placed;
  }

  private static void place(List<Comment> comments, int depth, List<Placed> placed) {
    for (Comment comment : comments) {
      placed.add(new Placed(comment, depth));
      place(comment.replies(), depth + 1, placed);
    }
  }
}
