package io.inkwell.posts.redirect;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.posts.post.Actor;
import io.inkwell.posts.post.NotAllowed;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The admins' redirects: addresses the blog has no page at, sent elsewhere. The reader site asks
 * for one ({@code GET /api/redirects?path=}) only where it would otherwise answer 404, so a rule
 * never hides a page.
 */
@Service
public class RedirectRules {

  /** More than a blog that moved twice needs; a bound on the list. */
  static final int MOST = 1000;

  /**
   * What the API, the admin and the sign-in answer at, never the reader site: a redirect there
   * would never be followed, and is refused rather than kept.
   */
  private static final List<String> NOT_THE_READERS =
      List.of(
          "/api",
          "/admin",
          "/login",
          "/logout",
          "/oauth2",
          "/.well-known",
          "/connect",
          "/userinfo");

  private static final int LONGEST = 500;
  private static final int LONGEST_TARGET = 2000;

  /** A path: no space, no control character, no query or fragment. */
  private static final Pattern PATH = Pattern.compile("/[^\\s\\p{Cntrl}?#]*");

  /** A path here (not "//elsewhere"), or an http or https address, without spaces. */
  private static final Pattern TARGET =
      Pattern.compile(
          "(/(?![/\\\\])[^\\s\\p{Cntrl}]*|[hH][tT][tT][pP][sS]?://[^\\s\\p{Cntrl}<>\"]+)");

  private final MongoOperations mongo;
  private final Clock clock;

  RedirectRules(MongoOperations mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** Every rule, by the address it sends away. */
  public List<RedirectRule> all(Actor actor) {
    mayManage(actor);
    return mongo.find(new Query().with(Sort.by("from")).limit(MOST), RedirectRule.class);
  }

  /**
   * Adds a rule.
   *
   * @throws Invalid for a {@code from} that is no path of the reader site, or a {@code to} that is
   *     neither a path here nor an http or https address, or the same address
   * @throws Exists when {@code from} is sent somewhere already
   */
  public RedirectRule add(String from, String to, boolean permanent, Actor actor) {
    mayManage(actor);
    String source = normalised(from.strip());
    if (source.length() > LONGEST
        || !PATH.matcher(source).matches()
        || source.equals("/")
        || source.startsWith("//")
        || NOT_THE_READERS.stream()
            .anyMatch(area -> source.equals(area) || source.startsWith(area + "/"))) {
      throw new Invalid(
          "from",
          "must be a path of the reader site such as /about-me (not /, /api, /admin, the sign-in's"
              + " or a query)");
    }
    String target = to.strip();
    if (target.length() > LONGEST_TARGET || !TARGET.matcher(target).matches()) {
      throw new Invalid(
          "to", "must be a path of this blog (/pages/about) or an http or https address");
    }
    if (target.startsWith("/") && normalised(target.split("[?#]", 2)[0]).equals(source)) {
      throw new Invalid(
          "to", "must be another address than from: readers would go round in a loop");
    }
    loopVia(source, target)
        .ifPresent(
            via -> {
              throw new Invalid(
                  "to",
                  "leads back to "
                      + source
                      + " through the redirect of "
                      + via
                      + ": readers would go round in a loop");
            });
    if (mongo.count(new Query(), RedirectRule.class) >= MOST) {
      throw new Invalid("from", "a blog keeps " + MOST + " redirects at most; remove one first");
    }
    try {
      return mongo.insert(
          new RedirectRule(
              UUID.randomUUID().toString(),
              source,
              target,
              permanent,
              clock.instant(),
              actor.name(),
              0L,
              null));
    } catch (DuplicateKeyException taken) {
      throw new Exists(source);
    }
  }

  /** A rule of Ghost's {@code redirects.json}: {@code from} is a regular expression there. */
  public record GhostRedirect(String from, String to, Boolean permanent) {}

  /** One that was not taken, and why. */
  public record Skipped(String from, String reason) {}

  /** What came of an import: how many rules were added, and which were not. */
  public record Imported(int added, List<Skipped> skipped) {}

  /**
   * Takes the redirects of a Ghost blog (its {@code redirects.json}, Settings › Labs): those whose
   * {@code from} stands for one address ({@code /old/}, {@code ^/old/?$}, {@code ^\/old\.html$})
   * become rules; a pattern with wildcards or groups, a {@code to} that uses parts of it, or a rule
   * these would not take ({@link #add}) is listed as skipped, and the rest are added all the same.
   */
  public Imported importGhost(List<GhostRedirect> redirects, Actor actor) {
    mayManage(actor);
    int added = 0;
    var skipped = new java.util.ArrayList<Skipped>();
    for (GhostRedirect redirect : redirects) {
      String from = redirect == null || redirect.from() == null ? "" : redirect.from();
      String to = redirect == null || redirect.to() == null ? "" : redirect.to();
      Optional<String> path = literal(from);
      if (path.isEmpty()) {
        skipped.add(new Skipped(from, "a pattern: only exact addresses are kept"));
      } else if (GROUP_REFERENCE.matcher(to).find()) {
        skipped.add(new Skipped(from, "its address uses parts of the pattern"));
      } else {
        try {
          add(path.get(), to, redirect.permanent() == null || redirect.permanent(), actor);
          added++;
        } catch (Invalid | Exists refused) {
          skipped.add(new Skipped(from, refused.getMessage()));
        }
      }
    }
    return new Imported(added, List.copyOf(skipped));
  }

  /**
   * The rules in Ghost's {@code redirects.json} shape, each {@code from} a pattern for exactly its
   * address (with or without a trailing slash), so that Ghost reads them back as they are meant.
   */
  public List<GhostRedirect> exportGhost(Actor actor) {
    return all(actor).stream()
        .map(rule -> new GhostRedirect(pattern(rule.from()), rule.to(), rule.permanent()))
        .toList();
  }

  /** What a regular expression gives a meaning of its own. */
  private static final String SPECIAL = ".*+?^${}()|[]\\";

  /** {@code $1} in a target: a part of the pattern's match. */
  private static final Pattern GROUP_REFERENCE = Pattern.compile("\\$\\d");

  /** A pattern that matches the path, and the path with a trailing slash, and nothing else. */
  static String pattern(String path) {
    var pattern = new StringBuilder("^");
    for (char c : path.toCharArray()) {
      if (SPECIAL.indexOf(c) >= 0) {
        pattern.append('\\');
      }
      pattern.append(c);
    }
    return pattern.append("/?$").toString();
  }

  /**
   * The one address a pattern of Ghost's stands for: anchors and an optional trailing slash go, an
   * escaped character stands for itself; a pattern with any other special character stands for more
   * than one, and is none.
   */
  static Optional<String> literal(String pattern) {
    String body = pattern.strip();
    body = body.startsWith("^") ? body.substring(1) : body;
    if (body.endsWith("$") && !body.endsWith("\\$")) {
      body = body.substring(0, body.length() - 1);
    }
    body = body.endsWith("/?") ? body.substring(0, body.length() - 2) : body;
    var path = new StringBuilder();
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '\\' && i + 1 < body.length() && !Character.isLetterOrDigit(body.charAt(i + 1))) {
        path.append(body.charAt(++i));
      } else if (SPECIAL.indexOf(c) >= 0) {
        return Optional.empty();
      } else {
        path.append(c);
      }
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(path.toString());
  }

  /**
   * The first rule on the way from the target back to the source, when the rules kept send a reader
   * from {@code to} on and on until {@code from} again ({@code /a → /b} kept, {@code /b → /a}
   * asked); empty when the way ends elsewhere, at another site or after as many steps as rules.
   */
  private Optional<String> loopVia(String source, String target) {
    String via = null;
    String next = target;
    for (int step = 0; step < MOST && next.startsWith("/"); step++) {
      var rule = find(next);
      if (rule.isEmpty()) {
        return Optional.empty();
      }
      via = via == null ? rule.get().from() : via;
      next = rule.get().to();
      if (next.startsWith("/") && normalised(next.split("[?#]", 2)[0]).equals(source)) {
        return Optional.of(via);
      }
    }
    return Optional.empty();
  }

  /** Removes it; false when there was none by that id. */
  public boolean remove(String id, Actor actor) {
    mayManage(actor);
    return mongo.remove(Query.query(where("_id").is(id)), RedirectRule.class).getDeletedCount() > 0;
  }

  /** A reader was sent on by the rule: counted, with the time. */
  public void followed(RedirectRule rule) {
    mongo.updateFirst(
        Query.query(where("_id").is(rule.id())),
        new Update().inc("hits", 1).set("lastHitAt", clock.instant()),
        RedirectRule.class);
  }

  /** Where readers who open the path go, if an admin said so (with or without a trailing slash). */
  public Optional<RedirectRule> find(String path) {
    int query = path.indexOf('?');
    String bare = normalised(query < 0 ? path : path.substring(0, query));
    return Optional.ofNullable(
        mongo.findOne(Query.query(where("from").is(bare)), RedirectRule.class));
  }

  private static String normalised(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  private static void mayManage(Actor actor) {
    if (!actor.isAdmin()) {
      throw new NotAllowed("Only admins manage the blog's redirects.");
    }
  }

  /** A rule that cannot be kept as asked. */
  public static final class Invalid extends RuntimeException {

    private final String field;

    Invalid(String field, String message) {
      super(field + " " + message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** Its address is sent somewhere already. */
  public static final class Exists extends RuntimeException {

    Exists(String from) {
      super(from + " is sent elsewhere already; remove that redirect first.");
    }
  }
}
