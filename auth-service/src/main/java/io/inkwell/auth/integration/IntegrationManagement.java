package io.inkwell.auth.integration;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.inkwell.auth.AuthSettings;
import io.inkwell.auth.staff.IntegrationRevoked;
import io.inkwell.auth.staff.StaffEvent;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.core.TypeInformation;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** Creates, lists and revokes integrations; a secret is shown once and then only its hash kept. */
@Service
public class IntegrationManagement {

  private static final Logger log = LoggerFactory.getLogger(IntegrationManagement.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Integrations integrations;
  private final MongoOperations mongo;
  private final PasswordEncoder passwords;
  private final AuthSettings settings;
  private final Clock clock;

  IntegrationManagement(
      Integrations integrations,
      MongoOperations mongo,
      PasswordEncoder passwords,
      AuthSettings settings,
      Clock clock) {
    this.integrations = integrations;
    this.mongo = mongo;
    this.passwords = passwords;
    this.settings = settings;
    this.clock = clock;
  }

  /** A new integration with the secret its program authenticates with, shown this once. */
  public record Created(Integration integration, String secret) {}

  public Created create(String name) {
    String secret = random(32);
    var integration =
        new Integration(
            "integration-" + random(9), name.strip(), passwords.encode(secret), clock.instant());
    return new Created(integrations.insert(integration), secret);
  }

  /** Keeps an integration whose secret is already encoded (a client saved by the protocol). */
  public void store(Integration integration) {
    integrations.save(integration);
  }

  public List<Integration> all() {
    return integrations.findAllLive();
  }

  public Optional<Integration> byClientId(String clientId) {
    return integrations.findLive(clientId);
  }

  /**
   * Revoked at once for new tokens; the tokens it was given before are refused by the gateway and
   * the services as soon as {@code IntegrationRevoked}, raised in the same single-document update,
   * reaches them, and by this service's own API at once.
   *
   * @return false when there is no such integration (or it is revoked already)
   */
  public boolean revoke(String clientId) {
    var live = Query.query(where("_id").is(clientId).and("revoked").ne(true));
    var revoked =
        new Update()
            .set("revoked", true)
            .push(
                "outbox",
                mongo
                    .getConverter()
                    .convertToMongoType(
                        IntegrationRevoked.of(clientId, clock.instant()),
                        TypeInformation.of(StaffEvent.class)));
    return mongo.updateFirst(live, revoked, Integration.class).getModifiedCount() == 1;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensureBootstrapIntegration() {
    var bootstrap = settings.bootstrapIntegration();
    if (bootstrap.clientId() == null || bootstrap.secret() == null) {
      return;
    }
    if (integrations.existsById(bootstrap.clientId())) {
      return;
    }
    try {
      integrations.insert(
          new Integration(
              bootstrap.clientId(),
              bootstrap.name(),
              passwords.encode(bootstrap.secret()),
              clock.instant()));
      log.info("Created the integration {}", bootstrap.clientId());
    } catch (DuplicateKeyException anotherInstanceWasFaster) {
      // it exists now, which is all that was asked
    }
  }

  private static String random(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
