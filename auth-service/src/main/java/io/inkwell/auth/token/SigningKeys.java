package io.inkwell.auth.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The key tokens are signed with, kept in the database so that tokens stay valid across restarts
 * and every instance signs with the same key. The first instance to start creates it.
 */
@Configuration(proxyBeanMethods = false)
class SigningKeys {

  static final String CURRENT = "current";

  @Document("signing_keys")
  record StoredKey(@Id String id, String jwk, Instant createdAt) {}

  @Bean
  JWKSource<SecurityContext> jwkSource(MongoTemplate mongo, Clock clock) throws Exception {
    return new ImmutableJWKSet<>(new JWKSet(current(mongo, clock)));
  }

  static RSAKey current(MongoTemplate mongo, Clock clock) throws Exception {
    StoredKey stored = mongo.findById(CURRENT, StoredKey.class);
    if (stored == null) {
      RSAKey generated = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
      try {
        mongo.insert(new StoredKey(CURRENT, generated.toJSONString(), clock.instant()));
        return generated;
      } catch (DuplicateKeyException anotherInstanceWasFaster) {
        stored = mongo.findById(CURRENT, StoredKey.class);
      }
    }
    return parse(stored);
  }

  private static RSAKey parse(StoredKey stored) throws ParseException {
    return RSAKey.parse(stored.jwk());
  }
}
