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
