package io.inkwell.auth.token;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.ReplaceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.dao.DataRetrievalFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.core.AbstractOAuth2Token;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The authorizations of Spring Authorization Server (a sign-in's code and state, the tokens issued)
 * in MongoDB, not in one instance's memory: a sign-in started at one auth-service instance finishes
 * at another or after a restart, and nothing piles up, as expired authorizations are removed. Laid
 * out as Spring's {@code JdbcOAuth2AuthorizationService} lays out its table, with the same JSON
 * (Spring Security's Jackson modules, which check every class they read) for the attributes and
 * token metadata; token values are looked up directly, as there.
 */
@Component
public class Authorizations implements OAuth2AuthorizationService {

  static final String COLLECTION = "authorizations";

  /** How long a sign-in may take between the authorization request and the code. */
  private static final Duration UNFINISHED = Duration.ofMinutes(30);

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private static final String CODE = "code";
  private static final String ACCESS = "accessToken";
  private static final String REFRESH = "refreshToken";
  private static final String ID_TOKEN = "idToken";

  private final MongoOperations mongo;
  private final RegisteredClientRepository clients;
  private final Clock clock;
  private final JsonMapper json =
      JsonMapper.builder()
          .addModules(SecurityJacksonModules.getModules(Authorizations.class.getClassLoader()))
          .build();

  public Authorizations(MongoOperations mongo, RegisteredClientRepository clients, Clock clock) {
    this.mongo = mongo;
    this.clients = clients;
    this.clock = clock;
    var indexes = mongo.indexOps(COLLECTION);
    for (String field : List.of("state", CODE + ".value", ACCESS + ".value", REFRESH + ".value")) {
      indexes.createIndex(new Index(field, Sort.Direction.ASC).sparse());
    }
    indexes.createIndex(new Index("expiresAt", Sort.Direction.ASC));
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    mongo
        .getCollection(COLLECTION)
        .replaceOne(
            new Document("_id", authorization.getId()),
            toDocument(authorization),
            new ReplaceOptions().upsert(true));
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    mongo.remove(Query.query(where("_id").is(authorization.getId())), COLLECTION);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return find(where("_id").is(id));
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    if (tokenType == null) {
      return find(
          new Criteria()
              .orOperator(
                  Stream.of("state", CODE + ".value", ACCESS + ".value", REFRESH + ".value")
                      .map(field -> where(field).is(token))
                      .toList()));
    }
    String field =
        switch (tokenType.getValue()) {
          case OAuth2ParameterNames.STATE -> "state";
          case OAuth2ParameterNames.CODE -> CODE + ".value";
          case OAuth2ParameterNames.ACCESS_TOKEN -> ACCESS + ".value";
          case OAuth2ParameterNames.REFRESH_TOKEN -> REFRESH + ".value";
          case OidcParameterNames.ID_TOKEN -> ID_TOKEN + ".value";
          default -> null;
        };
    return field == null ? null : find(where(field).is(token));
  }

  /** Authorizations whose every token has run out (or whose sign-in was never finished) go. */
  @Scheduled(fixedDelayString = "${inkwell.auth.authorization-cleanup-interval:5m}")
  public void removeExpired() {
    mongo.remove(Query.query(where("expiresAt").lt(clock.instant())), COLLECTION);
  }

  private OAuth2Authorization find(Criteria criteria) {
    Document stored = mongo.findOne(Query.query(criteria), Document.class, COLLECTION);
    return stored == null ? null : fromDocument(stored);
  }

  private Document toDocument(OAuth2Authorization authorization) {
    var document =
        new Document("_id", authorization.getId())
            .append("registeredClientId", authorization.getRegisteredClientId())
            .append("principalName", authorization.getPrincipalName())
            .append("grantType", authorization.getAuthorizationGrantType().getValue())
            .append("scopes", new ArrayList<>(authorization.getAuthorizedScopes()))
            .append("attributes", json.writeValueAsString(authorization.getAttributes()))
            .append("state", authorization.getAttribute(OAuth2ParameterNames.STATE));
    Instant expiresAt = null;
    for (var token :
        List.of(
            Map.entry(CODE, OAuth2AuthorizationCode.class),
            Map.entry(ACCESS, OAuth2AccessToken.class),
            Map.entry(REFRESH, OAuth2RefreshToken.class),
            Map.entry(ID_TOKEN, OidcIdToken.class))) {
      OAuth2Authorization.Token<? extends AbstractOAuth2Token> held =
          authorization.getToken(token.getValue());
      if (held == null) {
        continue;
      }
      AbstractOAuth2Token value = held.getToken();
      var stored =
          new Document("value", value.getTokenValue())
              .append("issuedAt", date(value.getIssuedAt()))
              .append("expiresAt", date(value.getExpiresAt()))
              .append("metadata", json.writeValueAsString(held.getMetadata()));
      if (value instanceof OAuth2AccessToken access) {
        stored.append("scopes", new ArrayList<>(access.getScopes()));
      }
      document.append(token.getKey(), stored);
      if (value.getExpiresAt() != null
          && (expiresAt == null || value.getExpiresAt().isAfter(expiresAt))) {
        expiresAt = value.getExpiresAt();
      }
    }
    document.append(
        "expiresAt", date(expiresAt != null ? expiresAt : clock.instant().plus(UNFINISHED)));
    return document;
  }

  private OAuth2Authorization fromDocument(Document stored) {
    String clientId = stored.getString("registeredClientId");
    RegisteredClient client = clients.findById(clientId);
    if (client == null) {
      // as Spring's JDBC service: the client was removed (an integration revoked)
      throw new DataRetrievalFailureException(
          "The RegisteredClient with id '"
              + clientId
              + "' was not found in the RegisteredClientRepository.");
    }
    Map<String, Object> attributes = json.readValue(stored.getString("attributes"), MAP);
    var builder =
        OAuth2Authorization.withRegisteredClient(client)
            .id(stored.getString("_id"))
            .principalName(stored.getString("principalName"))
            .authorizationGrantType(new AuthorizationGrantType(stored.getString("grantType")))
            .authorizedScopes(new HashSet<>(stored.getList("scopes", String.class, List.of())))
            .attributes(all -> all.putAll(attributes));
    Document code = stored.get(CODE, Document.class);
    if (code != null) {
      builder.token(
          new OAuth2AuthorizationCode(
              code.getString("value"), instant(code, "issuedAt"), instant(code, "expiresAt")),
          metadata(code));
    }
    Document access = stored.get(ACCESS, Document.class);
    if (access != null) {
      Set<String> scopes = new HashSet<>(access.getList("scopes", String.class, List.of()));
      builder.token(
          new OAuth2AccessToken(
              OAuth2AccessToken.TokenType.BEARER,
              access.getString("value"),
              instant(access, "issuedAt"),
              instant(access, "expiresAt"),
              scopes),
          metadata(access));
    }
    Document refresh = stored.get(REFRESH, Document.class);
    if (refresh != null) {
      builder.refreshToken(
          new OAuth2RefreshToken(
              refresh.getString("value"),
              instant(refresh, "issuedAt"),
              instant(refresh, "expiresAt")));
    }
    Document idToken = stored.get(ID_TOKEN, Document.class);
    if (idToken != null) {
      Map<String, Object> metadata = json.readValue(idToken.getString("metadata"), MAP);
      @SuppressWarnings("unchecked")
      Map<String, Object> claims =
          (Map<String, Object>) metadata.get(OAuth2Authorization.Token.CLAIMS_METADATA_NAME);
      builder.token(
          new OidcIdToken(
              idToken.getString("value"),
              instant(idToken, "issuedAt"),
              instant(idToken, "expiresAt"),
              claims),
          all -> all.putAll(metadata));
    }
    return builder.build();
  }

  private Consumer<Map<String, Object>> metadata(Document token) {
    Map<String, Object> metadata = json.readValue(token.getString("metadata"), MAP);
    return all -> all.putAll(metadata);
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Instant instant(Document token, String field) {
    Date date = token.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
