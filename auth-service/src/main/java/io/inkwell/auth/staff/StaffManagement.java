package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.AuthSettings;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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

  public Invitation invite(String email, String name, Role role) {
    if (!role.invitable()) {
      throw new IllegalArgumentException("A blog has one owner; invite an ADMIN instead.");
    }
    String temporary = randomPassword();
    try {
      return new Invitation(accounts.insert(account(email, name, role, temporary)), temporary);
    } catch (DuplicateKeyException taken) {
      throw new StaffExists(normalised(email));
    }
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
          mongo.getConverter().convertToMongoType(StaffChanged.of(account, clock.instant()));
      mongo.updateFirst(
          Query.query(where("_id").is(account.id()).and("announced").ne(true)),
          new Update().set("announced", true).push("outbox", event),
          StaffAccount.class);
    }
  }

  static String normalised(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
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
