package io.inkwell.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.inkwell.auth.token.Authorizations;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Sign-ins and tokens are kept in MongoDB: another auth-service instance (or this one after a
 * restart) reads them back whole, and they are removed once every token ran out.
 */
class AuthorizationsTests extends AuthServiceIntegrationTest {

  @Autowired private RegisteredClientRepository clients;

  /** What another instance, sharing the database, would see. */
  private Authorizations anotherInstance(Clock clock) {
    return new Authorizations(mongo, clients, clock);
  }

  @Test
  void aSignInIsReadBackWholeByAnotherInstance() {
    var tokens = signIn().personTokens(WEB, REDIRECT, OWNER, OWNER_PASSWORD);
    String accessToken = tokens.path("access_token").asString();

    var authorization =
        anotherInstance(Clock.systemUTC()).findByToken(accessToken, OAuth2TokenType.ACCESS_TOKEN);

    assertThat(authorization).isNotNull();
    assertThat(authorization.getPrincipalName()).isEqualTo(OWNER);
    assertThat(authorization.getAccessToken().getToken().getTokenValue()).isEqualTo(accessToken);
    assertThat(authorization.getAccessToken().getToken().getTokenType())
        .isEqualTo(OAuth2AccessToken.TokenType.BEARER);
    assertThat(authorization.getToken(OidcIdToken.class).getToken().getTokenValue())
        .isEqualTo(tokens.path("id_token").asString());
    assertThat(authorization.getToken(OidcIdToken.class).getToken().getClaimAsString("name"))
        .isEqualTo("Blog owner");
    // the code was used once and is marked so
    assertThat(authorization.getToken(OAuth2AuthorizationCode.class).isInvalidated()).isTrue();
    assertThat(authorization.<Authentication>getAttribute(Principal.class.getName()).getName())
        .isEqualTo(OWNER);
    assertThat(
            authorization
                .<OAuth2AuthorizationRequest>getAttribute(
                    OAuth2AuthorizationRequest.class.getName())
                .getRedirectUri())
        .isEqualTo(REDIRECT);
    assertThat(anotherInstance(Clock.systemUTC()).findByToken(accessToken, null).getId())
        .isEqualTo(authorization.getId());
    assertThat(anotherInstance(Clock.systemUTC()).findById(authorization.getId())).isNotNull();
  }

  @Test
  void tokensOfAnIntegrationDoNotPileUpOnceTheyRanOut() {
    String token = signIn().clientCredentials("ci-bot", "ci-bot-secret-of-some-length");
    var kept = Query.query(Criteria.where("accessToken.value").is(token));
    assertThat(mongo.exists(kept, Document.class, "authorizations")).isTrue();

    anotherInstance(Clock.systemUTC()).removeExpired();
    assertThat(mongo.exists(kept, Document.class, "authorizations")).isTrue();

    anotherInstance(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(11))).removeExpired();
    assertThat(mongo.exists(kept, Document.class, "authorizations")).isFalse();
  }
}
