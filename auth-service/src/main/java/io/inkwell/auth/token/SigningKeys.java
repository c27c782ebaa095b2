package io.inkwell.auth.token;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The keys tokens are signed with, kept in the database (encrypted with a secret from
 * configuration) so that tokens stay valid across restarts and every instance signs alike. The
 * newest key signs; a new one is made every {@code rotation}, and a key stays published for
 * checking tokens for one more {@code rotation} after that (tokens live ten minutes), then goes.
 * Whichever instance first sees that a new key is due makes it: the key's id is its period, so two
 * instances cannot make two.
 */
@Configuration(proxyBeanMethods = false)
public class SigningKeys {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

  /**
   * One signing key; {@code jwk} is its JWK JSON (private part included) encrypted with AES-GCM
   * under a key derived from the configured secret and this key's own salt. A key stored before
   * encryption came has no salt and its JWK in the clear: it is encrypted at the next start.
   */
  @Document("signing_keys")
  record StoredKey(@Id String id, String jwk, String salt, Instant createdAt) {}

  private final MongoTemplate mongo;
  private final Clock clock;
  private final String secret;
  private final Duration rotation;
  private volatile List<RSAKey> keys = List.of();

  SigningKeys(
      MongoTemplate mongo,
      Clock clock,
      @Value("${inkwell.auth.signing-key.secret}") String secret,
      @Value("${inkwell.auth.signing-key.rotation:30d}") Duration rotation) {
    this.mongo = mongo;
    this.clock = clock;
    this.secret = secret;
    this.rotation = rotation;
    refresh(clock.instant());
  }

  /** Every key a token may be checked with, newest (the signing one) first. */
  @Bean
  JWKSource<SecurityContext> jwkSource() {
    return (selector, context) -> selector.select(new JWKSet(List.<JWK>copyOf(keys)));
  }

  /** Signs with the newest key; Spring Authorization Server uses this encoder. */
  @Bean
  JwtEncoder jwtEncoder(JWKSource<SecurityContext> jwkSource) {
    var encoder = new NimbusJwtEncoder(jwkSource);
    encoder.setJwkSelector(
        candidates ->
            candidates.stream()
                .filter(candidate -> candidate.getKeyID().equals(keys.get(0).getKeyID()))
                .findFirst()
                .orElse(candidates.get(0)));
    return encoder;
  }

  @Scheduled(fixedDelayString = "${inkwell.auth.signing-key.check-interval:1h}")
  void refreshNow() {
    refresh(clock.instant());
  }

  /**
   * Makes the key due at {@code now} if there is none yet, drops retired keys, reloads; runs every
   * hour, and whenever an operator (or a test) wants it.
   */
  public void refresh(Instant now) {
    long period = now.toEpochMilli() / rotation.toMillis();
    String due = "period-" + period;
    if (!mongo.exists(Query.query(where("_id").is(due)), StoredKey.class)) {
      create(due, now);
    }
    mongo.remove(
        Query.query(where("createdAt").lt(now.minus(rotation.multipliedBy(2)))), StoredKey.class);
    var stored =
        mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "createdAt")), StoredKey.class);
    keys = stored.stream().map(this::decrypted).toList();
  }

  private void create(String id, Instant now) {
    try {
      RSAKey generated = new RSAKeyGenerator(2048).keyID(id).generate();
      String salt = KeyGenerators.string().generateKey();
      mongo.insert(
          new StoredKey(
              id, Encryptors.delux(secret, salt).encrypt(generated.toJSONString()), salt, now));
      log.info("Made the signing key {}", id);
    } catch (DuplicateKeyException anotherInstanceWasFaster) {
      // it made this period's key: the same one is read below
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not make a signing key", e);
    }
  }

  private RSAKey decrypted(StoredKey stored) {
    try {
      if (stored.salt() == null) {
        return encryptedNow(stored);
      }
      return RSAKey.parse(Encryptors.delux(secret, stored.salt()).decrypt(stored.jwk()));
    } catch (ParseException | IllegalStateException e) {
      throw new IllegalStateException(
          "Cannot read signing key "
              + stored.id()
              + ": is inkwell.auth.signing-key.secret (INKWELL_SIGNING_KEY_SECRET) the one it was"
              + " stored with?",
          e);
    }
  }

  /** A key kept in the clear by an earlier version: encrypted in place, used as it was. */
  private RSAKey encryptedNow(StoredKey stored) throws ParseException {
    RSAKey key = RSAKey.parse(stored.jwk());
    String salt = KeyGenerators.string().generateKey();
    mongo.updateFirst(
        Query.query(where("_id").is(stored.id())),
        new Update()
            .set("jwk", Encryptors.delux(secret, salt).encrypt(stored.jwk()))
            .set("salt", salt),
        StoredKey.class);
    return key;
  }
}
