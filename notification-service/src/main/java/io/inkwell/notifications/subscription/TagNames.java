package io.inkwell.notifications.subscription;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The names readers are shown for tags (post-service's ADR 44: "WPC" for the tag {@code wpc}), as
 * post-service tells them ({@code TagNamed}, see {@code contracts/tag-named.schema.json}, read by
 * {@link TagEvents}), so that mails name a subscriber's chosen tags, which are the tags themselves,
 * as the blog shows them. A tag without a name of its own is its own name.
 */
@Component
class TagNames {

  @Document("tag-names")
  record TagName(@Id String tag, String name) {}

  private final MongoTemplate mongo;

  TagNames(MongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Keeps the name, or forgets it for the tag's own; told twice, it changes nothing. */
  void keep(String tag, String name) {
    var named = Query.query(where("_id").is(tag));
    if (name.equals(tag)) {
      mongo.remove(named, TagName.class);
    } else {
      mongo.upsert(named, Update.update("name", name), TagName.class);
    }
  }

  /** The tags as readers are shown them, in their order. */
  List<String> of(List<String> tags) {
    if (tags.isEmpty()) {
      return tags;
    }
    Map<String, String> named =
        mongo.find(Query.query(where("_id").in(tags)), TagName.class).stream()
            .collect(Collectors.toMap(TagName::tag, TagName::name));
    return tags.stream().map(tag -> named.getOrDefault(tag, tag)).toList();
  }
}
