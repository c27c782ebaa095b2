package io.inkwell.comments.moderation;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/** Words, email domains and client addresses whose comments are spam, kept in the database. */
@Component
public class Blocklist {

  public enum Kind {
    WORD,
    DOMAIN,
    ADDRESS
  }

  @Document("blocklist")
  public record Entry(@Id String id, Kind kind, String value) {}

  private final MongoOperations mongo;

  Blocklist(MongoOperations mongo) {
    this.mongo = mongo;
  }

  public Entry add(Kind kind, String value) {
    return mongo.insert(
        new Entry(UUID.randomUUID().toString(), kind, value.strip().toLowerCase(Locale.ROOT)));
  }

  public List<Entry> all() {
    return mongo.findAll(Entry.class);
  }

  public boolean remove(String id) {
    return mongo.remove(mongo.findById(id, Entry.class)).getDeletedCount() > 0;
  }

  /** The entry a comment matches, if any. */
  public java.util.Optional<Entry> match(String body, String email, String client) {
    String text = body.toLowerCase(Locale.ROOT);
    String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return all().stream()
        .filter(
            entry ->
                switch (entry.kind()) {
                  case WORD -> text.contains(entry.value());
                  case DOMAIN ->
                      domain.equals(entry.value()) || domain.endsWith("." + entry.value());
                  case ADDRESS -> entry.value().equals(client);
                })
        .findFirst();
  }
}
