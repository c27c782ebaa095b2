package io.inkwell.comments.moderation;

import com.ibm.icu.text.SpoofChecker;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
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

  /**
   * Puts the value on the list, once: an entry already there (however it was typed, or sent twice
   * at once) is the one answered. Entries are named after their kind and value, so two moderators
   * adding the same word at the same moment write one entry.
   *
   * @return the entry, and whether this call added it
   */
  public Added add(Kind kind, String value) {
    String normalised = value.strip().toLowerCase(Locale.ROOT);
    var known = existing(kind, normalised);
    if (known != null) {
      return new Added(known, false);
    }
    String id =
        UUID.nameUUIDFromBytes((kind + ":" + normalised).getBytes(StandardCharsets.UTF_8))
            .toString();
    try {
      return new Added(mongo.insert(new Entry(id, kind, normalised)), true);
    } catch (DuplicateKeyException addedAtTheSameMoment) {
      return new Added(mongo.findById(id, Entry.class), false);
    }
  }

  /** An entry and whether it is new. */
  public record Added(Entry entry, boolean isNew) {}

  private Entry existing(Kind kind, String value) {
    return mongo.findOne(
        Query.query(Criteria.where("kind").is(kind).and("value").is(value)), Entry.class);
  }

  public List<Entry> all() {
    return mongo.findAll(Entry.class);
  }

  public boolean remove(String id) {
    return mongo.remove(Query.query(Criteria.where("_id").is(id)), Entry.class).getDeletedCount()
        > 0;
  }

  /**
   * The entry a comment matches, if any. A domain matches the address's and the domains under it,
   * written in its own script or in the ASCII form mail servers read. A word is looked for in the
   * commenter's name, address and words, as WordPress's "Disallowed Comment Keys" are, and found
   * however it is disguised: in another case, with accents ("víagra"), in full-width or other
   * compatibility letters ("ｖｉａｇｒａ"), with invisible characters inside ("via\u200Bgra"), or with
   * letters of another script that look the same (a Cyrillic "і" in "vіagra", Unicode's
   * confusables).
   */
  public java.util.Optional<Entry> match(String name, String body, String email, String client) {
    String text = skeleton(name + "\n" + email + "\n" + body);
    String domain = asciiDomain(email.substring(email.lastIndexOf('@') + 1));
    return all().stream()
        .filter(
            entry ->
                switch (entry.kind()) {
                  case WORD -> text.contains(skeleton(entry.value()));
                  case DOMAIN -> {
                    String listed = asciiDomain(entry.value());
                    yield domain.equals(listed) || domain.endsWith("." + listed);
                  }
                  case ADDRESS -> entry.value().equals(client);
                })
        .findFirst();
  }

  /**
   * A domain as mail servers read it, in ASCII ({@code bücher.example} as {@code
   * xn--bcher-kva.example}, its letters composed and folded first), so that an entry matches the
   * domain in either spelling; in lower case as it is when it is no domain IDNA takes.
   */
  static String asciiDomain(String domain) {
    try {
      return IDN.toASCII(domain.strip(), IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException notADomain) {
      return domain.strip().toLowerCase(Locale.ROOT);
    }
  }

  /** Both sides of a match as the same letters: folded, then as Unicode's confusables see them. */
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

  static String skeleton(String text) {
    // the skeleton writes some look-alikes in capitals (the digit 0 as O): lower case again
    return CONFUSABLES.getSkeleton(Folding.fold(text)).toLowerCase(Locale.ROOT);
  }
}
