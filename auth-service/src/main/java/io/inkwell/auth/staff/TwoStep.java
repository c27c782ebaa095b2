package io.inkwell.auth.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.inkwell.auth.site.SiteName;
import io.inkwell.auth.staff.StaffSecurityNotice.Notice;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;

/**
 * Two-step sign-in, as WordPress's Two Factor plugin and GitHub offer it: after the password, a
 * six-digit code of an authenticator app (TOTP, RFC 6238: 30 seconds, SHA-1, as every app reads
 * it), or one of ten recovery codes, each good once. A staff member turns it on by scanning the
 * secret and typing a code of it, which proves the app has it; the secret is kept encrypted
 * (AES-GCM with the signing keys' secret and a salt of its own), recovery codes only as hashes. A
 * code is taken once: the time step it belongs to is written down with a conditional update.
 */
@Component
public class TwoStep {

  private static final Logger log = LoggerFactory.getLogger(TwoStep.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int RECOVERY_CODES = 10;

  private final TimeBasedOneTimePasswordGenerator codes = new TimeBasedOneTimePasswordGenerator();
  private final MongoOperations mongo;
  private final StaffAccounts accounts;
  private final SiteName site;
  private final SecurityNotices notices;
  private final Clock clock;
  private final String secret;

  TwoStep(
      MongoOperations mongo,
      StaffAccounts accounts,
      SiteName site,
      SecurityNotices notices,
      Clock clock,
      @Value("${inkwell.auth.signing-key.secret}") String secret) {
    this.mongo = mongo;
    this.accounts = accounts;
    this.site = site;
    this.notices = notices;
    this.clock = clock;
    this.secret = secret;
  }

  /**
   * @param key the secret for an app that cannot scan ({@code ABCD EFGH …})
   * @param uri the {@code otpauth://} address the QR code carries
   * @param qrCode that QR code, an SVG drawing to show as it is
   */
  public record Setup(String key, String uri, String qrCode) implements java.io.Serializable {

    Setup(String key, String uri) {
      this(key, uri, QrCode.svg(uri));
    }
  }

  /** A new secret to scan, kept aside until a code of it is typed; none for an unknown account. */
  public Optional<Setup> begin(String staffId) {
    return accounts
        .findById(staffId)
        .filter(account -> !account.removed())
        .map(
            account -> {
              byte[] bytes = new byte[20];
              RANDOM.nextBytes(bytes);
              String key = new Base32().encodeToString(bytes);
              String salt = KeyGenerators.string().generateKey();
              mongo.updateFirst(
                  Query.query(where("_id").is(staffId)),
                  new Update()
                      .set("twoStepPendingSecret", encryptor(salt).encrypt(key))
                      .set("twoStepPendingSalt", salt),
                  StaffAccount.class);
              return new Setup(grouped(key), uri(account.email(), key));
            });
  }

  /**
   * Turns two-step sign-in on when {@code code} is one of the secret being set up: the ten recovery
   * codes, shown this once; empty when nothing is being set up or the code is not its.
   */
  public Optional<List<String>> confirm(String staffId, String code) {
    var stored =
        mongo.findOne(Query.query(where("_id").is(staffId)), org.bson.Document.class, "staff");
    var account = accounts.findById(staffId).orElse(null);
    if (stored == null || account == null || stored.getString("twoStepPendingSecret") == null) {
      return Optional.empty();
    }
    String salt = stored.getString("twoStepPendingSalt");
    String key = encryptor(salt).decrypt(stored.getString("twoStepPendingSecret"));
    Long step = matchingStep(key, code);
    if (step == null) {
      return Optional.empty();
    }
    List<String> recovery = recoveryCodes();
    List<String> hashes = recovery.stream().map(TwoStep::hash).toList();
    var turnedOn =
        mongo.updateFirst(
            Query.query(
                where("_id")
                    .is(staffId)
                    .and("twoStepPendingSecret")
                    .is(stored.getString("twoStepPendingSecret"))),
            new Update()
                .set("twoStepSecret", stored.getString("twoStepPendingSecret"))
                .set("twoStepSalt", salt)
                .set("twoStepRecovery", hashes)
                .set("twoStepLastStep", step)
                .unset("twoStepPendingSecret")
                .unset("twoStepPendingSalt")
                .push("outbox", notices.of(account, Notice.TWO_STEP_ON)),
            StaffAccount.class);
    if (turnedOn.getModifiedCount() != 1) {
      return Optional.empty();
    }
    log.info("Staff {} turned two-step sign-in on", staffId);
    return Optional.of(recovery);
  }

  /**
   * Ten new recovery codes in place of those left (GitHub's "Regenerate recovery codes"), shown
   * this once; empty when two-step sign-in is off.
   */
  public Optional<List<String>> renewRecoveryCodes(String staffId) {
    var account = accounts.findById(staffId).orElse(null);
    if (account == null) {
      return Optional.empty();
    }
    List<String> recovery = recoveryCodes();
    var renewed =
        mongo.updateFirst(
            Query.query(where("_id").is(staffId).and("twoStepSecret").exists(true)),
            new Update()
                .set("twoStepRecovery", recovery.stream().map(TwoStep::hash).toList())
                .push("outbox", notices.of(account, Notice.RECOVERY_CODES_RENEWED)),
            StaffAccount.class);
    if (renewed.getModifiedCount() != 1) {
      return Optional.empty();
    }
    log.info("Staff {} has new recovery codes", staffId);
    return Optional.of(recovery);
  }

  private static List<String> recoveryCodes() {
    List<String> recovery = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      recovery.add(recoveryCode());
    }
    return recovery;
  }

  /**
   * Signing in takes the password alone again (their own choice, or an admin's); when it was on,
   * they are mailed that it is off, and by whom.
   *
   * @param byAdmin the name of the admin who turned it off; null when it was them
   */
  public void turnOff(String staffId, String byAdmin) {
    var account = accounts.findById(staffId).orElse(null);
    if (account == null) {
      return;
    }
    var off =
        new Update()
            .unset("twoStepSecret")
            .unset("twoStepSalt")
            .unset("twoStepRecovery")
            .unset("twoStepLastStep")
            .unset("twoStepPendingSecret")
            .unset("twoStepPendingSalt");
    var wasOn = Query.query(where("_id").is(staffId).and("twoStepSecret").exists(true));
    var told = off.push("outbox", notices.of(account, Notice.TWO_STEP_OFF, null, byAdmin, null));
    if (mongo.updateFirst(wasOn, told, StaffAccount.class).getModifiedCount() == 1) {
      log.info("Two-step sign-in of staff {} is off", staffId);
    } else {
      // only a setup begun and not finished, if anything, to forget
      mongo.updateFirst(
          Query.query(where("_id").is(staffId)),
          new Update().unset("twoStepPendingSecret").unset("twoStepPendingSalt"),
          StaffAccount.class);
    }
  }

  /** Whether signing in as {@code email} takes a code after the password. */
  public boolean required(String email) {
    return accounts
        .findByEmail(StaffManagement.normalised(email))
        .map(StaffAccount::twoStep)
        .orElse(false);
  }

  /**
   * Whether {@code code} lets {@code email} in: a code of their app not taken before (this one, the
   * one before or the next, for clocks a little apart), or a recovery code, which is gone then.
   */
  public boolean passes(String email, String code) {
    StaffAccount account = accounts.findByEmail(StaffManagement.normalised(email)).orElse(null);
    if (account == null || !account.twoStep() || code == null) {
      return false;
    }
    String typed = code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    if (typed.matches("\\d{6}")) {
      String key = encryptor(account.twoStepSalt()).decrypt(account.twoStepSecret());
      Long step = matchingStep(key, typed);
      return step != null
          && mongo
                  .updateFirst(
                      Query.query(
                          where("_id")
                              .is(account.id())
                              .orOperator(
                                  where("twoStepLastStep").lt(step),
                                  where("twoStepLastStep").exists(false))),
                      new Update().set("twoStepLastStep", step),
                      StaffAccount.class)
                  .getModifiedCount()
              == 1;
    }
    boolean recovered =
        typed.length() == 10
            && mongo
                    .updateFirst(
                        Query.query(
                            where("_id").is(account.id()).and("twoStepRecovery").is(hash(typed))),
                        new Update()
                            .pull("twoStepRecovery", hash(typed))
                            .push(
                                "outbox",
                                notices.of(
                                    account,
                                    Notice.RECOVERY_CODE_USED,
                                    null,
                                    null,
                                    account.recoveryCodesLeft() - 1)),
                        StaffAccount.class)
                    .getModifiedCount()
                == 1;
    if (recovered) {
      log.info("Staff {} signed in with a recovery code", account.id());
    }
    return recovered;
  }

  /** The time step whose code {@code code} is, around now; null when none is. */
  private Long matchingStep(String key, String code) {
    if (code == null || !code.strip().matches("\\d{6}")) {
      return null;
    }
    var secretKey = new SecretKeySpec(new Base32().decode(key), codes.getAlgorithm());
    Instant now = clock.instant();
    long period = codes.getTimeStep().toSeconds();
    for (long offset : new long[] {0, -1, 1}) {
      Instant at = now.plusSeconds(offset * period);
      try {
        if (codes.generateOneTimePasswordString(secretKey, at).equals(code.strip())) {
          return at.getEpochSecond() / period;
        }
      } catch (InvalidKeyException e) {
        throw new IllegalStateException("a 160-bit HMAC key is always valid", e);
      }
    }
    return null;
  }

  private String uri(String email, String key) {
    String issuer = site.current();
    return "otpauth://totp/"
        + encode(issuer + ":" + email)
        + "?secret="
        + key
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits=6&period=30";
  }

  private TextEncryptor encryptor(String salt) {
    return Encryptors.delux(secret, salt);
  }

  /** Ten letters and digits an app-less person can type: {@code k7qmz-2xw4p}. */
  private static String recoveryCode() {
    byte[] bytes = new byte[7];
    RANDOM.nextBytes(bytes);
    String code = new Base32().encodeToString(bytes).substring(0, 10).toLowerCase(Locale.ROOT);
    return code.substring(0, 5) + "-" + code.substring(5);
  }

  private static String hash(String recoveryCode) {
    return StaffManagement.sha256(recoveryCode.replace("-", "").toLowerCase(Locale.ROOT));
  }

  private static String grouped(String key) {
    return String.join(" ", key.split("(?<=\\G.{4})"));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
