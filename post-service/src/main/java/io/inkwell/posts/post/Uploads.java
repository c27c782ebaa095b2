package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.PostManagement.Position;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** What the blog's uploads (pictures, files) share: their pages, and who may delete one. */
public final class Uploads {

  private Uploads() {}

  /** One page of uploads, and the cursor of the next; null after the last. */
  public record Page<T>(List<T> items, String nextCursor) {}

  /**
   * A page of a collection's uploads, newest first by {@code uploadedAt} (then by id, for those
   * uploaded in the same millisecond), after the one the cursor names.
   *
   * @param positionOf where an upload stands, for the next page's cursor
   * @param without fields left out (a picture's bytes)
   */
  public static <T> Page<T> newestFirst(
      MongoTemplate mongo,
      Class<T> type,
      int limit,
      String cursor,
      Function<T, Position> positionOf,
      String... without) {
    Criteria criteria = new Criteria();
    if (cursor != null && !cursor.isBlank()) {
      Position after = Position.decode(cursor);
      criteria =
          new Criteria()
              .orOperator(
                  where("uploadedAt").lt(after.at()),
                  where("uploadedAt").is(after.at()).and("_id").lt(after.id()));
    }
    Query query =
        Query.query(criteria)
            .with(Sort.by(Sort.Order.desc("uploadedAt"), Sort.Order.desc("_id")))
            .limit(limit + 1);
    for (String field : without) {
      query.fields().exclude(field);
    }
    List<T> found = mongo.find(query, type);
    if (found.size() <= limit) {
      return new Page<>(found, null);
    }
    List<T> page = found.subList(0, limit);
    return new Page<>(page, positionOf.apply(page.get(limit - 1)).encode());
  }

  /**
   * The posts (but those deleted for good) that show or link an upload: how many, and the titles of
   * the first three the actor may read (published ones, their own, or any to an editor), so that
   * whoever wants it gone knows where to take it out.
   */
  public record LinkedFrom(long posts, List<String> titles) {

    public boolean any() {
      return posts > 0;
    }

    /** {@code 3 posts ("Episode one", "About" and 1 more)}. */
    public String describe() {
      String count = posts + (posts == 1 ? " post" : " posts");
      if (titles.isEmpty()) {
        return count;
      }
      String named =
          titles.stream()
              .map(title -> "\u201C" + title + "\u201D")
              .collect(java.util.stream.Collectors.joining(", "));
      long others = posts - titles.size();
      return count + " (" + named + (others > 0 ? " and " + others + " more" : "") + ")";
    }
  }

  /**
   * @param linking what a post that shows or links the upload matches
   */
  public static LinkedFrom linkedFrom(MongoTemplate mongo, Criteria linking, Actor actor) {
    Criteria kept = where("status").ne(PostStatus.DELETED);
    long posts = mongo.count(Query.query(new Criteria().andOperator(kept, linking)), Post.class);
    if (posts == 0) {
      return new LinkedFrom(0, List.of());
    }
    Criteria readable =
        actor.isEditor()
            ? new Criteria().andOperator(kept, linking)
            : new Criteria()
                .andOperator(
                    kept,
                    linking,
                    new Criteria()
                        .orOperator(
                            where("status").is(PostStatus.PUBLISHED),
                            where("author._id").is(actor.id())));
    Query titles = Query.query(readable).with(Sort.by(Sort.Order.desc("updatedAt"))).limit(3);
    titles.fields().include("title");
    return new LinkedFrom(
        posts,
        mongo.find(titles, org.bson.Document.class, mongo.getCollectionName(Post.class)).stream()
            .map(post -> post.getString("title"))
            .toList());
  }

  /**
   * Refuses to delete an upload unless the actor uploaded it or is an editor.
   *
   * @param what how the upload is named to the actor ("an image")
   */
  public static void checkMayDelete(Actor actor, String uploaderId, String what) {
    boolean uploadedIt = actor.id() != null && actor.id().equals(uploaderId);
    if (!actor.isEditor() && !uploadedIt) {
      throw new NotAllowed("Only its uploader or an editor may delete " + what + ".");
    }
  }
}
