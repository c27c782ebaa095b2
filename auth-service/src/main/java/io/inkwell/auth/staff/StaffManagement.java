package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.staff.StaffSecurityNotice.Notice;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Staff accounts: the owner on first start, invitations, sign-in, passwords (changed, or reset
 * through a mailed link), roles and suspension.
 */
@Service
public class StaffManagement implements UserDetailsService {

  /** Long enough that a guessing attacker gets nowhere within the sign-in rate limit. */
  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final Logger log = LoggerFactory.getLogger(StaffManagement.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StaffAccounts accounts;
  private final PasswordEncoder passwords;
  private final AuthSettings settings;
  private final Clock clock;
  private final MongoOperations mongo;
  private final SignedInBrowsers browsers;
  private final SignInAttempts attempts;
  private final SecurityNotices notices;

  StaffManagement(
      StaffAccounts accounts,
      PasswordEncoder passwords,
      AuthSettings settings,
      Clock clock,
      MongoOperations mongo,
      SignedInBrowsers browsers,
      SignInAttempts attempts,
      SecurityNotices notices) {
    this.notices = notices;
    this.mongo = mongo;
    this.browsers = browsers;
    this.attempts = attempts;
    this.accounts = accounts;
    this.passwords = passwords;
    this.settings = settings;
    this.clock = clock;
  }

  /** A new staff member and the password they sign in with first, shown this once. */
  public record Invitation(StaffAccount account, String temporaryPassword) {}

  /** Creates the owner from configuration while the blog has none. */
  @EventListener(ApplicationReadyEvent.class)
  void ensureOwner() {
    if (accounts.existsByRole(Role.OWNER)) {
      return;
    }
    var owner = settings.owner();
    if (owner.password() == null || owner.password().length() < MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          "No owner exists yet: set INKWELL_OWNER_PASSWORD (at least "
              + MIN_PASSWORD_LENGTH
              + " characters) for the first start");
    }
    try {
      accounts.insert(
          account(owner.id(), owner.email(), owner.name(), Role.OWNER, owner.password()));
      log.info("Created the owner account {}", normalised(owner.email()));
    } catch (DuplicateKeyException anotherInstanceWasFaster) {
      log.info("The owner account exists already");
    }
  }

  /**
   * Creates the account and mails the invitee a link to choose their password (through {@code
   * StaffInvited}); the temporary password works too, for whoever invited them to pass on.
   *
   * @param invitedBy the inviting admin's name, for the mail
   */
  public Invitation invite(String email, String name, Role role, String invitedBy) {
    if (!role.invitable()) {
      throw new IllegalArgumentException("A blog has one owner; invite an ADMIN instead.");
    }
    String temporary = randomPassword();
    String token = randomToken();
    var account = account(email, name, role, temporary);
    account.invite(
        sha256(token),
        settings.issuer() + "/invitation?token=" + token,
        invitedBy,
        clock.instant().plus(settings.invitationValidity()),
        clock.instant());
    try {
      return new Invitation(accounts.insert(account), temporary);
    } catch (DuplicateKeyException taken) {
      throw new StaffExists(normalised(email));
    }
  }

  /** The account an invitation link is for, while the invitation is open. */
  public Optional<StaffAccount> invitation(String token) {
    return accounts
        .findByInvitationHash(sha256(token))
        .filter(account -> account.invitationExpiresAt().isAfter(clock.instant()));
  }

  /**
   * Takes up an invitation: the invitee's own password replaces the temporary one, and the link
   * works no more (one conditional update, so two tabs cannot both use it).
   *
   * @return false when the link is unknown, used or expired
   */
  public boolean acceptInvitation(String token, String password) {
    return useLink("invitationHash", "invitationExpiresAt", token, password, false);
  }

  /**
   * Mails a link to choose a new password (through {@code PasswordResetRequested}) to the account
   * with this address, if there is one that is not suspended and was sent none in the last {@code
   * password-reset.interval}. Says nothing either way, so that the form tells nobody who is on the
   * staff.
   */
  public void requestPasswordReset(String email) {
    Instant now = clock.instant();
    var reset = settings.passwordReset();
    byEmail(email)
        .filter(account -> !account.suspended())
        .ifPresent(
            account -> {
              String token = randomToken();
              Instant expiresAt = now.plus(reset.validity());
              var event =
                  PasswordResetRequested.of(
                      account,
                      settings.issuer() + "/password-reset?token=" + token,
                      expiresAt,
                      now);
              mongo.updateFirst(
                  activeAndNotMailedSince(account, "resetRequestedAt", now.minus(reset.interval())),
                  new Update()
                      .set("resetHash", sha256(token))
                      .set("resetExpiresAt", expiresAt)
                      .set("resetRequestedAt", now)
                      .push("outbox", stored(event)),
                  StaffAccount.class);
            });
  }

  /**
   * This account, if it is not suspended and {@code mailedAt} (when it was last mailed a link or
   * code of some kind) is not after {@code since}: so that no form fills an inbox.
   */
  static Query activeAndNotMailedSince(StaffAccount account, String mailedAt, Instant since) {
    return Query.query(
        where("_id")
            .is(account.id())
            .and("suspended")
            .ne(true)
            .orOperator(where(mailedAt).exists(false), where(mailedAt).lte(since)));
  }

  /** The account a reset link is for, while the link works. */
  public Optional<StaffAccount> passwordReset(String token) {
    return accounts
        .findByResetHash(sha256(token))
        .filter(account -> account.resetExpiresAt().isAfter(clock.instant()))
        .filter(account -> !account.suspended());
  }

  /**
   * Sets the password a reset link's owner chose; the link works no more, and every browser signed
   * in as them here is asked for the new password, and they are mailed that it changed.
   *
   * @return false when the link is unknown, used or expired, or the account suspended
   */
  public boolean resetPassword(String token, String password) {
    return useLink("resetHash", "resetExpiresAt", token, password, true);
  }

  /**
   * Sets a password through a mailed link, in one conditional update (two tabs cannot both use it);
   * every open link of the account closes with it.
   *
   * @param changed whether a password they chose before is replaced (not an invitation's first)
   */
  private boolean useLink(
      String hashField, String expiryField, String token, String password, boolean changed) {
    var open =
        Query.query(
            where(hashField)
                .is(sha256(token))
                .and(expiryField)
                .gt(clock.instant())
                .and("suspended")
                .ne(true));
    StaffAccount account = mongo.findOne(open, StaffAccount.class);
    if (account == null) {
      return false;
    }
    var used = closingLinks(new Update().set("passwordHash", passwords.encode(password)));
    if (changed) {
      used.push("outbox", notices.of(account, Notice.PASSWORD_CHANGED));
    }
    StaffAccount before = mongo.findAndModify(open, used, StaffAccount.class);
    if (before == null) {
      return false;
    }
    // a new password signs every browser out, as WordPress's does: the old one gets nobody back in
    browsers.signOut(before, null, "their password was set through a mailed link");
    // the link proved the address: a lock from wrong passwords is lifted with it
    attempts.cleared(before.email());
    return true;
  }

  private static Update closingLinks(Update update) {
    return update
        .unset("invitationHash")
        .unset("invitationExpiresAt")
        .unset("resetHash")
        .unset("resetExpiresAt");
  }

  public List<StaffAccount> all() {
    return accounts.findAllByOrderByCreatedAtAsc().stream()
        .filter(account -> !account.removed())
        .toList();
  }

  public Optional<StaffAccount> byEmail(String email) {
    return accounts.findByEmail(normalised(email)).filter(account -> !account.removed());
  }

  /**
   * Changes a password after checking the current one (any mailed link closes, and every browser
   * signed in as them here but the one {@code keptSid} names is asked for the new one, and they are
   * mailed that it changed); false when the current one is wrong.
   */
  public boolean changePassword(String staffId, String current, String next, String keptSid) {
    StaffAccount account = byId(staffId).orElse(null);
    if (account == null || !passwords.matches(current, account.passwordHash())) {
      return false;
    }
    // Only the hash: saving the whole account could put back an event the relay already sent.
    mongo.updateFirst(
        Query.query(where("_id").is(staffId)),
        closingLinks(new Update().set("passwordHash", passwords.encode(next)))
            .push("outbox", notices.of(account, Notice.PASSWORD_CHANGED)),
        StaffAccount.class);
    browsers.signOut(account, keptSid, "their password changed");
    return true;
  }

  /** Whether {@code password} is the account's (asked again before a change of its security). */
  public boolean passwordIs(String staffId, String password) {
    return byId(staffId)
        .map(account -> password != null && passwords.matches(password, account.passwordHash()))
        .orElse(false);
  }

  public Optional<StaffAccount> byId(String staffId) {
    return accounts.findById(staffId).filter(account -> !account.removed());
  }

  /**
   * Turns the mails about comments on their posts, and about drafts submitted for review, on or
   * off; a null leaves that one as it is.
   */
  public Optional<StaffAccount> setMailPreferences(
      String staffId, Boolean commentMails, Boolean reviewMails) {
    return change(
        staffId,
        account -> {
          if (commentMails != null) {
            account.wantCommentMails(commentMails);
          }
          if (reviewMails != null) {
            account.wantReviewMails(reviewMails);
          }
        });
  }

  /**
   * Changes what readers see of a staff member: their name, a short bio, their website and their
   * picture (blank ones are none). The name is on their next token; their earlier posts learn it
   * from {@code StaffChanged}.
   */
  public Optional<StaffAccount> describe(
      String staffId, String name, String bio, String website, String avatar) {
    return change(
        staffId,
        account ->
            account.describe(
                name.strip(), blankIsNone(bio), blankIsNone(website), blankIsNone(avatar)));
  }

  private static String blankIsNone(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /**
   * Gives a staff member another role; it holds from their next token (access tokens live {@code
   * access-token-ttl}).
   *
   * @throws StaffAccount.NotPossible for the owner, or to make someone owner
   */
  public Optional<StaffAccount> changeRole(String staffId, Role role) {
    return change(staffId, account -> account.changeRole(role));
  }

  /**
   * Takes a staff member's access away, or gives it back: a suspended account cannot sign in or get
   * a token, its open links stop working, and it is mailed nothing; its posts stay.
   *
   * @param byStaffId who asks (nobody suspends themself)
   * @throws StaffAccount.NotPossible for the owner, or oneself
   */
  public Optional<StaffAccount> suspend(String staffId, boolean suspended, String byStaffId) {
    return change(staffId, account -> account.suspend(suspended, byStaffId));
  }

  /**
   * Removes a staff member, as WordPress and Ghost let admins do: they sign in no more (a browser
   * session of theirs ends at its next sign-in step, an access token within {@code
   * access-token-ttl}), their address is forgotten here and, by {@code StaffRemoved}, wherever it
   * is kept, and it is free for a new invitation. Their posts stay, under their name.
   *
   * @param byStaffId who asks (nobody removes themself)
   * @return false when there is no such account
   * @throws StaffAccount.NotPossible for the owner, or oneself
   */
  public boolean remove(String staffId, String byStaffId) {
    while (true) {
      StaffAccount account = byId(staffId).orElse(null);
      if (account == null) {
        return false;
      }
      Long version = account.version();
      account.remove(byStaffId);
      var update =
          closingLinks(
              new Update()
                  .set("removed", true)
                  // unique, and nobody's: the address is free and forgotten
                  .set("email", "removed-" + staffId + "@removed.invalid")
                  .unset("passwordHash")
                  .unset("bio")
                  .unset("website")
                  .unset("avatar")
                  .inc("version", 1)
                  .push("outbox", stored(StaffRemoved.of(account, clock.instant()))));
      var sameVersion = Query.query(where("_id").is(staffId).and("version").is(version));
      if (mongo.updateFirst(sameVersion, update, StaffAccount.class).getModifiedCount() == 1) {
        return true;
      }
    }
  }

  /**
   * Applies a change to an account and tells the platform of its new state in one single-document
   * update, on the version it was read at (so two changes at once cannot send events that each miss
   * the other's part); tried again when another change came first.
   */
  private Optional<StaffAccount> change(String staffId, Consumer<StaffAccount> edit) {
    while (true) {
      StaffAccount account = byId(staffId).orElse(null);
      if (account == null) {
        return Optional.empty();
      }
      Long version = account.version();
      edit.accept(account);
      var update =
          new Update()
              .set("name", account.name())
              .set("bio", account.bio())
              .set("website", account.website())
              .set("avatar", account.avatar())
              .set("role", account.role())
              .set("suspended", account.suspended())
              .set("commentMailsOff", !account.wantsCommentMails())
              .set("reviewMailsOff", !account.wantsReviewMails())
              .inc("version", 1)
              .push("outbox", stored(StaffChanged.of(account, clock.instant())));
      if (account.suspended()) {
        closingLinks(update);
      }
      var sameVersion = Query.query(where("_id").is(staffId).and("version").is(version));
      if (mongo.updateFirst(sameVersion, update, StaffAccount.class).getModifiedCount() == 1) {
        return byId(staffId);
      }
    }
  }

  private Object stored(StaffEvent event) {
    return SecurityNotices.stored(mongo, event);
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    StaffAccount account =
        byEmail(username).orElseThrow(() -> new UsernameNotFoundException("No such staff"));
    return User.withUsername(account.email())
        .password(account.passwordHash())
        .roles(account.role().name())
        .disabled(account.suspended())
        .build();
  }

  /** A new account, with the event that tells the platform of it. */
  private StaffAccount account(String email, String name, Role role, String password) {
    return account(UUID.randomUUID().toString(), email, name, role, password);
  }

  private StaffAccount account(String id, String email, String name, Role role, String password) {
    var account =
        new StaffAccount(
            id, normalised(email), name.strip(), role, passwords.encode(password), clock.instant());
    account.announce(clock.instant());
    return account;
  }

  /**
   * Accounts whose address was kept with an accent as a mark of its own, before addresses were
   * composed, have it composed now, so that their owners sign in however they type it; one whose
   * composed address another account has keeps its own, as signing in there is not theirs.
   *
   * @return how many addresses were composed
   */
  @EventListener(ApplicationReadyEvent.class)
  public int composeEarlierAddresses() {
    int composed = 0;
    for (StaffAccount account :
        mongo.find(Query.query(where("email").regex("[^\\x00-\\x7F]")), StaffAccount.class)) {
      String address = normalised(account.email());
      if (address.equals(account.email())) {
        continue;
      }
      try {
        mongo.updateFirst(
            Query.query(where("_id").is(account.id()).and("email").is(account.email())),
            new Update().set("email", address),
            StaffAccount.class);
        composed++;
      } catch (DuplicateKeyException anotherAccountHasIt) {
        log.warn("Account {} keeps its address: another account has it composed", account.id());
      }
    }
    return composed;
  }

  /**
   * Accounts created before staff events existed raise theirs now, each in one conditional
   * single-document update (two instances starting together announce an account once).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void announceEarlierAccounts() {
    var unannounced = Query.query(where("announced").ne(true));
    for (StaffAccount account : mongo.find(unannounced, StaffAccount.class)) {
      mongo.updateFirst(
          Query.query(where("_id").is(account.id()).and("announced").ne(true)),
          new Update()
              .set("announced", true)
              .push("outbox", stored(StaffChanged.of(account, clock.instant()))),
          StaffAccount.class);
    }
  }

  /**
   * An address as accounts keep it: without surrounding space, in lower case and composed (NFC), so
   * that "josé" typed with its accent as a mark of its own signs in as the "josé" it looks like.
   */
  static String normalised(String email) {
    return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }

  static String randomPassword() {
    byte[] bytes = new byte[18];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** An invitation for an address that already has an account. */
  public static class StaffExists extends RuntimeException {
    StaffExists(String email) {
      super("There is already a staff account for " + email + ".");
    }
  }
}
