package io.inkwell.comments.moderation;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** The blog's comment settings that editors change while it runs, kept in the database. */
@Component
public class BlogSettings {

  @Document("settings")
  record Stored(@Id String id, ModerationPolicy policy, Integer closeAfterDays) {}

  private static final String ID = "comments";

  private final MongoOperations mongo;
  private final CommentSettings defaults;

  BlogSettings(MongoOperations mongo, CommentSettings defaults) {
    this.mongo = mongo;
    this.defaults = defaults;
  }

  public ModerationPolicy policy() {
    Stored stored = mongo.findById(ID, Stored.class);
    return stored == null || stored.policy() == null ? defaults.defaultPolicy() : stored.policy();
  }

  /** Comments close on posts published more than this many days ago; 0 never closes them. */
  public int closeAfterDays() {
    Stored stored = mongo.findById(ID, Stored.class);
    return stored == null || stored.closeAfterDays() == null
        ? defaults.closeAfterDays()
        : stored.closeAfterDays();
  }

  public void choose(ModerationPolicy policy, Integer closeAfterDays) {
    var update = new Update().set("policy", policy);
    if (closeAfterDays != null) {
      update.set("closeAfterDays", closeAfterDays);
    }
    mongo.upsert(Query.query(where("_id").is(ID)), update, Stored.class);
  }
}
