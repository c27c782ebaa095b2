package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.AuthSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Staff accounts: the owner on first start, invitations, sign-in and password changes. */
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

  StaffManagement(
      StaffAccounts accounts,
      PasswordEncoder passwords,
      AuthSettings settings,
      Clock clock,
      MongoOperations mongo) {
    this.mongo = mongo;
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
      accounts.insert(account(owner.email(), owner.name(), Role.OWNER, owner.password()));
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
    var open =
        Query.query(
            where("invitationHash")
                .is(sha256(token))
                .and("invitationExpiresAt")
                .gt(clock.instant()));
    var accepted =
        new Update()
            .set("passwordHash", passwords.encode(password))
            .unset("invitationHash")
            .unset("invitationExpiresAt");
    return mongo.updateFirst(open, accepted, StaffAccount.class).getModifiedCount() == 1;
  }

  public List<StaffAccount> all() {
    return accounts.findAllByOrderByCreatedAtAsc();
  }

  public Optional<StaffAccount> byEmail(String email) {
    return accounts.findByEmail(normalised(email));
  }

  /** Changes a password after checking the current one; false when the current one is wrong. */
  public boolean changePassword(String staffId, String current, String next) {
    StaffAccount account = accounts.findById(staffId).orElse(null);
    if (account == null || !passwords.matches(current, account.passwordHash())) {
      return false;
    }
    // Only the hash: saving the whole account could put back an event the relay already sent.
    mongo.updateFirst(
        Query.query(where("_id").is(staffId)),
        new Update().set("passwordHash", passwords.encode(next)),
        StaffAccount.class);
    return true;
  }

  public Optional<StaffAccount> byId(String staffId) {
    return accounts.findById(staffId);
  }

  /**
   * Turns the mails about comments on their posts on or off, and tells notification-service (with
   * the change, in one single-document update).
   */
  public Optional<StaffAccount> setCommentMails(String staffId, boolean wanted) {
    return accounts
        .findById(staffId)
        .map(
            account -> {
              var changed = StaffChanged.of(account, wanted, clock.instant());
              mongo.updateFirst(
                  Query.query(where("_id").is(staffId)),
                  new Update()
                      .set("commentMailsOff", !wanted)
                      .push(
                          "outbox",
                          mongo
                              .getConverter()
                              .convertToMongoType(changed, TypeInformation.of(StaffEvent.class))),
                  StaffAccount.class);
              return accounts.findById(staffId).orElseThrow();
            });
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    StaffAccount account =
        byEmail(username).orElseThrow(() -> new UsernameNotFoundException("No such staff"));
    return User.withUsername(account.email())
        .password(account.passwordHash())
        .roles(account.role().name())
        .build();
  }

  /** A new account, with the event that tells the platform of it. */
  private StaffAccount account(String email, String name, Role role, String password) {
    var account =
        new StaffAccount(
            UUID.randomUUID().toString(),
            normalised(email),
            name.strip(),
            role,
            passwords.encode(password),
            clock.instant());
    account.announce(clock.instant());
    return account;
  }

  /**
   * Accounts created before staff events existed raise theirs now, each in one conditional
   * single-document update (two instances starting together announce an account once).
   */
  @EventListener(ApplicationReadyEvent.class)
  public void announceEarlierAccounts() {
    var unannounced = Query.query(where("announced").ne(true));
    for (StaffAccount account : mongo.find(unannounced, StaffAccount.class)) {
      var event =
          mongo
              .getConverter()
              .convertToMongoType(
                  StaffChanged.of(account, clock.instant()), TypeInformation.of(StaffEvent.class));
      mongo.updateFirst(
          Query.query(where("_id").is(account.id()).and("announced").ne(true)),
          new Update().set("announced", true).push("outbox", event),
          StaffAccount.class);
    }
  }

  static String normalised(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }

  private static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String sha256(String token) {
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
