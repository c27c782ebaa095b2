package io.inkwell.posts.post;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.concurrent.Executor;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Brings every post's stored HTML up to what the renderer writes now, once the service has started.
 * The HTML is rendered at write time, so a change of the renderer (a Markdown extension, heading
 * ids, picture sizes, a stricter sanitiser policy) would otherwise reach only the posts saved after
 * it. A post whose HTML comes out the same is left alone; one whose HTML changed gets it with a new
 * version, so that readers' caches ask again, unless someone saved it meanwhile (that save was
 * rendered anew). The words, excerpt and dates stay; no event is raised, as nothing a reader or
 * subscriber is told of changed. Off with {@code inkwell.posts.rerender-on-start: false}.
 *
 * <p>The same pass, on or off, brings every post's {@linkplain SearchText search text} up to its
 * HTML and to how words are folded now, and writes it for posts stored before search had it: such a
 * post is found once the pass has reached it, seconds after the first start (ADR 16).
 *
 * <p>A post stored before posts kept whether their excerpt is their author's is told so by the same
 * pass: an excerpt other than the body's first words is the author's; one that is them follows the
 * body from the next edit on.
 *
 * <p>Its tags are brought up to how tags are written now ({@link PostManagement#normalisedTag}): a
 * tag stored with its accents as marks of their own becomes the one tag it looks like, with a new
 * version, and without an event, as it reads the same.
 */
@Component
class Rerendering {

  private static final Logger log = LoggerFactory.getLogger(Rerendering.class);

  private final MongoTemplate mongo;
  private final PostContentRenderer renderer;
  private final Executor executor;
  private final boolean renderAgain;

  Rerendering(
      MongoTemplate mongo,
      PostContentRenderer renderer,
      @Qualifier("applicationTaskExecutor") Executor executor,
      @Value("${inkwell.posts.rerender-on-start:true}") boolean renderAgain) {
    this.mongo = mongo;
    this.renderer = renderer;
    this.executor = executor;
    this.renderAgain = renderAgain;
  }

  /** In the background: readers are served the stored HTML meanwhile. */
  @EventListener(ApplicationReadyEvent.class)
  void started() {
    executor.execute(
        () -> {
          try {
            int changed = rerenderAll();
            if (changed > 0) {
              log.info("Brought {} posts up to the current renderer and search", changed);
            }
          } catch (RuntimeException failed) {
            log.warn("Could not render the stored posts again; they keep their HTML", failed);
          }
        });
  }

  /**
   * @return how many posts got new HTML, tags or search text, or were told whose their excerpt is
   */
  int rerenderAll() {
    var query = new Query();
    query
        .fields()
        .include(
            "title",
            "bodyMarkdown",
            "bodyHtml",
            "excerpt",
            "ownExcerpt",
            "tags",
            "searchText",
            "version");
    int changed = 0;
    try (var stored = mongo.stream(query, Document.class, "posts")) {
      for (var post : (Iterable<Document>) stored::iterator) {
        String markdown = post.getString("bodyMarkdown");
        if (markdown == null) {
          continue;
        }
        String storedHtml = post.getString("bodyHtml");
        String html = renderAgain || storedHtml == null ? renderer.html(markdown) : storedHtml;
        List<String> storedTags = post.getList("tags", String.class, List.of());
        List<String> tags = PostManagement.normalisedTags(storedTags);
        String searchText =
            SearchText.of(
                post.getString("title"),
                PostContentRenderer.text(html),
                post.getString("excerpt"),
                tags);
        boolean newHtml = !html.equals(storedHtml);
        boolean newTags = !tags.equals(storedTags);
        boolean excerptUntold = !post.containsKey("ownExcerpt");
        if (!newHtml
            && !newTags
            && !excerptUntold
            && searchText.equals(post.getString("searchText"))) {
          continue;
        }
        var unchangedSince =
            Query.query(where("_id").is(post.get("_id")).and("version").is(post.get("version")));
        var update = new Update().set("searchText", searchText);
        if (excerptUntold) {
          update.set(
              "ownExcerpt", !PostContentRenderer.excerptOf(html).equals(post.getString("excerpt")));
        }
        if (newHtml) {
          update.set("bodyHtml", html);
        }
        if (newTags) {
          update.set("tags", tags);
        }
        if (newHtml || newTags) {
          // readers' caches ask again; the search text is nobody's to cache
          update.inc("version", 1);
        }
        if (mongo.updateFirst(unchangedSince, update, "posts").getModifiedCount() == 1) {
          changed++;
        }
      }
    }
    return changed;
  }
}
