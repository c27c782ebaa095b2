package io.inkwell.notifications.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.net.IDN;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The admins' list of webhooks: what they are told of, where, and how their last call went. */
@Service
public class Webhooks {

  /** More than a blog needs; a bound on what one event fans out to. */
  static final int MOST = 50;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final MongoTemplate mongo;
  private final Clock clock;
  private final JsonMapper json;
  private final WebhookAddresses addresses;

  Webhooks(MongoTemplate mongo, Clock clock, JsonMapper json, WebhookAddresses addresses) {
    this.mongo = mongo;
    this.clock = clock;
    this.json = json;
    this.addresses = addresses;
  }

  /** The list, oldest first, with their secrets. */
  public List<Webhook> all() {
    return mongo.find(new Query().with(Sort.by("createdAt", "_id")), Webhook.class);
  }

  /**
   * Adds a webhook with a new secret.
   *
   * @throws Invalid when the event is none of {@link WebhookEvents#NAMES} or the address is no
   *     absolute http(s) address without a user name, or one inside the platform's network ({@link
   *     WebhookAddresses})
   * @throws TooMany when there are {@link #MOST} already
   */
  public Webhook add(String name, String event, String targetUrl, String createdBy) {
    if (!WebhookEvents.NAMES.contains(event)) {
      throw new Invalid("event", "must be one of " + String.join(", ", WebhookEvents.NAMES));
    }
    URI target = target(targetUrl);
    addresses
        .refused(target.getHost())
        .ifPresent(
            address -> {
              throw new Invalid(
                  "targetUrl",
                  "must be an address on the internet: "
                      + target.getHost()
                      + " is "
                      + address.getHostAddress()
                      + ", inside the platform's own network");
            });
    if (mongo.count(new Query(), Webhook.class) >= MOST) {
      throw new TooMany();
    }
    return mongo.insert(
        new Webhook(
            UUID.randomUUID().toString(),
            name.strip(),
            event,
            target.toString(),
            newSecret(),
            createdBy,
            clock.instant(),
            null,
            null));
  }

  /**
   * Gives the webhook a new secret (Stripe's "Roll secret"), for one that was lost or leaked: every
   * call from now on is signed with it, the old one signs nothing more.
   *
   * @return the new secret, shown this once; empty when there is no such webhook
   */
  public Optional<String> rollSecret(String webhookId) {
    String secret = newSecret();
    boolean rolled =
        mongo
                .updateFirst(
                    Query.query(where("_id").is(webhookId)),
                    Update.update("secret", secret),
                    Webhook.class)
                .getMatchedCount()
            == 1;
    return rolled ? Optional.of(secret) : Optional.empty();
  }

  private static String newSecret() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
  }

  /** Removes it and the calls it still had to get; false when there was none by that id. */
  public boolean remove(String id) {
    boolean removed =
        mongo.remove(Query.query(where("_id").is(id)), Webhook.class).getDeletedCount() > 0;
    mongo.remove(
        Query.query(where("webhookId").is(id).and("status").is(WebhookCall.Status.PENDING)),
        WebhookCall.class);
    return removed;
  }

  /** Its newest calls, newest first; empty when there is no such webhook. */
  public Optional<List<WebhookCall>> recentCalls(String webhookId, int limit) {
    if (!mongo.exists(Query.query(where("_id").is(webhookId)), Webhook.class)) {
      return Optional.empty();
    }
    return Optional.of(
        mongo.find(
            Query.query(where("webhookId").is(webhookId))
                .with(Sort.by(Sort.Direction.DESC, "createdAt", "_id"))
                .limit(limit),
            WebhookCall.class));
  }

  /**
   * A test call, GitHub's "ping": {@code X-Inkwell-Event: ping} and a body that says which event
   * the webhook waits for, signed and recorded as any call, so an admin sees at once whether the
   * receiver takes it.
   *
   * @return false when there is no such webhook
   */
  public boolean ping(String webhookId) {
    Webhook webhook = mongo.findById(webhookId, Webhook.class);
    if (webhook == null) {
      return false;
    }
    Instant now = clock.instant();
    String id = "ping-" + UUID.randomUUID() + ":" + webhookId;
    var body = new LinkedHashMap<String, Object>();
    body.put("id", id);
    body.put("event", "ping");
    body.put("change", "ping");
    body.put("occurredAt", now.toString());
    body.put("webhook", Map.of("id", webhookId, "name", webhook.name(), "event", webhook.event()));
    mongo.insert(
        new WebhookCall(
            id,
            webhookId,
            "ping",
            json.writeValueAsString(body),
            WebhookCall.Status.PENDING,
            0,
            now,
            null,
            now,
            null));
    return true;
  }

  /** What came of asking for a call to be made again. */
  public enum Retry {
    /** It is due now, with its tries counted afresh. */
    DUE,
    /** No such call of this webhook. */
    UNKNOWN,
    /** It was taken, or is still being tried: there is nothing to make again. */
    NOT_FAILED
  }

  /**
   * Makes a call that was given up due again, as GitHub's "Redeliver" does, once the admin fixed
   * the receiver: with the same delivery id, as the receiver never took it.
   */
  public Retry retry(String webhookId, String callId) {
    var failed =
        Query.query(
            where("_id")
                .is(callId)
                .and("webhookId")
                .is(webhookId)
                .and("status")
                .is(WebhookCall.Status.FAILED));
    var due =
        new Update()
            .set("status", WebhookCall.Status.PENDING)
            .set("attempts", 0)
            .set("dueAt", clock.instant());
    if (mongo.updateFirst(failed, due, WebhookCall.class).getModifiedCount() == 1) {
      return Retry.DUE;
    }
    boolean known =
        mongo.exists(
            Query.query(where("_id").is(callId).and("webhookId").is(webhookId)), WebhookCall.class);
    return known ? Retry.NOT_FAILED : Retry.UNKNOWN;
  }

  private static URI target(String address) {
    URI uri;
    try {
      uri = new URI(address.strip());
    } catch (java.net.URISyntaxException e) {
      throw new Invalid("targetUrl", "is no address");
    }
    if (uri.getHost() == null && uri.getRawAuthority() != null && uri.getRawUserInfo() == null) {
      uri = withAsciiHost(uri);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new Invalid("targetUrl", "must be an absolute http or https address");
    }
    if (uri.getRawUserInfo() != null) {
      throw new Invalid("targetUrl", "must not carry a user name or password");
    }
    return uri;
  }

  /**
   * An address whose host is a name in another script ({@code https://bücher.example/}): {@link
   * URI} keeps no host for it, so it is written as DNS asks, in Punycode (IDNA).
   */
  private static URI withAsciiHost(URI uri) {
    String authority = uri.getAuthority();
    int colon = authority.lastIndexOf(':');
    String name = colon < 0 ? authority : authority.substring(0, colon);
    try {
      int port = colon < 0 ? -1 : Integer.parseInt(authority.substring(colon + 1));
      return new URI(
          uri.getScheme(),
          null,
          IDN.toASCII(name),
          port,
          uri.getPath(),
          uri.getQuery(),
          uri.getFragment());
    } catch (IllegalArgumentException | java.net.URISyntaxException notAName) {
      throw new Invalid("targetUrl", "is no address");
    }
  }

  /** A webhook that cannot be called as asked. */
  public static final class Invalid extends RuntimeException {

    private final String field;

    Invalid(String field, String message) {
      super(message);
      this.field = field;
    }

    public String field() {
      return field;
    }
  }

  /** There are as many webhooks as are kept. */
  public static final class TooMany extends RuntimeException {

    TooMany() {
      super("A blog keeps " + MOST + " webhooks at most; remove one first.");
    }
  }
}
