package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.staff.StaffSecurityNotice.Notice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * The browsers a staff member is signed in at here: their sessions, found by the address they
 * signed in with. Each is named to the admin by the {@code sid} claim of the ID tokens it led to
 * (as OpenID Connect names a session: Spring Authorization Server's hash of its id), so the admin
 * can say which one is the browser in front of the person without the session id ever leaving this
 * service.
 */
@Component
public class SignedInBrowsers {

  /** How long a sign-in lasts without a request unless "Keep me signed in" was ticked. */
  public static final int IDLE_SECONDS = 30 * 60;

  /** The session attribute that keeps the {@code User-Agent} the sign-in came with. */
  public static final String USER_AGENT = "inkwell.userAgent";

  private static final Logger log = LoggerFactory.getLogger(SignedInBrowsers.class);

  /** The longest name of a browser and system this service gives (as its contracts say). */
  private static final int LONGEST_NAME = 200;

  /** What ua-parser names a browser or system it does not know. */
  private static final String OTHER = "Other";

  /** How many browsers an account's sign-ins are compared with. */
  private static final int KNOWN_BROWSERS = 20;

  /** How a browser whose {@code User-Agent} names none is known. */
  private static final String UNNAMED = "";

  private final FindByIndexNameSessionRepository<? extends Session> sessions;
  private final MongoOperations mongo;
  private final SecurityNotices notices;
  private final Clock clock;
  private final Parser userAgents = new Parser();

  SignedInBrowsers(
      FindByIndexNameSessionRepository<? extends Session> sessions,
      MongoOperations mongo,
      SecurityNotices notices,
      Clock clock) {
    this.clock = clock;
    this.sessions = sessions;
    this.mongo = mongo;
    this.notices = notices;
  }

  /**
   * Notes when the account signed in, and the sign-in's browser among its known ones; one the
   * account never signed in with before (a browser and system by name, as the list shows them) is
   * mailed to them, as GitHub and Google mail it. An account's first sign-in has nothing to be
   * compared with and is only noted.
   */
  public void signedIn(String email, String userAgent) {
    var byEmail = Query.query(where("email").is(StaffManagement.normalised(email)));
    StaffAccount account =
        mongo.findAndModify(
            byEmail, Update.update("lastSignedInAt", clock.instant()), StaffAccount.class);
    if (account == null) {
      return;
    }
    String device = device(userAgent);
    String known = device == null ? UNNAMED : device;
    var unknownTo =
        Query.query(
            where("_id")
                .is(account.id())
                .and("knownBrowsers.0")
                .exists(true)
                .and("knownBrowsers")
                .ne(known));
    var told =
        noting(known).push("outbox", notices.of(account, Notice.NEW_BROWSER, device, null, null));
    if (mongo.updateFirst(unknownTo, told, StaffAccount.class).getModifiedCount() == 1) {
      log.info("Staff {} signed in from a browser new to them: {}", account.id(), device);
      return;
    }
    mongo.updateFirst(
        Query.query(where("_id").is(account.id()).and("knownBrowsers.0").exists(false)),
        noting(known),
        StaffAccount.class);
  }

  /** The browser among the account's known ones, the oldest of too many forgotten. */
  private static Update noting(String known) {
    return new Update().push("knownBrowsers").slice(-KNOWN_BROWSERS).each(known);
  }

  /**
   * @param sid the session's name in ID tokens
   * @param device the browser and system it signed in with ("Firefox on Windows"), when its {@code
   *     User-Agent} says
   * @param signedInAt when the session began (its sign-in, or the visit that led to it)
   * @param lastActiveAt its last request here: a sign-in, or the admin getting new tokens
   * @param keptSignedIn whether "Keep me signed in" was ticked
   * @param current whether it is the one the caller named as theirs
   */
  public record Browser(
      String sid,
      String device,
      Instant signedInAt,
      Instant lastActiveAt,
      boolean keptSignedIn,
      boolean current) {}

  /** The account's browsers that are still signed in, the one used last first. */
  public List<Browser> of(StaffAccount account, String currentSid) {
    return sessions.findByPrincipalName(account.email()).values().stream()
        .filter(session -> !session.isExpired())
        .map(
            session -> {
              String sid = sid(session.getId());
              return new Browser(
                  sid,
                  device(session.getAttribute(USER_AGENT)),
                  session.getCreationTime(),
                  session.getLastAccessedTime(),
                  session.getMaxInactiveInterval().compareTo(Duration.ofSeconds(IDLE_SECONDS)) > 0,
                  sid.equals(currentSid));
            })
        .sorted(Comparator.comparing(Browser::lastActiveAt).reversed())
        .toList();
  }

  /**
   * Signs the account out at every browser but the one {@code keptSid} names (none when it names
   * none): whoever is there is asked for the password at their next sign-in step, and an access
   * token they hold runs out within {@code access-token-ttl}.
   *
   * @return how many browsers were signed out
   */
  public int signOut(StaffAccount account, String keptSid, String why) {
    return signOut(account, id -> !sid(id).equals(keptSid), why);
  }

  private int signOut(StaffAccount account, Predicate<String> which, String why) {
    var ended =
        sessions.findByPrincipalName(account.email()).keySet().stream().filter(which).toList();
    ended.forEach(sessions::deleteById);
    if (!ended.isEmpty()) {
      log.info("Signed {} session(s) of staff {} out: {}", ended.size(), account.id(), why);
    }
    return ended.size();
  }

  /** "Firefox on Windows", "Mobile Safari on iOS", "curl"; null for what is not recognised. */
  String device(String userAgent) {
    if (userAgent == null) {
      return null;
    }
    Client client = userAgents.parse(userAgent);
    String browser = client.userAgent.family;
    String system = client.os.family;
    if (OTHER.equals(browser)) {
      return null;
    }
    String device = OTHER.equals(system) ? browser : browser + " on " + system;
    // names come from the User-Agent's own words: a made-up one is cut to what a name needs
    return device.length() > LONGEST_NAME ? device.substring(0, LONGEST_NAME) : device;
  }

  /** Signs the account out at the one browser {@code sid} names; false when it names none. */
  public boolean signOutAt(StaffAccount account, String sid) {
    return signOut(
            account, id -> sid(id).equals(sid), "they signed out of one browser from another")
        == 1;
  }

  /** The {@code sid} Spring Authorization Server puts in ID tokens for a session id. */
  static String sid(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(sessionId.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }
}
