package io.inkwell.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Access tokens as auth-service issues them, for the services' own tests: signed with a test key
 * whose JWK set is served over real HTTP, so a service validates them exactly as in production
 * (fetching the key set, checking signature, issuer, audience and expiry). Variants that must be
 * refused: expired, signed by another key, for another audience, unsigned ({@code alg: none}).
 */
public final class TestTokens {

  public static final String ISSUER = "http://inkwell.test";
  public static final String AUDIENCE = "inkwell-api";

  private static final RSAKey KEY = generate("inkwell-test");

  /** Same key id, other key: what a forger without the private key could do at best. */
  private static final RSAKey FORGER = generate("inkwell-test");

  private static final HttpServer JWKS = serve();

  private TestTokens() {}

  /** Where the services under test fetch the key set. */
  public static String jwksUri() {
    return "http://localhost:" + JWKS.getAddress().getPort() + "/oauth2/jwks";
  }

  public static Token as(String subject, String name, String role) {
    return new Token(subject, name, role, AUDIENCE, Duration.ofMinutes(10), KEY, true);
  }

  public static String staff(String subject, String name, String role) {
    return as(subject, name, role).build();
  }

  public static String integration(String clientId) {
    return staff(clientId, "Integration " + clientId, "INTEGRATION");
  }

  /** A token being built; each method answers a changed copy. */
  public record Token(
      String subject,
      String name,
      String role,
      String audience,
      Duration validFor,
      RSAKey key,
      boolean signed) {

    public Token expired() {
      return new Token(subject, name, role, audience, Duration.ofMinutes(-5), key, signed);
    }

    public Token forAudience(String other) {
      return new Token(subject, name, role, other, validFor, key, signed);
    }

    public Token forged() {
      return new Token(subject, name, role, audience, validFor, FORGER, signed);
    }

    public Token unsigned() {
      return new Token(subject, name, role, audience, validFor, key, false);
    }

    public String build() {
      Instant now = Instant.now();
      var claims =
          new JWTClaimsSet.Builder()
              .issuer(ISSUER)
              .subject(subject)
              .audience(audience)
              .issueTime(Date.from(now.minus(Duration.ofMinutes(10))))
              .notBeforeTime(Date.from(now.minus(Duration.ofMinutes(10))))
              .expirationTime(Date.from(now.plus(validFor)))
              .jwtID(UUID.randomUUID().toString())
              .claim("name", name)
              .claim("roles", List.of(role))
              .build();
      if (!signed) {
        return new PlainJWT(claims).serialize();
      }
      try {
        var jwt =
            new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer serve() {
    try {
      var server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
      byte[] body = new JWKSet(KEY.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/oauth2/jwks",
          exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
